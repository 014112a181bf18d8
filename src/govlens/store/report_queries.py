"""What the report stage reads from the store: the campaign's results, awards and evidence, and each batch
of platforms' detail rows, as lists of plain dicts (NULL → None), straight from DuckDB (the bulk path).

The statements are here because the store owns every statement (tests/test_sql_in_store.py); the report
(:mod:`govlens.report.data`) shapes the rows into what its documents show.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from govlens.store.campaign_store import CampaignStore


def records(store: CampaignStore, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """Rows as dicts of plain Python values, on a cursor of its own."""
    cur = store.con.cursor()
    try:
        cur.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, rec)) for rec in cur.fetchall()]
    finally:
        cur.close()


def platforms(store: CampaignStore) -> list[dict[str, Any]]:
    return records(store, 'SELECT id, name, kind, org_type, level, province, region, url, "group" FROM platforms '
                          'ORDER BY id')


def results(store: CampaignStore) -> list[dict[str, Any]]:
    """Every framework's results with the rank interval and ``rank_ties``: how many results of the same
    framework and registry group hold this rank, the unit included (no group is one group "", as the scorer
    reads it); ranks are "min" ranks, so more than one is a tie."""
    return records(store, 'SELECT r.platform_id, r.framework, r."index", r.vetoed, r.vetoes, r."rank", r.group_size, '
                          'i.rank_median, i.rank_low, i.rank_high, CASE WHEN r."rank" IS NULL THEN NULL ELSE '
                          'count(*) OVER (PARTITION BY r.framework, coalesce(p."group", \'\'), r."rank") END '
                          'AS rank_ties FROM results r LEFT JOIN rank_intervals i '
                          'ON i.platform_id = r.platform_id AND i.framework = r.framework '
                          'LEFT JOIN platforms p ON p.id = r.platform_id')


def dimension_scores(store: CampaignStore, framework: str | None = None) -> list[dict[str, Any]]:
    """platform_id, framework, dimension_id, score (of one framework, or all)."""
    if framework is None:
        return records(store, "SELECT platform_id, framework, dimension_id, score FROM dimension_scores")
    return records(store, "SELECT platform_id, framework, dimension_id, score FROM dimension_scores "
                          "WHERE framework = ?", [framework])


def findings_by_kind(store: CampaignStore) -> pd.DataFrame:
    """kind, platforms, findings: the registered platforms' findings per defect kind."""
    return store.frame("SELECT kind, count(DISTINCT platform_id) AS platforms, count(*) AS findings "
                       "FROM findings WHERE platform_id IN (SELECT id FROM platforms) GROUP BY kind")


def awards(store: CampaignStore) -> pd.DataFrame:
    """Every award row, series by series, winners before nominations, in award order."""
    return store.frame("SELECT series_id, award_id, group_id, platform_id, position, status, score FROM awards "
                       "ORDER BY series_id, award_id, group_id, status DESC, position, platform_id")


def award_dimension_scores(store: CampaignStore) -> pd.DataFrame:
    """platform_id, framework, dimension_id, score of the platforms in the awards."""
    return store.frame("SELECT platform_id, framework, dimension_id, score FROM dimension_scores "
                       "WHERE platform_id IN (SELECT DISTINCT platform_id FROM awards)")


def award_indicator_values(store: CampaignStore) -> list[dict[str, Any]]:
    """The measured values of the platforms in the awards (the evidence-based reasons state them)."""
    return records(store, "SELECT platform_id, indicator_id, value, status, evidence FROM indicator_values "
                          "WHERE platform_id IN (SELECT DISTINCT platform_id FROM awards)")


def award_indicator_scores(store: CampaignStore) -> list[dict[str, Any]]:
    """The ok indicator scores with their values of the platforms in the awards, best first."""
    return records(store, "SELECT s.framework, s.platform_id, s.dimension_id, s.indicator_id, v.value, s.score "
                          "FROM indicator_scores s JOIN indicator_values v ON v.platform_id = s.platform_id "
                          "AND v.indicator_id = s.indicator_id WHERE s.status = 'ok' AND v.status = 'ok' "
                          "AND s.score IS NOT NULL AND s.platform_id IN (SELECT DISTINCT platform_id FROM awards) "
                          "ORDER BY s.framework, s.platform_id, s.score DESC, s.weight DESC, s.indicator_id")


def scoring_analysis(store: CampaignStore, framework: str, name: str) -> list[dict[str, Any]]:
    return records(store, "SELECT content FROM scoring_analysis WHERE framework = ? AND name = ?", [framework, name])


def materials(store: CampaignStore) -> list[dict[str, Any]]:
    return records(store, "SELECT platform_id, type, category, title, submitted_by, submitted_on, source_file, "
                          "source_line FROM materials ORDER BY platform_id, submitted_on, title")


def previous_campaign(store: CampaignStore) -> list[dict[str, Any]]:
    """platform_id, data of the comparison with the previous campaign (``improvement`` observations)."""
    return records(store, "SELECT platform_id, data FROM observations WHERE probe = 'previous_campaign' "
                          "AND kind = 'improvement' AND status = 'completed'")


def _range(lower: str | None, upper: str | None) -> tuple[str, str, list[Any]]:
    conds, params = [], []
    if lower is not None:
        conds.append("platform_id > ?")
        params.append(lower)
    if upper is not None:
        conds.append("platform_id <= ?")
        params.append(upper)
    where = (" WHERE " + " AND ".join(conds)) if conds else ""
    return where, (where + " AND ") if where else " WHERE ", params


def batch_rows(store: CampaignStore, lower: str | None, upper: str | None,
               frameworks: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """The detail rows of the platforms with ids in (``lower``, ``upper``] (open ends: None): indicator values,
    the ``frameworks``' indicator scores, findings (with their evidence record), browser thumbnails and the
    new-media accounts' posts and reads per week."""
    where, and_where, params = _range(lower, upper)
    fws = list(frameworks)
    return {
        "values": records(store, "SELECT platform_id, indicator_id, value, status, detail, evidence "
                                 f"FROM indicator_values{where}", params),
        "scores": records(store, "SELECT platform_id, dimension_id, indicator_id, score, weight, status "
                                 f"FROM indicator_scores{and_where}framework IN ({', '.join('?' * len(fws))})",
                          [*params, *fws]),
        "findings": records(store, "SELECT platform_id, kind, url, detail, indicator_id, evidence_url, snippet, "
                                   "observed_at, (SELECT any_value(e.record_id) FROM evidence_records e WHERE "
                                   "e.platform_id = findings.platform_id AND e.url = findings.evidence_url) "
                                   f"AS warc_record_id FROM findings{where}", params),
        "thumbnails": records(store, "SELECT platform_id, json_extract_string(data, '$.device') AS device, "
                                     "json_extract_string(data, '$.thumbnail') AS thumb FROM observations"
                                     f"{and_where}probe = 'browser' AND kind = 'render' AND status = 'completed'",
                              params),
        "weekly": records(store, "SELECT platform_id, CAST(date_trunc('week', \"date\") AS DATE) AS wk, "
                                 f"sum(posts) AS posts, sum(reads) AS reads FROM nm_stats{where} "
                                 "GROUP BY ALL ORDER BY platform_id, wk", params),
    }
