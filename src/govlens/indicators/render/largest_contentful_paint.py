"""largest-contentful-paint — LCP: when the largest text block or image in the first screen is painted (网民体验), desktop render, in ms.

Scored by the framework with a Lighthouse-style log-normal curve (control points p10 and median
in the framework file). Measured in the page's own timeline without throttling
(see :mod:`govlens.probes.gatherers.browser.performance`).
"""
from __future__ import annotations

from govlens.indicators.render._render import timing
from govlens.text import Messages

ID = "largest-contentful-paint"
TITLE = ("最大内容绘制时间", "Largest contentful paint")
REQUIRES = ("render",)
UNIT = "ms"

T = Messages(ID, {
    "lcp": ("最大内容绘制时间{ms}毫秒", "largest contentful paint {ms} ms"),
})


evaluate = timing("lcp_ms", T, "lcp")
