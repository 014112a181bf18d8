"""column-volume — a featured column's items dated within the year before the check (内容发布).

Counted over the list pages read (``COLUMN_MAX_LIST_PAGES``): a lower bound for a very active
column. Missing when the list did not load.
"""
from __future__ import annotations

from datetime import timedelta

from govlens.indicators.columns._column import from_column, item_dates
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations, judged
from govlens.text import Messages

ID = "column-volume"
TITLE = ("近一年发布条数", "Items in the past year")
REQUIRES = ("column",)
UNIT = "count"
UNIT_LABEL = ("条", "items")

T = Messages(ID, {
    "volume": ("检查日前一年内发布{n}条信息（{pages}个列表页共列出{listed}条）", "{n} items in the year before the check, of {listed} listed on {pages} list pages"),
})


@from_column
def evaluate(data: dict, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    since = ctx.check_date - timedelta(days=365)
    n = sum(1 for d in item_dates(data, ctx) if d > since)
    detail = T("volume", n=n, listed=data.get("items_listed", 0), pages=data.get("list_pages", 0))
    return judged(obs, float(n), detail, obs.platform.url)
