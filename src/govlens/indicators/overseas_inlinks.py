"""overseas-inlinks — inbound links from foreign domains (overseas-signals import); 海外传播影响力 of series 7."""
from __future__ import annotations

from govlens.indicators._overseas import overseas
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations

ID = "overseas-inlinks"
REQUIRES = ("overseas_signals",)
UNIT = "count"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    return overseas(obs, "overseas_inlinks")
