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
    probes = ("http_site", "mobile_site") if any(p.kind == "mobile_portal" for p in platforms) else ("http_site",)
    summary = run_scan(platforms, store, campaign.settings, sandbox_state=sandbox_state(campaign), progress=progress,
                       probes=probes)
    problems: list[str] = []
    facts = {"sites": summary.sites, "pages": summary.pages, "requests": summary.requests,
             "pages_per_second": round(summary.pages_per_second, 1)}
    if campaign.signals is not None:
        observations, errors = import_signals(campaign.signals, platforms)
        store.replace("observations", [o.as_row() for o in observations], probe="external_signals")
        problems += [str(e) for e in errors]
        facts["signals"] = len(observations)
    facts.update(import_data(campaign, store, platforms, problems))
    return StageReport("scan", time.perf_counter() - t0, facts, problems)


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


def score(campaign: Campaign, store: CampaignStore) -> StageReport:
    from govlens.indicators.registry import all_ids
    from govlens.indicators.run import run_indicators

    t0 = time.perf_counter()
    frameworks = campaign_frameworks(campaign)
    known = set(all_ids())
    for framework in frameworks:
        validate_references(framework, known, set(NORMALISATION_METHODS))
    store.require("observations", "scan")
    platforms = store.platforms()
    # each indicator runs once, on the platforms of every kind a framework using it scores
    kinds_of: dict[str, set[str]] = {}
    for framework in frameworks:
        for iid in framework.indicator_ids():
            kinds_of.setdefault(iid, set()).update(framework.platform_kinds)
    groups: dict[frozenset[str], list[str]] = {}
    for iid, kinds in kinds_of.items():
        groups.setdefault(frozenset(kinds), []).append(iid)
    for kinds, ids in groups.items():
        run_indicators(store, [p for p in platforms if p.kind in kinds], indicator_ids=ids,
                       check_date=campaign.check_date, settings=campaign.settings)
    facts: dict[str, Any] = {}
    present = {p.kind for p in platforms}
    for framework in frameworks:
        if len(frameworks) > 1 and not present & set(framework.platform_kinds):
            facts[framework.id] = "no platform of its kinds"
            continue
        summary: ScoringSummary = score_campaign(store, framework)
        if len(frameworks) == 1:
            facts = {"framework": summary.framework, "platforms": summary.platforms, "scored": summary.scored,
                     "vetoed": summary.vetoed}
        else:
            facts[framework.id] = f"{summary.scored}/{summary.platforms} scored, {summary.vetoed} vetoed"
    return StageReport("score", time.perf_counter() - t0, facts)


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
    frameworks = campaign_frameworks(campaign)
    paths = write_reports(store, campaign.out, framework=frameworks[0], awards=load_awards(campaign.awards),
                          locale=campaign.locale, more_frameworks=frameworks[1:])
    return StageReport("report", time.perf_counter() - t0, {k: str(v) for k, v in paths.items()})


def run_all(campaign: Campaign, progress: Progress | None = None,
            on_stage: Callable[[StageReport], None] | None = None) -> list[StageReport]:
    """Every stage in order on a fresh store."""
    reports = []
    with open_store(campaign) as store:
        for stage in (register, lambda c, s: scan(c, s, progress), score, awards, report):
            rep = stage(campaign, store)
            reports.append(rep)
            if on_stage:
                on_stage(rep)
    return reports


__all__ = ["InputError", "StageReport", "awards", "open_store", "register", "report", "run_all", "scan", "score"]
