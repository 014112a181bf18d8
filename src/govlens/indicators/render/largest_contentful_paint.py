"""largest-contentful-paint — LCP: when the largest text block or image in the first screen is painted (网民体验), desktop render, in ms.

Scored by the framework with a Lighthouse-style log-normal curve (control points p10 and median
in the framework file). Measured in the page's own timeline without throttling
(see :mod:`govlens.probes.gatherers.browser.performance`).
"""
from __future__ import annotations

from govlens.indicators.render._render import performance_metric
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations
from govlens.text import Messages

ID = "largest-contentful-paint"
TITLE = ("最大内容绘制时间", "Largest contentful paint")
REQUIRES = ("render",)
UNIT = "ms"
UNIT_LABEL = ("毫秒", "ms")

T = Messages(ID, {
    "lcp": ("最大内容绘制时间{ms}毫秒", "largest contentful paint {ms} ms"),
})



def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    desk, value, why = performance_metric(obs, "lcp_ms", UNIT)
    if why is not None:
        return why
    detail = T("lcp", ms=f"{value:,.0f}")
    return IndicatorResult(value=value, detail=detail, evidence=[Evidence(url=desk.url, detail=detail)])
