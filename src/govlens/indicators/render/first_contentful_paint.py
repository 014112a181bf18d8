"""first-contentful-paint — FCP: when the first text or image is painted (网民体验), desktop render, in ms.

Scored by the framework with a Lighthouse-style log-normal curve (control points p10 and median
in the framework file). Measured in the page's own timeline without throttling
(see :mod:`govlens.probes.gatherers.browser.performance`).
"""
from __future__ import annotations

from govlens.indicators.render._render import timing
from govlens.text import Messages

ID = "first-contentful-paint"
TITLE = ("首次内容绘制时间", "First contentful paint")
REQUIRES = ("render",)
UNIT = "ms"

T = Messages(ID, {
    "fcp": ("首次内容绘制时间{ms}毫秒", "first contentful paint {ms} ms"),
})


evaluate = timing("fcp_ms", T, "fcp")
