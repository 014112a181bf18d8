"""external-inlinks — inbound links from the web, from the imported external signals (社会舆情)."""
from __future__ import annotations

from govlens.indicators.signals._signals import signal
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations

ID = "external-inlinks"
TITLE = ("外部链入数", "Inbound links from the web")
REQUIRES = ("signals",)
UNIT = "count"
UNIT_LABEL = ("个", "links")


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    return signal(obs, "inbound_links")
