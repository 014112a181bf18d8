"""column-functions — interactive and query functions a featured column offers (服务支撑, 互动).

Working query forms plus message forms (a ``textarea``) on the column's page. 0 is a value (a
column of articles only), not a defect.
"""
from __future__ import annotations

from govlens.indicators._column import column_data
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations

ID = "column-functions"
REQUIRES = ("column",)
UNIT = "count"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    data = column_data(obs)
    if data is None:
        return IndicatorResult.missing("the column's list did not load")
    q = data.get("query") or {}
    works = bool(data.get("query_forms")) and q.get("status") == "completed" and (q.get("result_count") or 0) > 0
    n = int(works) + int(data.get("message_forms") or 0)
    detail = (f"{'a working' if works else 'no working'} query form, {data.get('message_forms') or 0} message forms")
    return IndicatorResult(value=float(n), detail=detail, evidence=[Evidence(url=obs.platform.url, detail=detail)])
