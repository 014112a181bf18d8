"""How each award winner's measured indicators compare with the rest of its award group.

A generated award reason names the winner's most *distinctive* strengths: the indicators on which it
stands out from the platforms it competed with (its award group: the registry rows the group's
``members`` filters admit), not the ones nearly everyone in the group maxes out. The statistics are
computed in DuckDB (:func:`govlens.store.queries.group_standing_rows`), one query per award group, so a group of 100,000 platforms costs one aggregate
and only the winners' rows come back to Python.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govlens.awards.config import AwardGroup, AwardsConfig
from govlens.store.campaign_store import CampaignStore
from govlens.store.queries import group_standing_rows

@dataclass(frozen=True)
class Standing:
    """One winner's indicator within its award group."""

    indicator_id: str
    dimension_id: str
    value: float
    score: float
    rank: int                # 1 = the best score of the group (ties share the rank)
    tied: int                # platforms of the group with this same score (1: no tie)
    n: int                   # platforms of the group measured on this indicator
    mean: float
    sd: float
    top: float
    at_top: int              # platforms of the group at the group's best score
    median_value: float

    @property
    def z(self) -> float:
        return (self.score - self.mean) / self.sd if self.sd > 1e-9 else 0.0


def group_standings(store: CampaignStore, framework: str, group: AwardGroup,
                    winners: list[str]) -> dict[str, list[Standing]]:
    """winner id → its standings on every indicator measured across the group (ok values only)."""
    if not winners:
        return {}
    rows = group_standing_rows(store, framework, group.members, winners)
    out: dict[str, list[Standing]] = {}
    for pid, iid, did, value, score, rk, tied, at_top, n, mean, sd, top, med in rows:
        out.setdefault(pid, []).append(Standing(
            indicator_id=iid, dimension_id=did or "", value=float(value), score=float(score), rank=int(rk),
            tied=int(tied), n=int(n), mean=float(mean), sd=float(sd), top=float(top), at_top=int(at_top),
            median_value=float(med)))
    return out


def award_standings(store: CampaignStore, awards: AwardsConfig,
                    rows: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, list[Standing]]]:
    """(award key, group id) → winner id → standings, for every award group that has winners."""
    winners: dict[tuple[str, str], list[str]] = {}
    for r in rows:
        if r.get("status") == "winner" and r.get("platform_id"):
            aid = str(r.get("award_id") or "")
            key = aid if aid.startswith(f"{r.get('series_id')}.") else f"{r.get('series_id')}.{aid}"
            winners.setdefault((key, r.get("group_id") or ""), []).append(r["platform_id"])
    out: dict[tuple[str, str], dict[str, list[Standing]]] = {}
    for award in awards.awards():
        for g in award.groups:
            ids = winners.get((award.key, g.id))
            if ids:
                out[(award.key, g.id)] = group_standings(store, award.framework, g, ids)
    return out
