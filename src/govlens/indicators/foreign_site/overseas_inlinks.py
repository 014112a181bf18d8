"""overseas-inlinks — inbound links from foreign domains (overseas-signals import); 海外传播影响力 of series 7."""
from __future__ import annotations

from govlens.indicators.foreign_site._overseas import overseas
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations

ID = "overseas-inlinks"
TITLE = ("境外网站链入数", "Inbound links from foreign domains")
REQUIRES = ("overseas_signals",)
UNIT = "count"
UNIT_LABEL = ("个", "")


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    return overseas(obs, "overseas_inlinks")
