"""Choose winners and nominations for every award of an awards file.

For each award and group: the eligible platforms (admitted by the group's filters, scored
by the award's framework, not vetoed, index ≥ ``min_index``, not a winner of an award it
``excludes``) are ordered by the award's ``rank_by`` score; the first ``quota`` win and the
next ``nominations`` are nominated. Ties break as ranks do: higher score, higher index,
fewer findings, then platform id. A platform wins at most once per award.
"""
from __future__ import annotations

from dataclasses import dataclass
from graphlib import CycleError, TopologicalSorter
from typing import Any

import pandas as pd

from govlens.awards.config import Award, AwardsConfig
from govlens.errors import AwardsError

from govlens.store.campaign_store import CampaignStore

WINNER, NOMINATION = "winner", "nomination"


@dataclass(frozen=True)
class AwardsSummary:
    awards: int
    winners: int
    nominations: int
    unfilled: list[tuple[str, str, int]]      # (award key, group id, places left empty)


def award_order(config: AwardsConfig) -> list[Award]:
    """Awards in an order where every award comes after the ones it excludes."""
    graph = {a.key: set(a.excludes) for a in config.awards()}
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as exc:
        raise AwardsError(f"awards exclude each other in a cycle: {exc.args[1]}", file=config.source) from None
    by_key = {a.key: a for a in config.awards()}
    return [by_key[k] for k in order]


def select_awards(store: CampaignStore, config: AwardsConfig) -> AwardsSummary:
    platforms = {p.id: p for p in store.platforms()}
    store.require("results", "score")
    results = store.frame('SELECT platform_id, framework, "index", vetoed FROM results')
    dims = store.frame("SELECT platform_id, framework, dimension_id, score FROM dimension_scores")
    findings = store.frame("SELECT platform_id, count(*) AS n FROM findings GROUP BY platform_id")
    nfind = dict(zip(findings["platform_id"], findings["n"]))
    winners: dict[str, set[str]] = {}
    rows: list[dict[str, Any]] = []
    unfilled: list[tuple[str, str, int]] = []
    store.clear_log("awards")
    for award in award_order(config):
        scored = results[results["framework"] == award.framework]
        if scored.empty:
            _check_framework_exists(award, config)
            # the campaign did not score this framework (e.g. no account in a website-only campaign):
            # the award stays vacant and every place is reported as left empty
            unfilled += [(award.key, g.id, g.quota) for g in award.groups if g.quota]
            winners[award.key] = set()
            continue
        score_of = _scores(award, scored, dims)
        index_of = dict(zip(scored["platform_id"], scored["index"]))
        excluded = set().union(*(winners.get(k, set()) for k in award.excludes)) if award.excludes else set()
        eligible = [pid for pid, vetoed, idx in zip(scored["platform_id"], scored["vetoed"], scored["index"])
                    if not vetoed and pd.notna(idx) and idx >= award.min_index and pid not in excluded
                    and pid in platforms and pd.notna(score_of.get(pid))]
        taken: set[str] = set()
        won: set[str] = set()
        for group in award.groups:
            pool = [pid for pid in eligible if pid not in taken and group.admits(platforms[pid])]
            pool.sort(key=lambda pid: (-score_of[pid], -index_of[pid], nfind.get(pid, 0), pid))
            chosen, nominated = pool[:group.quota], pool[group.quota:group.quota + award.nominations]
            if len(chosen) < group.quota:
                unfilled.append((award.key, group.id, group.quota - len(chosen)))
            for pos, pid in enumerate(chosen, 1):
                rows.append(_row(award, group.id, pid, pos, WINNER, score_of[pid]))
            for pos, pid in enumerate(nominated, 1):
                rows.append(_row(award, group.id, pid, pos, NOMINATION, score_of[pid]))
            taken.update(chosen)
            won.update(chosen)
        winners[award.key] = won
        store.log_step("awards", award.key, {"rank_by": award.rank_by, "min_index": award.min_index,
                                             "excludes": list(award.excludes), "nominations": award.nominations,
                                             "quotas": {g.id: g.quota for g in award.groups}})
    store.replace("awards", rows)
    return AwardsSummary(awards=len(config.awards()), winners=sum(r["status"] == WINNER for r in rows),
                         nominations=sum(r["status"] == NOMINATION for r in rows), unfilled=unfilled)


def _check_framework_exists(award: Award, config: AwardsConfig) -> None:
    """An award naming no known framework is a mistake in the awards file, not a vacancy."""
    from govlens.errors import FrameworkError
    from govlens.frameworks.load import load_framework

    try:
        load_framework(award.framework)
    except FrameworkError:
        raise AwardsError(f"award '{award.key}' uses framework '{award.framework}', which is neither shipped nor "
                          "a file, and has no results", file=config.source) from None


def _scores(award: Award, scored: pd.DataFrame, dims: pd.DataFrame) -> dict[str, float]:
    if award.rank_by == "index":
        return dict(zip(scored["platform_id"], scored["index"]))
    dimension = award.rank_by.split(":", 1)[1]
    sub = dims[(dims["framework"] == award.framework) & (dims["dimension_id"] == dimension)]
    if sub.empty:
        raise AwardsError(f"award '{award.key}' ranks by unknown dimension '{dimension}' of '{award.framework}'")
    return dict(zip(sub["platform_id"], sub["score"]))


def _row(award: Award, group_id: str, pid: str, pos: int, status: str, score: float) -> dict[str, Any]:
    return {"series_id": award.series_id, "award_id": award.id, "group_id": group_id, "platform_id": pid,
            "position": pos, "status": status, "score": float(score)}


