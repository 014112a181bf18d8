"""indexed-pages — pages indexed by search engines, from the imported external signals (搜索引擎)."""
from __future__ import annotations

from govlens.indicators.signals._signals import signal
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations

ID = "indexed-pages"
TITLE = ("搜索引擎收录量", "Pages indexed by search engines")
REQUIRES = ("signals",)
UNIT = "count"
UNIT_LABEL = ("页", "pages")


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    return signal(obs, "indexed_pages")
