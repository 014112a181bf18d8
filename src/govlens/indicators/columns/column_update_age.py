"""column-update-age — days from a featured column's newest item to the check date (信息更新).

Older than ``COLUMN_STALE_DAYS`` is a ``column_not_updated`` finding. A column whose items carry
no date counts as not updated (as the census counts an undated item). Missing when the column's
list did not load.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.columns._column import from_column, item_dates
from govlens.indicators.base import (MAX_DAYS, IndicatorContext, IndicatorResult, PlatformObservations, Threshold,
                                     Thresholds, days_since, judged)
from govlens.text import Messages

ID = "column-update-age"
TITLE = ("栏目距最近更新", "Days since the column's newest item")
REQUIRES = ("column",)
UNIT = "days"
THRESHOLDS = Thresholds(ID,
    stale_days=Threshold(90, setting="COLUMN_STALE_DAYS"),  # newest item older than this: column_not_updated (ours)
)

T = Messages(ID, {
    "newest": ("最新信息发布于{date}，距检查日{days}天", "newest item {date}, {days} days before the check"),
    "undated": ("列出的{n}条信息均未标注日期（按{max}天计）", "no dated item among {n} listed (counted as {max} days)"),
    "stale": ("专栏超过{limit}天未更新：{detail}", "{detail} (limit {limit})"),
})


@from_column
def evaluate(data: dict, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    dates = item_dates(data, ctx)
    days = days_since(dates[0] if dates else None, ctx.check_date)
    detail = T("newest", date=dates[0].isoformat(), days=days) if dates else \
        T("undated", n=data.get("items_listed", 0), max=MAX_DAYS)
    limit = int(THRESHOLDS(ctx, "stale_days"))
    stale = (defects.COLUMN_NOT_UPDATED, T("stale", detail=detail, limit=limit)) if days > limit else None
    return judged(obs, float(days), detail, obs.platform.url, stale)
