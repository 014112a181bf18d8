"""edition-volume — dated items the main foreign-language edition published recently (信息公开, series 7).

Distinct item links dated within ``FOREIGN_RECENT_DAYS`` before the check date, over the pages read.
"""
from __future__ import annotations

from datetime import timedelta

from govlens.indicators.foreign_site._edition import edition_dates, on_edition
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, Threshold,
                                     Thresholds)
from govlens.text import Messages

ID = "edition-volume"
TITLE = ("外文版近期发布信息量", "Recent items on the edition")
REQUIRES = ("edition_discovery", "edition_page")
UNIT = "count"
UNIT_LABEL = ("条", "")
THRESHOLDS = Thresholds(ID,
    # dated items of this many days before the check are counted (ours)
    recent_days=Threshold(90, setting="FOREIGN_RECENT_DAYS"),
)

T = Messages(ID, {
    "recent": ("{check}前{window}天内发布{n}条信息", "{n} item(s) dated in the {window} days before {check}"),
    "dated": ("发布于{date}", "dated {date}"),
})



@on_edition
def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    window = int(THRESHOLDS(ctx, "recent_days"))
    since = ctx.check_date - timedelta(days=window)
    recent = {u: d for u, d in edition_dates(obs, ctx.check_date).items() if d >= since}
    detail = T("recent", n=len(recent), window=window, check=ctx.check_date.isoformat())
    return IndicatorResult(value=float(len(recent)), detail=detail,
                           evidence=[Evidence(url=u, detail=T("dated", date=d.isoformat())) for u, d in sorted(recent.items())[:10]])
