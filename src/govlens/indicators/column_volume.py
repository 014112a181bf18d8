"""column-volume — a featured column's items dated within the year before the check (内容发布).

Counted over the list pages read (``COLUMN_MAX_LIST_PAGES``): a lower bound for a very active
column. Missing when the list did not load.
"""
from __future__ import annotations

from datetime import timedelta

from govlens.indicators._column import column_data, item_dates
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations

ID = "column-volume"
REQUIRES = ("column",)
UNIT = "count"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    data = column_data(obs)
    if data is None:
        return IndicatorResult.missing("the column's list did not load")
    since = ctx.check_date - timedelta(days=365)
    n = sum(1 for d in item_dates(data, ctx) if d > since)
    detail = (f"{n} items in the year before the check, of {data.get('items_listed', 0)} listed on "
              f"{data.get('list_pages', 0)} list pages")
    return IndicatorResult(value=float(n), detail=detail, evidence=[Evidence(url=obs.platform.url, detail=detail)])
