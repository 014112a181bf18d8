"""first-screen-whitespace — share of the desktop first screen left free of text, images and controls (版面布局).

8 px cells of the 1366×768 first screen covered by nothing. A cramped first screen scores
low; the framework's curve rises to its ``best`` and is clipped beyond (more empty space is
not rewarded further).
"""
from __future__ import annotations

from govlens.contract.observation import Observation
from govlens.indicators.render._render import Section, reads
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations, judged
from govlens.text import Messages

ID = "first-screen-whitespace"
TITLE = ("首屏留白率", "First-screen whitespace")
REQUIRES = ("render",)
UNIT = "ratio"

T = Messages(ID, {
    "none": ("桌面端渲染未记录留白", "the desktop render recorded no whitespace"),
    "ws": ("首屏{pct}%为空白；首屏有{chars}个字符、{links}个链接、{images}张图片", "{pct}% of the first screen empty; {chars} characters, {links} links, {images} images above the fold"),
})



@reads("desktop", "layout", "whitespace", none=T("none"))
def evaluate(desk: Observation, layout: Section, value: float, obs: PlatformObservations,
             ctx: IndicatorContext) -> IndicatorResult:
    return judged(obs, value, T("ws", pct=round(value * 100), chars=layout.get("first_screen_chars"),
                                links=layout.get("first_screen_links"), images=layout.get("first_screen_images")),
                  desk.url)
