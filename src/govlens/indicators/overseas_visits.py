"""overseas-visits — visits from abroad in a month (overseas-signals import); 海外传播影响力 of series 7."""
from __future__ import annotations

from govlens.indicators._overseas import overseas
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations

ID = "overseas-visits"
REQUIRES = ("overseas_signals",)
UNIT = "count"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    return overseas(obs, "overseas_visits")
