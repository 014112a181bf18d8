"""edition-recency — days since the newest dated item of the main foreign-language edition (信息公开, series 7).

An edition with no dated item at all counts as not updated (the census rule for items without a
date): the value is the cap, :data:`govlens.indicators.base.MAX_DAYS`.
"""
from __future__ import annotations

from govlens.indicators._edition import edition_dates, no_edition
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, days_since

ID = "edition-recency"
REQUIRES = ("edition_discovery", "edition_page")
UNIT = "days"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    skip = no_edition(obs)
    if skip is not None:
        return skip
    dates = edition_dates(obs, ctx.check_date)
    if not dates:
        return IndicatorResult(value=float(days_since(None, ctx.check_date)), detail="no dated item on the edition")
    url, newest = max(dates.items(), key=lambda kv: (kv[1], kv[0]))
    days = days_since(newest, ctx.check_date)
    return IndicatorResult(value=float(days), detail=f"newest item {newest.isoformat()} ({days} days)",
                           evidence=[Evidence(url=url, detail=f"dated {newest.isoformat()}")])
