"""overseas-visits — visits from abroad in a month (overseas-signals import); 海外传播影响力 of series 7."""
from __future__ import annotations

from govlens.indicators.foreign_site._overseas import overseas
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations

ID = "overseas-visits"
TITLE = ("月均海外访问量", "Visits from abroad a month")
REQUIRES = ("overseas_signals",)
UNIT = "count"
UNIT_LABEL = ("次", "")
EVIDENCE = ("月均海外访问{value}次", "{value} visits from abroad a month")


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    return overseas(obs, "overseas_visits")
