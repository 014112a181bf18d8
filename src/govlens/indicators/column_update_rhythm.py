"""column-update-rhythm — median days between a featured column's consecutive items (更新频率).

Over its newest 20 dated items: a column updated daily scores better than one updated monthly.
Not applicable with fewer than 3 dated items (no rhythm to speak of).
"""
from __future__ import annotations

from statistics import median

from govlens.indicators._column import column_data, item_dates
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations

ID = "column-update-rhythm"
REQUIRES = ("column",)
UNIT = "days"
NEWEST = 20


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    data = column_data(obs)
    if data is None:
        return IndicatorResult.missing("the column's list did not load")
    dates = item_dates(data, ctx)[:NEWEST]
    if len(dates) < 3:
        return IndicatorResult.not_applicable(f"{len(dates)} dated items: no rhythm")
    gaps = [(a - b).days for a, b in zip(dates, dates[1:])]
    value = float(median(gaps))
    detail = f"median {value:g} days between the newest {len(dates)} items ({dates[-1]} – {dates[0]})"
    return IndicatorResult(value=value, detail=detail, evidence=[Evidence(url=obs.platform.url, detail=detail)])
