"""time-to-first-byte — TTFB: from navigation start to the first byte of the homepage, in the browser (网民体验), desktop render, in ms.

Scored by the framework with a Lighthouse-style log-normal curve (control points p10 and median
in the framework file). Measured in the page's own timeline without throttling
(see :mod:`govlens.probes.gatherers.browser.performance`).
"""
from __future__ import annotations

from govlens.indicators.render._render import timing
from govlens.text import Messages

ID = "time-to-first-byte"
TITLE = ("首字节时间（浏览器）", "Time to first byte (browser)")
REQUIRES = ("render",)
UNIT = "ms"

T = Messages(ID, {
    "ttfb": ("首字节时间{ms}毫秒", "time to first byte {ms} ms"),
})


evaluate = timing("ttfb_ms", T, "ttfb")
