"""How each award winner's measured indicators compare with the rest of its award group.

A generated award reason names the winner's most *distinctive* strengths: the indicators on which it
stands out from the platforms it competed with (its award group: the registry rows the group's
``members`` filters admit), not the ones nearly everyone in the group maxes out. The statistics are
computed in DuckDB, one query per award group, so a group of 100,000 platforms costs one aggregate
and only the winners' rows come back to Python.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govlens.awards.config import AwardGroup, AwardsConfig
from govlens.store.campaign_store import CampaignStore

MEMBER_COLUMNS = {"group": '"group"', "org_type": "org_type", "level": "level", "kind": "kind",
                  "region": "region", "province": "province", "id": "id"}


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


def _where(group: AwardGroup) -> tuple[str, list[Any]]:
    conds, params = [], []
    for key, values in group.members.items():
        col = MEMBER_COLUMNS.get(key)
        if col is None or not values:
            continue
        conds.append(f"{col} IN ({', '.join('?' * len(values))})")
        params += list(values)
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


def group_standings(store: CampaignStore, framework: str, group: AwardGroup,
                    winners: list[str]) -> dict[str, list[Standing]]:
    """winner id → its standings on every indicator measured across the group (ok values only)."""
    if not winners:
        return {}
    where, params = _where(group)
    sql = f"""
        WITH m AS (SELECT id FROM platforms{where}),
        s AS (SELECT s.platform_id, s.indicator_id, any_value(s.dimension_id) AS dimension_id,
                     max(s.score) AS score, max(v.value) AS value
              FROM indicator_scores s JOIN indicator_values v
                ON v.platform_id = s.platform_id AND v.indicator_id = s.indicator_id
              WHERE s.framework = ? AND s.status = 'ok' AND v.status = 'ok' AND s.score IS NOT NULL
                AND v.value IS NOT NULL AND isfinite(v.value) AND s.platform_id IN (SELECT id FROM m)
              GROUP BY s.platform_id, s.indicator_id),
        g AS (SELECT indicator_id, count(*) AS n, avg(score) AS mean, coalesce(stddev_pop(score), 0) AS sd,
                     max(score) AS top, quantile_cont(value, 0.5) AS median_value FROM s GROUP BY indicator_id),
        r AS (SELECT s.*, rank() OVER (PARTITION BY s.indicator_id ORDER BY s.score DESC) AS rk,
                     count(*) OVER (PARTITION BY s.indicator_id, s.score) AS tied,
                     sum(CASE WHEN s.score >= g.top - 1e-9 THEN 1 ELSE 0 END) OVER (PARTITION BY s.indicator_id) AS at_top
              FROM s JOIN g USING (indicator_id))
        SELECT r.platform_id, r.indicator_id, r.dimension_id, r.value, r.score, r.rk, r.tied, r.at_top,
               g.n, g.mean, g.sd, g.top, g.median_value
        FROM r JOIN g USING (indicator_id)
        WHERE r.platform_id IN ({', '.join('?' * len(winners))})
        ORDER BY r.platform_id, r.indicator_id"""
    cur = store.con.cursor()
    try:
        cur.execute(sql, [*params, framework, *winners])
        rows = cur.fetchall()
    finally:
        cur.close()
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
