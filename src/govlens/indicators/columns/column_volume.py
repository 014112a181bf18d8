"""column-volume — a featured column's items dated within the year before the check (内容发布).

Counted over the list pages read (``COLUMN_MAX_LIST_PAGES``): a lower bound for a very active
column. Missing when the list did not load.
"""
from __future__ import annotations

from datetime import timedelta

from govlens.indicators.columns._column import column_data, item_dates
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, R
from govlens.text import Messages

ID = "column-volume"
TITLE = ("近一年发布条数", "Items in the past year")
REQUIRES = ("column",)
UNIT = "count"
UNIT_LABEL = ("条", "items")

T = Messages(ID, {
    "volume": ("检查日前一年内发布{n}条信息（{pages}个列表页共列出{listed}条）", "{n} items in the year before the check, of {listed} listed on {pages} list pages"),
})



def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    data = column_data(obs)
    if data is None:
        return IndicatorResult.missing(R("column_not_loaded"))
    since = ctx.check_date - timedelta(days=365)
    n = sum(1 for d in item_dates(data, ctx) if d > since)
    detail = T("volume", n=n, listed=data.get("items_listed", 0), pages=data.get("list_pages", 0))
    return IndicatorResult(value=float(n), detail=detail, evidence=[Evidence(url=obs.platform.url, detail=detail)])
