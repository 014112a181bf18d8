"""The stages of a campaign as functions the CLI calls; each reruns alone on the campaign's store.

    register → scan → score (indicators, then scoring) → awards → report

Each stage reads the stored output of the one before, so `govlens score` can be rerun with
another framework without scanning again, and `govlens report` without scoring again.
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govlens.awards import AwardsSummary, load_awards, select_awards
from govlens.campaign import Campaign
from govlens.errors import CampaignFileError, InputError
from govlens.frameworks import load_framework, validate_references
from govlens.registry import RegistryLoad, load_registry
from govlens.scoring import NORMALISATION_METHODS, ScoringSummary, score_campaign
from govlens.store import CampaignStore

Progress = Callable[[int, int], None]


@dataclass
class StageReport:
    """What a stage did, for the CLI to print."""

    stage: str
    seconds: float
    facts: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def open_store(campaign: Campaign) -> CampaignStore:
    store = CampaignStore(campaign.store_path)
    store.set_meta("campaign", campaign.describe())
    store.set_meta("settings", campaign.settings.as_dict())
    return store


def register(campaign: Campaign, store: CampaignStore) -> StageReport:
    t0 = time.perf_counter()
    loaded: RegistryLoad = load_registry(campaign.registry)
    store.write_platforms(loaded.platforms)
    return StageReport("register", time.perf_counter() - t0, {"platforms": len(loaded.platforms)},
                       [str(e) for e in loaded.errors] + loaded.warnings)


def sandbox_state(campaign: Campaign) -> dict[str, Any] | None:
    path = campaign.sandbox or (Path(campaign.settings["SANDBOX_STATE"]) if campaign.settings["SANDBOX_STATE"] else None)
    if path is None:
        return None
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CampaignFileError(f"cannot read sandbox state: {exc}", file=str(path)) from None


def scan(campaign: Campaign, store: CampaignStore, progress: Progress | None = None) -> StageReport:
    from govlens.probes.external_signals import import_signals
    from govlens.probes.scan import run_scan

    t0 = time.perf_counter()
    platforms = store.platforms()
    if not platforms:
        register(campaign, store)
        platforms = store.platforms()
    summary = run_scan(platforms, store, campaign.settings, sandbox_state=sandbox_state(campaign), progress=progress)
    problems: list[str] = []
    facts = {"sites": summary.sites, "pages": summary.pages, "requests": summary.requests,
             "pages_per_second": round(summary.pages_per_second, 1)}
    if campaign.signals is not None:
        observations, errors = import_signals(campaign.signals, platforms)
        store.replace("observations", [o.as_row() for o in observations], probe="external_signals")
        problems += [str(e) for e in errors]
        facts["signals"] = len(observations)
    return StageReport("scan", time.perf_counter() - t0, facts, problems)


def monitor(campaign: Campaign, store: CampaignStore, progress: Progress | None = None, *,
            resume: bool = False, restart: bool = False) -> StageReport:
    """The availability monitor's window (``MONITOR_*`` settings) over the registered websites."""
    from govlens.probes.monitor import run_monitor

    t0 = time.perf_counter()
    platforms = store.platforms()
    if not platforms:
        register(campaign, store)
        platforms = store.platforms()
    summary = run_monitor(platforms, store, campaign.settings, sandbox_state=sandbox_state(campaign),
                          resume=resume, restart=restart, progress=progress)
    return StageReport("monitor", time.perf_counter() - t0,
                       {"sites": summary.sites, "visits": summary.visits, "failures": summary.failures,
                        "late": summary.late, "resumed": summary.resumed, "already_done": summary.done_before})


def score(campaign: Campaign, store: CampaignStore) -> StageReport:
    from govlens.indicators.registry import all_ids
    from govlens.indicators.run import run_indicators

    t0 = time.perf_counter()
    framework = load_framework(campaign.framework)
    validate_references(framework, set(all_ids()), set(NORMALISATION_METHODS))
    store.require("observations", "scan")
    run_indicators(store, store.platforms(), indicator_ids=framework.indicator_ids(),
                   check_date=campaign.check_date, settings=campaign.settings)
    reps = int(campaign.settings["SCORING_REPLICATIONS"])
    summary: ScoringSummary = score_campaign(store, framework, replications=None if reps < 0 else reps)
    return StageReport("score", time.perf_counter() - t0,
                       {"framework": summary.framework, "platforms": summary.platforms, "scored": summary.scored,
                        "vetoed": summary.vetoed, "replications": summary.replications})


def inspect(campaign: Campaign, store: CampaignStore) -> StageReport:
    """The national check: the scheme's indicators, then vetoes, deductions, bonus, qualified or not."""
    from govlens.frameworks.inspection import load_inspection_scheme, validate_scheme_references
    from govlens.indicators.registry import all_ids
    from govlens.indicators.run import run_indicators
    from govlens.scoring.inspection import inspect_campaign

    t0 = time.perf_counter()
    scheme = load_inspection_scheme(campaign.inspection)
    validate_scheme_references(scheme, set(all_ids()))
    store.require("observations", "scan")
    run_indicators(store, store.platforms(), indicator_ids=scheme.indicator_ids(),
                   check_date=campaign.check_date, settings=campaign.settings)
    summary = inspect_campaign(store, scheme, campaign.locale)
    return StageReport("inspect", time.perf_counter() - t0,
                       {"scheme": summary.scheme, "platforms": summary.platforms, "qualified": summary.qualified,
                        "vetoed": summary.vetoed, "below_pass": summary.below_pass})


def awards(campaign: Campaign, store: CampaignStore) -> StageReport:
    t0 = time.perf_counter()
    summary: AwardsSummary = select_awards(store, load_awards(campaign.awards))
    problems = [f"{key}/{group}: {n} place(s) left empty (not enough eligible platforms)"
                for key, group, n in summary.unfilled]
    return StageReport("awards", time.perf_counter() - t0,
                       {"awards": summary.awards, "winners": summary.winners, "nominations": summary.nominations},
                       problems)


def report(campaign: Campaign, store: CampaignStore) -> StageReport:
    from govlens.report import write_reports

    t0 = time.perf_counter()
    paths = write_reports(store, campaign.out, framework=load_framework(campaign.framework),
                          awards=load_awards(campaign.awards), locale=campaign.locale)
    return StageReport("report", time.perf_counter() - t0, {k: str(v) for k, v in paths.items()})


def run_all(campaign: Campaign, progress: Progress | None = None,
            on_stage: Callable[[StageReport], None] | None = None) -> list[StageReport]:
    """Every stage in order on a fresh store."""
    reports = []
    with open_store(campaign) as store:
        stages: list[Callable[[Campaign, CampaignStore], StageReport]] = [register, lambda c, s: scan(c, s, progress)]
        if campaign.settings.getbool("MONITOR_IN_RUN"):
            stages.append(lambda c, s: monitor(c, s, restart=True))
        stages += [score, inspect, awards, report]
        for stage in stages:
            rep = stage(campaign, store)
            reports.append(rep)
            if on_stage:
                on_stage(rep)
    return reports


__all__ = ["InputError", "StageReport", "awards", "inspect", "monitor", "open_store", "register", "report", "run_all", "scan",
           "score"]
