"""The stages that visit the platforms: register, scan (with the importers and the browser pass), monitor."""
from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from govlens.errors import CampaignFileError
from govlens.messages import os_reason, t
from govlens.pipeline.campaign import Campaign, require_file
from govlens.pipeline.stage import SPOOL_NAME, Progress, StageReport
from govlens.progress import active
from govlens.registry import RegistryLoad, load_registry
from govlens.store import CampaignStore

# The scoring engine and the awards (scipy, SALib: about 70 MB) are imported by the stages that use
# them, so a scan — hours long, memory-bounded — does not carry them.


def register(campaign: Campaign, store: CampaignStore) -> StageReport:
    t0 = time.perf_counter()
    require_file(campaign, "registry")
    task = active().task("register")
    loaded: RegistryLoad = load_registry(campaign.registry)
    store.write_platforms(loaded.platforms)
    task.finish(len(loaded.platforms))
    kinds: dict[str, dict[str, int]] = {}
    for p in loaded.platforms:
        kinds.setdefault(p.kind, {"platforms": 0})["platforms"] += 1
    return StageReport("register", time.perf_counter() - t0, {"platforms": len(loaded.platforms)},
                       [str(e) for e in loaded.errors] + loaded.warnings, kinds)


def sandbox_state(campaign: Campaign) -> dict[str, Any] | None:
    path = campaign.sandbox or (Path(campaign.settings["SANDBOX_STATE"]) if campaign.settings["SANDBOX_STATE"] else None)
    if path is None:
        return None
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        reason = os_reason(exc) if isinstance(exc, OSError) else t("campaign.sandbox_not_json")
        raise CampaignFileError(t("campaign.sandbox_unreadable", path=Path(path).resolve(), reason=reason),
                                file=str(campaign.path)) from None


def scan(campaign: Campaign, store: CampaignStore, progress: Progress | None = None, *,
         resume: bool = False) -> StageReport:
    """Scan the registered platforms; ``resume`` continues the store's last (killed) scan."""
    from govlens.probes.importers.external_signals import import_signals
    from govlens.probes.scan import run_scan

    t0 = time.perf_counter()
    platforms = store.platforms()
    if not platforms:
        register(campaign, store)
        platforms = store.platforms()
    state = None if campaign.warc else sandbox_state(campaign)
    spool = campaign.out / SPOOL_NAME if campaign.settings.getbool("EVIDENCE_WARC") else None
    kinds, on_site, _ = kind_progress("scan", platforms)
    summary = run_scan(platforms, store, campaign.settings, sandbox_state=state, progress=progress, resume=resume,
                       warc=campaign.warc or None, capture=campaign.capture_warc, spool=spool, on_site=on_site)
    problems: list[str] = []
    facts = {"sites": summary.sites, "pages": summary.pages, "requests": summary.requests,
             "pages_per_second": round(summary.pages_per_second, 1)}
    if summary.resumed:
        facts["resumed_skipping"] = summary.skipped
    if summary.workers:
        facts["cluster_workers"] = summary.workers
    if campaign.capture_warc is not None:
        facts["captured"] = f"{summary.captured} → {campaign.capture_warc}"
    if campaign.warc:
        problems += warc_problems(summary.warc_problems, campaign.locale)
        skipped = list(summary.skipped_probes) + (["browser"] if campaign.settings.getbool("BROWSER_ENABLED") else [])
        facts.update({"source": t("facts.warc"), "not_in_archive": summary.not_in_archive,
                      "skipped_probes": ", ".join(skipped) or t("format.none")})
    else:
        facts.update(browse(campaign, store, platforms, state, problems, progress, resume=resume))
    if campaign.signals is not None:
        observations, errors = import_signals(campaign.signals, platforms)
        store.replace("observations", [o.as_row() for o in observations], probe="external_signals")
        problems += [str(e) for e in errors]
        facts["signals"] = len(observations)
    if campaign.overseas_signals is not None:
        from govlens.probes.importers.overseas_signals import NAME, import_overseas_signals
        observations, errors = import_overseas_signals(campaign.overseas_signals, platforms)
        store.replace("observations", [o.as_row() for o in observations], probe=NAME)
        problems += [str(e) for e in errors]
        facts["overseas_signals"] = len(observations)
    facts.update(import_data(campaign, store, platforms, problems))
    return StageReport("scan", time.perf_counter() - t0, facts, problems, kinds)


def kind_progress(stage: str, platforms: list[Any]) -> tuple[dict[str, dict[str, int]], Any, Any]:
    """A bar per platform kind of ``stage`` ("扫描 网站", "扫描 移动门户"), the scan's ``on_site`` that
    moves them and counts, per kind, the platforms scanned and those whose homepage failed, and the
    stage (to close it when the pass stops early)."""
    from govlens.contract.statuses import COMPLETED

    bars = active().stage(stage)
    totals: dict[str, int] = {}
    for p in platforms:
        totals[p.kind] = totals.get(p.kind, 0) + 1
    tasks = {kind: bars.task(kind, n) for kind, n in totals.items()}
    counts = {kind: {"platforms": n, "scanned": 0} for kind, n in totals.items()}

    def on_site(platform: Any, status: str | None) -> None:
        mine = counts[platform.kind]
        mine["scanned"] += 1
        if status:                 # a homepage was visited (accounts and hotlines have none: no column)
            mine["failed"] = mine.get("failed", 0) + (status != COMPLETED)
        task = tasks[platform.kind]
        task.advance(before=status is None)
        if task.done >= (task.total or 0):
            task.finish()

    return counts, on_site, bars


def warc_problems(problems: list[dict[str, Any]], locale: str) -> list[str]:
    """The bad records of a WARC-mode scan as sentences of the campaign's locale (file and offset named)."""
    from govlens.report.locale import load_locale
    L = load_locale(locale)
    return [warc_message(L, p["key"], p) for p in problems]


def warc_message(L: Any, key: str, params: dict[str, Any]) -> str:
    """One WARC problem (``warc.<key>``), its detail code (``warc.detail.<code>``) in words."""
    values = {k: v for k, v in params.items() if k != "key"}
    detail = str(values.get("detail") or "")
    if L.has(f"warc.detail.{detail}"):
        values["detail"] = L.t(f"warc.detail.{detail}")
    return L.t(f"warc.{key}", **values)


def monitor(campaign: Campaign, store: CampaignStore, progress: Progress | None = None, *,
            resume: bool = False, restart: bool = False,
            on_open: Callable[[dict[str, Any], int], None] | None = None) -> StageReport:
    """The availability monitor's window (``MONITOR_*`` settings) over the registered websites."""
    from govlens.probes.gatherers.monitor import run_monitor

    if campaign.warc:
        raise CampaignFileError(t("campaign.monitor_warc"), file=str(campaign.path), field="campaign.warc")
    t0 = time.perf_counter()
    platforms = store.platforms()
    if not platforms:
        register(campaign, store)
        platforms = store.platforms()
    task = active().task("monitor", "website", per=campaign.settings.getint("MONITOR_VISITS"))

    def moved(done: int, total: int) -> None:
        task.update(done, total)
        if progress is not None:
            progress(done, total)

    summary = run_monitor(platforms, store, campaign.settings, sandbox_state=sandbox_state(campaign),
                          resume=resume, restart=restart, progress=moved, on_open=on_open)
    task.finish()
    return StageReport("monitor", time.perf_counter() - t0,
                       {"sites": summary.sites, "visits": summary.visits, "failures": summary.failures,
                        "late": summary.late, "on_time": share_text(summary.on_time_share), "resumed": summary.resumed,
                        "already_done": summary.done_before})


def share_text(share: float | None) -> str | None:
    """99.7% (one decimal, never rounded up to 100% while a visit was late); None when nothing was measured."""
    if share is None:
        return None
    return f"{math.floor(share * 1000) / 10:.1f}%"


def import_data(campaign: Campaign, store: CampaignStore, platforms: list[Any], problems: list[str]) -> dict[str, Any]:
    """Run the importer of every data file the campaign names (the ``IMPORTERS`` setting over
    ``IMPORTERS_BASE``, :mod:`govlens.probes.components`), in their order (dependencies first).

    An all-or-nothing importer that refuses its file raises (nothing of it is imported); a per-row
    importer's bad rows become problems and its good rows are kept.
    """
    from govlens.probes.components import importers_by_key

    facts: dict[str, Any] = {}
    for key, module in importers_by_key(campaign.settings).items():
        path = campaign.data.get(key)
        if path is None:
            continue
        report = module.import_file(store, path, platforms, check_date=campaign.check_date)
        problems += [str(e) for e in report.errors]
        facts[key] = report.rows
    return facts


def browse(campaign: Campaign, store: CampaignStore, platforms: list[Any], state: dict[str, Any] | None,
           problems: list[str], progress: Progress | None = None, *, resume: bool = False) -> dict[str, Any]:
    """The browser pass: render the ``BROWSER_SAMPLE`` of the websites (``auto``: all up to 2,000, then a
    stratified sample; 0: all; N: N of them; see :mod:`govlens.probes.gatherers.browser.sample`),
    ``BROWSER_PAGES`` at a time.

    It has its own visit ledger (``resume`` continues a killed pass, as for the HTTP scan).

    Without a browser it says so in ``problems`` and returns: the HTTP-only indicators still run.
    """
    from govlens.errors import BrowserUnavailable
    from govlens.probes.gatherers.browser import browser_sample
    from govlens.probes.scan import run_scan

    s = campaign.settings
    if not s.getbool("BROWSER_ENABLED"):
        return {"rendered": 0}
    # a featured column is a page of a site, not a homepage: the browser renders homepages
    sample = browser_sample([p for p in platforms if p.kind != "column"], s["BROWSER_SAMPLE"])
    if not sample:
        return {"rendered": 0}
    settings = s.copy()
    settings.set("CONCURRENCY_SITES", max(1, s.getint("BROWSER_PAGES")), "cmdline")
    settings.set("CLUSTER_ADDRESS", "", "cmdline")      # the sample renders here, where the browser is
    settings.set("CLUSTER_WORKERS", 0, "cmdline")
    _, on_site, bars = kind_progress("browse", sample)
    try:
        summary = run_scan(sample, store, settings, sandbox_state=state, probes=("browser",), progress=progress,
                           resume=resume, on_site=on_site)
    except BrowserUnavailable as exc:
        bars.finish(complete=False)
        problems.append(t("problems.browser_unavailable", reason=exc))
        store.set_meta("browser", {"available": False, "reason": str(exc)})
        return {"rendered": 0}
    store.set_meta("browser", {"available": True, "sample": len(sample), "seconds": summary.elapsed,
                               "platform_ids": [p.id for p in sample]})
    return {"rendered": summary.sites, "render_seconds": round(summary.elapsed, 1)}
