"""column-functions — interactive and query functions a featured column offers (服务支撑, 互动).

Working query forms plus message forms (a ``textarea``) on the column's page. 0 is a value (a
column of articles only), not a defect.
"""
from __future__ import annotations

from govlens.indicators.columns._column import from_column
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations, judged
from govlens.text import Messages

ID = "column-functions"
TITLE = ("互动与查询功能数", "Query and message functions")
REQUIRES = ("column",)
UNIT = "count"
UNIT_LABEL = ("项", "")

T = Messages(ID, {
    "works": ("查询功能可用，留言表单{n}个", "a working query form, {n} message forms"),
    "broken": ("无可用的查询功能，留言表单{n}个", "no working query form, {n} message forms"),
})


@from_column
def evaluate(data: dict, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    q = data.get("query") or {}
    works = bool(data.get("query_forms")) and q.get("status") == "completed" and (q.get("result_count") or 0) > 0
    n = int(works) + int(data.get("message_forms") or 0)
    detail = T("works" if works else "broken", n=data.get("message_forms") or 0)
    return judged(obs, float(n), detail, obs.platform.url)
