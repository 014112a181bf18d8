"""edition-volume — dated items the main foreign-language edition published recently (信息公开, series 7).

Distinct item links dated within ``FOREIGN_RECENT_DAYS`` before the check date, over the pages read.
"""
from __future__ import annotations

from datetime import timedelta

from govlens.indicators._edition import edition_dates, no_edition
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, setting

ID = "edition-volume"
REQUIRES = ("edition_discovery", "edition_page")
UNIT = "count"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    skip = no_edition(obs)
    if skip is not None:
        return skip
    window = int(setting(ctx, "FOREIGN_RECENT_DAYS"))
    since = ctx.check_date - timedelta(days=window)
    recent = {u: d for u, d in edition_dates(obs, ctx.check_date).items() if d >= since}
    detail = f"{len(recent)} item(s) dated in the {window} days before {ctx.check_date.isoformat()}"
    return IndicatorResult(value=float(len(recent)), detail=detail,
                           evidence=[Evidence(url=u, detail=d.isoformat()) for u, d in sorted(recent.items())[:10]])
