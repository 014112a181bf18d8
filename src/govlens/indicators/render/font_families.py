"""font-families — how many font families the homepage's text uses (网站设计).

From the desktop render's computed styles (the first family of each text's ``font-family``).
A sober government page uses one or two; many families read as a patchwork. Scored by the
framework's curve (fewer is better).
"""
from __future__ import annotations

from govlens.contract.observation import Observation
from govlens.indicators.render._render import Section, reads
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, R, judged
from govlens.text import Messages

ID = "font-families"
TITLE = ("字体种类数", "Font families")
REQUIRES = ("render",)
UNIT = "count"
UNIT_LABEL = ("种", "")

T = Messages(ID, {
    "none": ("桌面端渲染未记录字体", "the desktop render recorded no fonts"),
    "counts": ("字体{n}种，字号{sizes}种", "{n} font families; {sizes} font sizes"),
})



@reads("desktop", "colour", "font_family_count", none=T("none"), zero=R("no_visible_text"))
def evaluate(desk: Observation, colour: Section, n: float, obs: PlatformObservations,
             ctx: IndicatorContext) -> IndicatorResult:
    fonts = ", ".join(f"{f[0] or '—'}" for f in colour.get("fonts") or [] if isinstance(f, list) and f)
    detail = T("counts", n=round(n), sizes=colour.get("font_size_count"))
    return judged(obs, n, detail, [Evidence(url=desk.url, detail=detail, snippet=fonts)])
