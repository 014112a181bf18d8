"""The stages of a campaign run in the order of their table (:mod:`govlens.pipeline.stages`, printed by
``govlens stages``); each reruns alone on the campaign's store:

    register → scan → monitor → score → improvement → review → inspect → awards → report

The stages themselves are in ``scan_stages`` and ``score_stages``; awards and report, short, are here. Each
stage reads the stored output of the one before, so `govlens score` can be rerun with
another framework without scanning again, and `govlens report` without scoring again.

:func:`preflight` reads every input file a stage needs *before* the store is opened: a wrong
registry, signals file, framework or awards file stops the run with one message naming the
file, line and field, and the campaign store is not touched (not even its metadata).
"""
from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from govlens.errors import InputError
from govlens.messages import t
from govlens.pipeline.campaign import Campaign
from govlens.pipeline.preflight import preflight
from govlens.pipeline.scan_stages import import_data, monitor, register, scan
from govlens.pipeline.score_stages import improvement, inspect, review_export, review_import, score
from govlens.pipeline.stage import Progress, StageReport, campaign_frameworks
from govlens.pipeline.stages import COMMANDS, STAGES
from govlens.progress import active
from govlens.store import CampaignStore

if TYPE_CHECKING:
    from govlens.awards import AwardsSummary


def open_store(campaign: Campaign) -> CampaignStore:
    """The campaign's store, once its folder is known to be a folder we can write in (else one clear error)."""
    from govlens.failures import check_output_folder
    check_output_folder(campaign.out)
    store = CampaignStore(campaign.store_path, memory_limit=campaign.settings["STORE_MEMORY_LIMIT"] or None)
    store.set_meta("campaign", campaign.describe())
    store.set_meta("settings", campaign.settings.as_dict())
    return store


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


def _step(name: str, campaign: Campaign, store: CampaignStore, progress: Progress | None, resume: bool,
          reviewers: Callable[[Path], None] | None) -> StageReport | list[StageReport] | None:
    """Run one stage of the table (None: its ``when`` is off for this campaign)."""
    if name == "scan":
        return scan(campaign, store, progress, resume=resume)
    if name == "monitor":
        return monitor(campaign, store, restart=True) if campaign.settings.getbool("MONITOR_IN_RUN") else None
    if name == "review":
        if reviewers is None or campaign.reviewers is None:
            return None
        exported = review_export(campaign, store)
        reviewers(Path(exported.facts["folder"]))
        return [exported] + review_import(campaign, store)
    return STEPS[name](campaign, store)


def run_stages(campaign: Campaign, store: CampaignStore, names: tuple[str, ...], *, progress: Progress | None = None,
               on_stage: Callable[[StageReport], None] | None = None,
               reviewers: Callable[[Path], None] | None = None, resume: bool = False) -> list[StageReport]:
    """The named stages, in the table's order, on an open store; each report is handed to ``on_stage``."""
    reports: list[StageReport] = []
    for entry in STAGES:
        if entry.name not in names:
            continue
        out = _step(entry.name, campaign, store, progress, resume, reviewers)
        for rep in out if isinstance(out, list) else [] if out is None else [out]:
            reports.append(rep)
            if on_stage:
                on_stage(rep)
    return reports


def run_all(campaign: Campaign, progress: Progress | None = None,
            on_stage: Callable[[StageReport], None] | None = None,
            reviewers: Callable[[Path], None] | None = None, *, resume: bool = False) -> list[StageReport]:
    """Every stage of the table in order; ``resume`` continues a killed scan instead of starting a new one.

    ``reviewers``, when given, stands for the experts: after scoring, the review sheets are
    exported, handed to it (it fills them in), imported, and the campaign scored again (the demo's
    sandbox experts do this; a real campaign's experts take days, with ``govlens review``).
    """
    preflight(campaign, "run")
    with open_store(campaign) as store:
        return run_stages(campaign, store, COMMANDS["run"], progress=progress, on_stage=on_stage,
                          reviewers=reviewers, resume=resume)


STEPS: dict[str, Callable[[Campaign, CampaignStore], StageReport | None]] = {
    "register": register, "score": score, "improvement": improvement, "inspect": inspect, "awards": awards,
    "report": report}


__all__ = ["COMMANDS", "STAGES", "InputError", "StageReport", "awards", "import_data", "improvement", "inspect",
           "monitor", "open_store", "preflight", "register", "report", "review_export", "review_import", "run_all",
           "run_stages", "scan", "score"]
