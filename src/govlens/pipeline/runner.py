"""The stages of a campaign as functions the CLI calls; each reruns alone on the campaign's store.

    register → scan → score (indicators, then scoring) → awards → report

Each stage reads the stored output of the one before, so `govlens score` can be rerun with
another framework without scanning again, and `govlens report` without scoring again.

:func:`preflight` reads every input file a stage needs *before* the store is opened: a wrong
registry, signals file, framework or awards file stops the run with one message naming the
file, line and field, and the campaign store is not touched (not even its metadata).
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govlens.errors import CampaignFileError, InputError
from govlens.frameworks import load_framework, validate_references
from govlens.messages import os_reason, t
from govlens.pipeline.campaign import Campaign, require_file
from govlens.progress import active
from govlens.registry import RegistryLoad, load_registry
from govlens.store import CampaignStore
from govlens.store.queries import findings_per_kind
from govlens.text import LOCALES

SPOOL_NAME = "scan-spool.warc.gz"     # the scan's bounded spool of responses (the evidence file's source)

if TYPE_CHECKING:
    from govlens.awards import AwardsSummary
    from govlens.scoring import ScoringSummary

# The scoring engine and the awards (scipy, SALib: about 70 MB) are imported by the stages that use
# them, so a scan — hours long, memory-bounded — does not carry them.

Progress = Callable[[int, int], None]


@dataclass
class StageReport:
    """What a stage did, for the CLI to print."""

    stage: str
    seconds: float
    facts: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    kinds: dict[str, dict[str, int]] = field(default_factory=dict)    # platform kind → counts (summary table)


STAGE_INPUTS = {"scan": ("registry", "signals", "data"), "monitor": ("registry",),
                "score": ("framework",), "inspect": ("inspection",), "awards": ("awards",),
                "report": ("framework", "awards"),
                "run": ("registry", "signals", "data", "framework", "inspection", "awards")}


def preflight(campaign: Campaign, stage: str) -> None:
    """Load and validate the input files ``stage`` will read; raise the first error (nothing written).

    Data files of the importers are checked as far as is cheap (present, a known format, a CSV
    header with the required columns); their rows are checked when imported, all or nothing.
    """
    needs = STAGE_INPUTS.get(stage, ())
    check_files(campaign, needs, stage)
    if "framework" in needs:
        from govlens.indicators.registry import all_ids
        from govlens.scoring import NORMALISATION_METHODS
        for framework in campaign_frameworks(campaign):
            validate_references(framework, set(all_ids()), set(NORMALISATION_METHODS))
    if "inspection" in needs:
        from govlens.frameworks.inspection import (
            load_inspection_scheme,
            validate_scheme_references,
        )
        from govlens.indicators.registry import all_ids
        validate_scheme_references(load_inspection_scheme(campaign.inspection), set(all_ids()))
    if "awards" in needs:
        from govlens.awards import load_awards
        load_awards(campaign.awards)
    if "registry" in needs and stage in ("scan", "run"):
        for path in campaign.warc:                    # a missing archive stops the scan before the store is opened
            if not path.is_file():
                from govlens.probes.warc_source import WarcRecordError
                raise WarcRecordError("missing_file", file=str(path.resolve()))
    if "registry" in needs:
        loaded = load_registry(campaign.registry)
        if "signals" in needs and campaign.signals is not None:
            from govlens.probes.external_signals import import_signals
            import_signals(campaign.signals, loaded.platforms)     # an unusable file raises; bad rows do not
        if "signals" in needs and campaign.overseas_signals is not None:
            from govlens.probes.overseas_signals import import_overseas_signals
            import_overseas_signals(campaign.overseas_signals, loaded.platforms)
    if "data" in needs and campaign.data:
        from govlens.probes.importers import IMPORTERS
        from govlens.probes.tabular import check_file
        for key, path in campaign.data.items():
            module = IMPORTERS.get(key)
            if module is not None and hasattr(module, "SPEC"):
                check_file(path, module.SPEC)


def check_files(campaign: Campaign, needs: tuple[str, ...], stage: str) -> None:
    """Every file the stage reads exists, else one message: the key, its line and the full path."""
    if "registry" in needs:
        require_file(campaign, "registry")
        if stage in ("scan", "run"):
            for path in campaign.warc:         # from the campaign's `warc` key, or --from-warc
                require_file(campaign, "warc", path)
        if stage in ("scan", "run", "monitor") and not campaign.warc and campaign.sandbox is not None:
            require_file(campaign, "sandbox")
    if "signals" in needs:
        for key in ("signals", "overseas_signals"):
            require_file(campaign, key)
    if "data" in needs:
        for key, path in campaign.data.items():
            require_file(campaign, key, path)
    named = {"framework": [("framework", campaign.frameworks[0])] +
             [("frameworks" if "frameworks" in campaign.sources else "framework", f) for f in campaign.frameworks[1:]],
             "awards": [("awards", campaign.awards)], "inspection": [("inspection", campaign.inspection)]}
    for need, items in named.items():
        if need in needs:
            for key, name in items:
                if name.endswith((".yaml", ".yml")):
                    require_file(campaign, key, Path(name))


def open_store(campaign: Campaign) -> CampaignStore:
    """The campaign's store, once its folder is known to be a folder we can write in (else one clear error)."""
    from govlens.failures import check_output_folder
    check_output_folder(campaign.out)
    store = CampaignStore(campaign.store_path, memory_limit=campaign.settings["STORE_MEMORY_LIMIT"] or None)
    store.set_meta("campaign", campaign.describe())
    store.set_meta("settings", campaign.settings.as_dict())
    return store


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
    from govlens.probes.external_signals import import_signals
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
        from govlens.probes.overseas_signals import NAME, import_overseas_signals
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
    from govlens.probes.monitor import run_monitor

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
                        "late": summary.late, "resumed": summary.resumed, "already_done": summary.done_before})


def import_data(campaign: Campaign, store: CampaignStore, platforms: list[Any], problems: list[str]) -> dict[str, Any]:
    """Run the importer of every data file the campaign names (probes.importers), in dependency order.

    An all-or-nothing importer that refuses its file raises (nothing of it is imported); a per-row
    importer's bad rows become problems and its good rows are kept.
    """
    from govlens.probes.importers import IMPORTERS

    facts: dict[str, Any] = {}
    for key, module in IMPORTERS.items():
        path = campaign.data.get(key)
        if path is None:
            continue
        report = module.import_file(store, path, platforms, check_date=campaign.check_date)
        problems += [str(e) for e in report.errors]
        facts[key] = report.rows
    return facts


def browse(campaign: Campaign, store: CampaignStore, platforms: list[Any], state: dict[str, Any] | None,
           problems: list[str], progress: Progress | None = None, *, resume: bool = False) -> dict[str, Any]:
    """The browser pass: render ``BROWSER_SAMPLE`` websites (all when 0), ``BROWSER_PAGES`` at a time.

    It has its own visit ledger (``resume`` continues a killed pass, as for the HTTP scan).

    Without a browser it says so in ``problems`` and returns: the HTTP-only indicators still run.
    """
    from govlens.errors import BrowserUnavailable
    from govlens.probes.browser import browser_sample
    from govlens.probes.scan import run_scan

    s = campaign.settings
    if not s.getbool("BROWSER_ENABLED"):
        return {"rendered": 0}
    # a featured column is a page of a site, not a homepage: the browser renders homepages
    sample = browser_sample([p for p in platforms if p.kind != "column"], s.getint("BROWSER_SAMPLE"))
    if not sample:
        return {"rendered": 0}
    settings = s.copy()
    settings.set("CONCURRENCY_SITES", max(1, s.getint("BROWSER_PAGES")), "cmdline")
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


def score(campaign: Campaign, store: CampaignStore, only: set[str] | None = None) -> StageReport:
    """Indicators, then scoring, for every framework of the campaign (or the ``only`` ones)."""
    from govlens.indicators.registry import all_ids
    from govlens.indicators.run import run_indicators
    from govlens.scoring import NORMALISATION_METHODS, score_campaign

    t0 = time.perf_counter()
    frameworks = [fw for fw in campaign_frameworks(campaign) if only is None or fw.id in only]
    known = set(all_ids())
    for framework in frameworks:
        validate_references(framework, known, set(NORMALISATION_METHODS))
    store.require("observations", "scan")
    platforms = store.platforms()
    # each indicator runs once, on the platforms every framework using it scores (kinds, and groups if it names some)
    users: dict[str, list[Any]] = {}
    for framework in frameworks:
        for iid in framework.indicator_ids():
            users.setdefault(iid, []).append(framework)
    groups: dict[frozenset[tuple[tuple[str, ...], tuple[str, ...]]], list[str]] = {}
    for iid, fws in users.items():
        groups.setdefault(frozenset((fw.platform_kinds, fw.platform_groups) for fw in fws), []).append(iid)
    bar = active().task("indicators", total=sum(len(ids) for ids in groups.values()))
    for selectors, ids in groups.items():
        run_indicators(store, [p for p in platforms
                               if any(p.kind in kinds and (not grp or p.group in grp) for kinds, grp in selectors)],
                       indicator_ids=ids, check_date=campaign.check_date, settings=campaign.settings)
        bar.advance(len(ids))
    bar.finish()
    facts: dict[str, Any] = {}
    if campaign.settings.getbool("EVIDENCE_WARC"):
        from govlens.probes.warc_evidence import EVIDENCE_NAME, write_evidence
        kept = write_evidence(store, campaign.out / SPOOL_NAME, campaign.out / EVIDENCE_NAME, campaign.settings)
        facts["evidence_records"] = kept["evidence_records"]
    scored: dict[str, ScoringSummary] = {}
    reps = int(campaign.settings["SCORING_REPLICATIONS"])
    scoring = active().stage("score")
    bars = {fw.id: scoring.task(fw.id, sum(1 for p in platforms if fw.covers(p.kind, p.group))) for fw in frameworks}
    for framework in frameworks:
        if len(frameworks) > 1 and not any(framework.covers(p.kind, p.group) for p in platforms):
            facts[framework.id] = t("facts.no_platform")
            bars[framework.id].finish()
            continue
        summary: ScoringSummary = score_campaign(store, framework, replications=None if reps < 0 else reps)
        bars[framework.id].finish()
        scored[framework.id] = summary
        if len(frameworks) == 1:
            facts = {"framework": summary.framework, "platforms": summary.platforms, "scored": summary.scored,
                     "vetoed": summary.vetoed, "replications": summary.replications, **facts}
        else:
            facts[framework.id] = t("facts.framework_scored", scored=summary.scored, platforms=summary.platforms,
                                    vetoed=summary.vetoed)
    if campaign.previous is not None:
        require_file(campaign, "previous")
        facts.update(improvement(campaign, store, frameworks, platforms, scored, reps))
    return StageReport("score", time.perf_counter() - t0, facts, kinds=findings_by_kind(store))


def findings_by_kind(store: CampaignStore) -> dict[str, dict[str, int]]:
    """Findings per platform kind (the summary table's column)."""
    try:
        frame = findings_per_kind(store)
    except Exception:  # noqa: BLE001 - no findings table yet: no column
        return {}
    return {str(k): {"findings": int(n)} for k, n in zip(frame["kind"], frame["n"])}


IMPROVEMENT_INDICATOR = "index-improvement"


def improvement(campaign: Campaign, store: CampaignStore, frameworks: list[Any], platforms: list[Any],
                scored: dict[str, Any], reps: int) -> dict[str, Any]:
    """快速发展: this campaign's first framework against the previous campaign's (``previous``), with the
    engine of ``govlens compare``; one ``improvement`` observation per platform in both, then the
    frameworks that use ``index-improvement`` are scored again."""
    from govlens.contract.observation import COMPLETED, Observation
    from govlens.indicators.run import run_indicators
    from govlens.scoring import score_campaign
    from govlens.scoring.compare import compare, load_results

    first = campaign_frameworks(campaign)[0]
    base = first.id                                  # the campaign's first framework (website-2013)
    titles = {d.id: {loc: d.title(loc) for loc in LOCALES} for d in _all_dimensions(first.dimensions)}
    if base not in scored:                           # not scored now (e.g. a rescore after the review)
        return {}
    table = compare(load_results(campaign.previous, base), load_results(campaign.store_path, base))
    urls = {p.id: p.url for p in platforms}
    rows = []
    for pid, r in table.iterrows():
        change = r.get("index_change")
        if pid not in urls or change is None or change != change:
            continue
        rows.append(Observation(platform_id=str(pid), probe="previous_campaign", kind="improvement", url=urls[pid],
                                status=COMPLETED, data={
                                    "index_old": float(r["index_old"]), "index_new": float(r["index_new"]),
                                    "index_change": float(change), "rank_old": _int(r.get("rank_old")),
                                    "rank_new": _int(r.get("rank_new")), "main_driver": str(r.get("main_driver")),
                                    "main_driver_title": titles.get(str(r.get("main_driver")), {}),
                                    "previous": str(campaign.previous)}).as_row())
    store.replace("observations", rows, probe="previous_campaign")
    users = [fw for fw in frameworks if IMPROVEMENT_INDICATOR in fw.indicator_ids()]
    for fw in users:
        run_indicators(store, [p for p in platforms if p.kind in fw.platform_kinds],
                       indicator_ids=[IMPROVEMENT_INDICATOR], check_date=campaign.check_date,
                       settings=campaign.settings)
        score_campaign(store, fw, replications=None if reps < 0 else reps)
    return {"improvement": t("facts.compared", n=len(rows), name=campaign.previous.name)}


def _int(v: Any) -> int | None:
    try:
        return None if v is None or v != v else int(v)
    except (TypeError, ValueError):
        return None


def review_export(campaign: Campaign, store: CampaignStore, out: Path | None = None) -> StageReport:
    """Expert sheets for every framework with a review section (campaign keys ``reviewers``, ``review_dir``)."""
    from govlens.review import export_review, load_experts

    t0 = time.perf_counter()
    if campaign.reviewers is None:
        raise CampaignFileError(t("campaign.no_reviewers"), file=str(campaign.path), field="campaign.reviewers")
    require_file(campaign, "reviewers")
    task = active().task("review export")
    experts, errors = load_experts(campaign.reviewers)
    folder = out or campaign.review_dir or campaign.out / "review"
    from govlens.report.locale import load_locale

    summary = export_review(store, campaign_frameworks(campaign), experts, folder,
                            exclude_own=str(campaign.settings["REVIEW_EXCLUDE_OWN"]), locale=campaign.locale,
                            labels=load_locale(campaign.locale))
    loads = sorted(summary.load.values())
    task.finish()
    return StageReport("review export", time.perf_counter() - t0,
                       {"folder": str(folder), "experts": len(summary.files), "platforms": summary.platforms,
                        "load": t("facts.per_expert", low=loads[0], high=loads[-1]) if loads else t("format.none")},
                       [str(e) for e in errors])


def review_import(campaign: Campaign, store: CampaignStore, files: list[Path] | None = None,
                  rescore: bool = True) -> list[StageReport]:
    """Read the filled sheets (``files``, else every workbook of the review folder), then score again."""
    from govlens.review import import_review

    t0 = time.perf_counter()
    if not files:
        folder = campaign.review_dir or campaign.out / "review"
        files = sorted(folder.glob("*.xlsx")) if folder.is_dir() else []
        if not files:
            raise InputError(t("campaign.no_review_workbook"), file=str(folder.resolve()))
    s = campaign.settings
    task = active().task("review import", total=len(files))
    result = import_review(store, files, campaign_frameworks(campaign),
                           min_agreement=float(s["REVIEW_MIN_AGREEMENT"]), outlier_z=float(s["REVIEW_OUTLIER_Z"]))
    task.finish()
    icc = t("format.list_sep").join(f"{fid} {k.removesuffix(':overall')} {round(v, 3)}"
                                    for fid, vals in result.agreement.items()
                                    for k, v in vals.items() if k.endswith(":overall")) or t("format.none")
    reports = [StageReport("review import", time.perf_counter() - t0,
                           {"files": result.files, "sheets": result.sheets, "scores": result.scores,
                            "platforms": result.platforms, "outliers": result.outliers, "agreement": icc},
                           [str(e) for e in result.errors]
                           + [t("problems.not_scored", item=x) for x in result.not_scored[:20]])]
    if rescore:       # the frameworks whose index takes the experts' scores
        reports.append(score(campaign, store, only={fw.id for fw in campaign_frameworks(campaign) if fw.review}))
    return reports


def inspect(campaign: Campaign, store: CampaignStore) -> StageReport:
    """The national check: the scheme's indicators, then vetoes, deductions, bonus, qualified or not."""
    from govlens.frameworks.inspection import (
        load_inspection_scheme,
        validate_scheme_references,
    )
    from govlens.indicators.registry import all_ids
    from govlens.indicators.run import run_indicators
    from govlens.scoring.inspection import inspect_campaign

    t0 = time.perf_counter()
    scheme = load_inspection_scheme(campaign.inspection)
    validate_scheme_references(scheme, set(all_ids()))
    store.require("observations", "scan")
    chosen = [p for p in store.platforms() if p.kind in scheme.platform_kinds]
    task = active().task("inspect", scheme.id, len(chosen))
    run_indicators(store, chosen, indicator_ids=scheme.indicator_ids(), check_date=campaign.check_date,
                   settings=campaign.settings)
    summary = inspect_campaign(store, scheme, campaign.locale)
    task.finish()
    return StageReport("inspect", time.perf_counter() - t0,
                       {"scheme": summary.scheme, "platforms": summary.platforms, "qualified": summary.qualified,
                        "vetoed": summary.vetoed, "below_pass": summary.below_pass})


def _all_dimensions(dimensions: Any) -> Any:
    """Every dimension of a framework's tree, depth first."""
    for d in dimensions:
        yield d
        yield from _all_dimensions(d.dimensions)


def campaign_frameworks(campaign: Campaign) -> list[Any]:
    """The campaign's frameworks, each limited to the platform kinds the campaign gives it (if it does)."""
    import dataclasses

    out = []
    for name in campaign.frameworks:
        framework = load_framework(name)
        kinds = campaign.framework_kinds.get(name)
        if kinds:
            framework = dataclasses.replace(framework, platform_kinds=tuple(kinds))
        out.append(framework)
    return out


def awards(campaign: Campaign, store: CampaignStore) -> StageReport:
    from govlens.awards import load_awards, select_awards

    t0 = time.perf_counter()
    task = active().task("awards")
    summary: AwardsSummary = select_awards(store, load_awards(campaign.awards))
    task.finish()
    problems = [t("problems.unfilled", award=key, group=group, n=n) for key, group, n in summary.unfilled]
    return StageReport("awards", time.perf_counter() - t0,
                       {"awards": summary.awards, "winners": summary.winners, "nominations": summary.nominations},
                       problems)


def report(campaign: Campaign, store: CampaignStore) -> StageReport:
    from govlens.awards import load_awards
    from govlens.report import write_reports

    t0 = time.perf_counter()
    task = active().task("report")
    frameworks = campaign_frameworks(campaign)
    awards = load_awards(campaign.awards, year=campaign.year)       # {year} in its titles: the campaign's
    paths = write_reports(store, campaign.out, framework=frameworks[0], awards=awards, locale=campaign.locale,
                          more_frameworks=frameworks[1:], notice=campaign.notice)
    task.finish()
    return StageReport("report", time.perf_counter() - t0, {k: str(v) for k, v in paths.items()})


def run_all(campaign: Campaign, progress: Progress | None = None,
            on_stage: Callable[[StageReport], None] | None = None,
            reviewers: Callable[[Path], None] | None = None, *, resume: bool = False) -> list[StageReport]:
    """Every stage in order; ``resume`` continues a killed scan instead of starting a new one.

    ``reviewers``, when given, stands for the experts: after scoring, the review sheets are
    exported, handed to it (it fills them in), imported, and the campaign scored again (the demo's
    sandbox experts do this; a real campaign's experts take days, with ``govlens review``).
    """
    preflight(campaign, "run")
    reports = []
    with open_store(campaign) as store:
        stages: list[Callable[[Campaign, CampaignStore], StageReport | list[StageReport]]] = [
            register, lambda c, s: scan(c, s, progress, resume=resume)]
        if campaign.settings.getbool("MONITOR_IN_RUN"):
            stages.append(lambda c, s: monitor(c, s, restart=True))
        stages.append(score)
        if reviewers is not None and campaign.reviewers is not None:
            def review(c: Campaign, s: CampaignStore) -> list[StageReport]:
                exported = review_export(c, s)
                reviewers(Path(exported.facts["folder"]))
                return [exported] + review_import(c, s)
            stages.append(review)
        stages += [inspect, awards, report]
        for stage in stages:
            out = stage(campaign, store)
            for rep in out if isinstance(out, list) else [out]:
                reports.append(rep)
                if on_stage:
                    on_stage(rep)
    return reports


__all__ = ["InputError", "StageReport", "awards", "import_data", "improvement", "inspect", "monitor", "open_store",
           "preflight", "register", "report", "review_export", "review_import", "run_all", "scan", "score"]
