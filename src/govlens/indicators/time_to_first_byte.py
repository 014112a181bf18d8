"""time-to-first-byte — TTFB: from navigation start to the first byte of the homepage, in the browser (网民体验), desktop render, in ms.

Scored by the framework with a Lighthouse-style log-normal curve (control points p10 and median
in the framework file). Measured in the page's own timeline without throttling
(see :mod:`govlens.probes.browser.performance`).
"""
from __future__ import annotations

from govlens.indicators._render import performance_metric
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations

ID = "time-to-first-byte"
REQUIRES = ("render",)
UNIT = "ms"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    desk, value, why = performance_metric(obs, "ttfb_ms", "time to first byte", UNIT)
    if why is not None:
        return why
    detail = f"time to first byte {value:,.0f} ms"
    return IndicatorResult(value=value, detail=detail, evidence=[Evidence(url=desk.url, detail=detail)])
