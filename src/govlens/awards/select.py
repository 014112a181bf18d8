"""Choose winners and nominations for every award of an awards file.

For each award and group: the eligible platforms (admitted by the group's filters, scored
by the award's framework, not vetoed, index ≥ ``min_index``, not a winner of an award it
``excludes``; with ``requires_review``, reviewed by the experts under the award's framework) are
ordered by the award's ``rank_by`` score; the first ``quota`` win. Nominations (提名) are chosen
once every award has its winners: the next ``nominations`` platforms of each group after its
quota that won no award at all ("除上述获奖政务平台外"), so a nomination never names a winner of
another award. Ties break as ranks do: higher score, higher index, fewer findings, then platform
id. A platform wins at most once per award.
"""
from __future__ import annotations

from dataclasses import dataclass
from graphlib import CycleError, TopologicalSorter
from typing import Any

import pandas as pd

from govlens import messages
from govlens.awards.config import Award, AwardsConfig
from govlens.errors import AwardsError
from govlens.store.campaign_store import CampaignStore
from govlens.store.queries import findings_per_platform, reviewed_platforms

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
        cycle = " → ".join(messages.quote(str(k)) for k in exc.args[1])
        raise AwardsError(messages.t("awards_select.cycle", cycle=cycle), file=config.source) from None
    by_key = {a.key: a for a in config.awards()}
    return [by_key[k] for k in order]


def select_awards(store: CampaignStore, config: AwardsConfig) -> AwardsSummary:
    platforms = {p.id: p for p in store.platforms()}
    store.require("results", "score")
    results = store.select("results", "platform_id", "framework", "index", "vetoed")
    dims = store.select("dimension_scores", "platform_id", "framework", "dimension_id", "score")
    findings = findings_per_platform(store)
    nfind = dict(zip(findings["platform_id"], findings["n"]))
    reviewed = _reviewed(store)
    winners: dict[str, set[str]] = {}
    rows: list[dict[str, Any]] = []
    pools: list[tuple[Award, str, list[str], dict[str, float], int]] = []   # for the nominations pass
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
                    and pid in platforms and pd.notna(score_of.get(pid))
                    and (not award.requires_review or pid in reviewed.get(award.framework, set()))]
        taken: set[str] = set()
        won: set[str] = set()
        for group in award.groups:
            pool = [pid for pid in eligible if pid not in taken and group.admits(platforms[pid])]
            pool.sort(key=lambda pid: (-score_of[pid], -index_of[pid], nfind.get(pid, 0), pid))
            chosen = pool[:group.quota]
            if len(chosen) < group.quota:
                unfilled.append((award.key, group.id, group.quota - len(chosen)))
            for pos, pid in enumerate(chosen, 1):
                rows.append(_row(award, group.id, pid, pos, WINNER, score_of[pid]))
            if award.nominations_of(group):
                pools.append((award, group.id, pool[group.quota:], score_of, award.nominations_of(group)))
            taken.update(chosen)
            won.update(chosen)
        winners[award.key] = won
        store.log_step("awards", award.key, {"rank_by": award.rank_by, "min_index": award.min_index,
                                             "excludes": list(award.excludes), "nominations": award.nominations,
                                             "requires_review": award.requires_review,
                                             "quotas": {g.id: g.quota for g in award.groups}})
    any_winner = set().union(*winners.values()) if winners else set()
    for award, group_id, rest, score_of, n in pools:
        for pos, pid in enumerate([p for p in rest if p not in any_winner][:n], 1):
            rows.append(_row(award, group_id, pid, pos, NOMINATION, score_of[pid]))
    store.replace("awards", rows)
    return AwardsSummary(awards=len(config.awards()), winners=sum(r["status"] == WINNER for r in rows),
                         nominations=sum(r["status"] == NOMINATION for r in rows), unfilled=unfilled)


def _reviewed(store: CampaignStore) -> dict[str, set[str]]:
    """Framework → platforms the experts reviewed under it (``expert_review`` observations of `govlens review`)."""
    out: dict[str, set[str]] = {}
    for fw, pid in reviewed_platforms(store):
        out.setdefault(fw, set()).add(pid)
    return out


def _check_framework_exists(award: Award, config: AwardsConfig) -> None:
    """An award naming no known framework is a mistake in the awards file, not a vacancy."""
    from govlens.errors import FrameworkError
    from govlens.frameworks.load import load_framework

    try:
        load_framework(award.framework)
    except FrameworkError:
        raise AwardsError(messages.t("awards_select.unknown_framework", award=messages.quote(award.key),
                                     framework=messages.quote(str(award.framework)[:100])),
                          file=config.source) from None


def _scores(award: Award, scored: pd.DataFrame, dims: pd.DataFrame) -> dict[str, float]:
    if award.rank_by == "index":
        return dict(zip(scored["platform_id"], scored["index"]))
    dimension = award.rank_by.split(":", 1)[1]
    sub = dims[(dims["framework"] == award.framework) & (dims["dimension_id"] == dimension)]
    if sub.empty:
        raise AwardsError(messages.t("awards_select.unknown_dimension", award=messages.quote(award.key),
                                     dimension=messages.quote(dimension[:100]),
                                     framework=messages.quote(str(award.framework)[:100])))
    return dict(zip(sub["platform_id"], sub["score"]))


def _row(award: Award, group_id: str, pid: str, pos: int, status: str, score: float) -> dict[str, Any]:
    return {"series_id": award.series_id, "award_id": award.id, "group_id": group_id, "platform_id": pid,
            "position": pos, "status": status, "score": float(score)}


