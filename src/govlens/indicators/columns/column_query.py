"""column-query — the featured column's query function works (查询服务): 1 or 0.

The probe asked the column's query form for a word of the column's own titles. It works when
the answer loads and finds at least one record; an error or nothing found is a
``column_query_broken`` finding. Not applicable without a query form; missing when no word could
be asked or the form posts (the probe submits GET forms only).
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.columns._column import from_column, count_source
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, site_finding
from govlens.text import Messages
from govlens.visit_text import describe_visit

ID = "column-query"
TITLE = ("查询功能可用", "Query works")
REQUIRES = ("column",)
UNIT = "bool"

T = Messages(ID, {
    "no_form": ("专栏中无查询表单", "no query form in the column"),
    "not_made": ("未能进行查询", "no query was made"),
    "asked": ("查询“{query}”（出现在{titles}个标题中）", "asked '{query}' (in {titles} titles)"),
    "found": ("{asked}：{n}条记录（{source}）", "{asked}: {n} records ({source})"),
    "records": ("{asked}：{n}条记录", "{asked}: {n} records"),
    "failed": ("{asked}：{why}", "{asked}: {why}"),
})


@from_column
def evaluate(data: dict, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    q = data.get("query")
    if not data.get("query_forms") or not q:
        return IndicatorResult.not_applicable(T("no_form"))
    if not q.get("query") or (q.get("status") is None and q.get("error")):
        return IndicatorResult.missing(T("not_made"))
    asked = T.ref("asked", query=str(q["query"]), titles=q.get("titles_with_query"))
    count = q.get("result_count")
    if q.get("status") == "completed" and isinstance(count, (int, float)) and count > 0:
        detail = T("found", asked=asked, n=f"{count:g}", source=count_source(q.get("count_source")))
        return IndicatorResult(value=1.0, detail=detail, evidence=[Evidence(url=q.get("url") or "", detail=detail)])
    detail = (T("records", asked=asked, n=f"{count:g}") if isinstance(count, (int, float))
              else T("failed", asked=asked, why=describe_visit(q.get("status"), q.get("cause"),
                                                                http_status=q.get("http_status"))))
    return IndicatorResult(value=0.0, detail=detail, evidence=[Evidence(url=q.get("url") or "", detail=detail,
                                                                        snippet=q.get("count_text") or "")],
                           findings=[site_finding(obs, defects.COLUMN_QUERY_BROKEN, detail,
                                                  evidence_url=q.get("url") or "")])
