"""edition-recency — days since the newest dated item of the main foreign-language edition (信息公开, series 7).

An edition with no dated item at all counts as not updated (the census rule for items without a
date): the value is the cap, :data:`govlens.indicators.base.MAX_DAYS`.
"""
from __future__ import annotations

from govlens.indicators.foreign_site._edition import edition_dates, newest_item, on_edition
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, days_since
from govlens.text import Messages

ID = "edition-recency"
TITLE = ("外文版距最近更新", "Days since the edition's newest item")
REQUIRES = ("edition_discovery", "edition_page")
UNIT = "days"

T = Messages(ID, {
    "undated": ("外文版无标注日期的信息", "no dated item on the edition"),
    "newest": ("最新信息发布于{date}（{days}天前）", "newest item {date} ({days} days)"),
    "dated": ("发布于{date}", "dated {date}"),
})



@on_edition
def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    dates = edition_dates(obs, ctx.check_date)
    if not dates:
        return IndicatorResult(value=float(days_since(None, ctx.check_date)), detail=T("undated"))
    url, newest = newest_item(dates)
    days = days_since(newest, ctx.check_date)
    return IndicatorResult(value=float(days), detail=T("newest", date=newest.isoformat(), days=days),
                           evidence=[Evidence(url=url, detail=T("dated", date=newest.isoformat()))])
