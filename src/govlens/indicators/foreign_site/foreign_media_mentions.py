"""foreign-media-mentions — mentions in foreign media (overseas-signals import); 海外传播影响力 of series 7."""
from __future__ import annotations

from govlens.indicators.foreign_site._overseas import overseas
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations

ID = "foreign-media-mentions"
TITLE = ("境外媒体报道量", "Foreign media mentions")
REQUIRES = ("overseas_signals",)
UNIT = "count"
UNIT_LABEL = ("次", "")


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    return overseas(obs, "foreign_media_mentions")
