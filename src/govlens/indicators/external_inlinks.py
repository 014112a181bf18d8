"""external-inlinks — inbound links from the web, from the imported external signals (社会舆情)."""
from __future__ import annotations

from govlens.indicators._signals import signal
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations

ID = "external-inlinks"
REQUIRES = ("signals",)
UNIT = "count"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    return signal(obs, "inbound_links")
