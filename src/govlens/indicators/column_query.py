"""column-query — the featured column's query function works (查询服务): 1 or 0.

The probe asked the column's query form for a word of the column's own titles. It works when
the answer loads and finds at least one record; an error or nothing found is a
``column_query_broken`` finding. Not applicable without a query form; missing when no word could
be asked or the form posts (the probe submits GET forms only).
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators._column import column_data
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, site_finding

ID = "column-query"
REQUIRES = ("column",)
UNIT = "bool"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    data = column_data(obs)
    if data is None:
        return IndicatorResult.missing("the column's list did not load")
    q = data.get("query")
    if not data.get("query_forms") or not q:
        return IndicatorResult.not_applicable("no query form in the column")
    if not q.get("query") or (q.get("status") is None and q.get("error")):
        return IndicatorResult.missing(q.get("error") or "no query was made")
    asked = f"asked '{q['query']}' (in {q.get('titles_with_query')} titles)"
    count = q.get("result_count")
    if q.get("status") == "completed" and isinstance(count, (int, float)) and count > 0:
        detail = f"{asked}: {count:g} records ({q.get('count_source')})"
        return IndicatorResult(value=1.0, detail=detail, evidence=[Evidence(url=q.get("url") or "", detail=detail)])
    why = f"{count:g} records" if isinstance(count, (int, float)) else (q.get("error") or q.get("status"))
    detail = f"{asked}: {why}"
    return IndicatorResult(value=0.0, detail=detail, evidence=[Evidence(url=q.get("url") or "", detail=detail,
                                                                        snippet=q.get("count_text") or "")],
                           findings=[site_finding(obs, defects.COLUMN_QUERY_BROKEN, detail,
                                                  evidence_url=q.get("url") or "")])
