"""column-update-rhythm — median days between a featured column's consecutive items (更新频率).

Over its newest 20 dated items: a column updated daily scores better than one updated monthly.
Not applicable with fewer than 3 dated items (no rhythm to speak of).
"""
from __future__ import annotations

from statistics import median

from govlens.indicators.columns._column import from_column, item_dates
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations, judged
from govlens.text import Messages

ID = "column-update-rhythm"
TITLE = ("栏目更新间隔（中位数）", "Median days between items")
REQUIRES = ("column",)
UNIT = "days"

T = Messages(ID, {
    "few": ("仅{n}条信息标注日期，无法判断更新节奏", "{n} dated items: no rhythm"),
    "median": ("最新{n}条信息的发布间隔中位数为{days}天（{first}至{last}）", "median {days} days between the newest {n} items ({first} – {last})"),
})

NEWEST = 20


@from_column
def evaluate(data: dict, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    dates = item_dates(data, ctx)[:NEWEST]
    if len(dates) < 3:
        return IndicatorResult.not_applicable(T("few", n=len(dates)))
    gaps = [(a - b).days for a, b in zip(dates, dates[1:])]
    value = float(median(gaps))
    detail = T("median", days=f"{value:g}", n=len(dates), first=dates[-1].isoformat(), last=dates[0].isoformat())
    return judged(obs, value, detail, obs.platform.url)
