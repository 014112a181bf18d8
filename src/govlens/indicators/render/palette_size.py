"""palette-size — how many distinct text and background colours the homepage uses (色彩搭配).

From the desktop render's computed styles (colours behind and of every visible text); the
dominant colours of the screenshot are given as evidence. A restrained palette reads as one
design; dozens of colours do not. Scored by the framework's curve (fewer is better).
"""
from __future__ import annotations

from govlens.contract.observation import Observation
from govlens.indicators.render._render import Section, reads
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, R, judged
from govlens.text import Messages

ID = "palette-size"
TITLE = ("页面用色数", "Colours used")
REQUIRES = ("render",)
UNIT = "count"
UNIT_LABEL = ("种", "")

T = Messages(ID, {
    "none": ("桌面端渲染未记录颜色", "the desktop render recorded no colours"),
    "counts": ("文字颜色{text}种，背景颜色{bg}种", "{text} text colours and {bg} background colours"),
    "dominant": ("首屏主要颜色：{colours}", "dominant colours of the first screen: {colours}"),
})



@reads("desktop", "colour", "text_colour_count", "background_colour_count", none=T("none"), zero=R("no_visible_text"))
def evaluate(desk: Observation, colour: Section, text_n: float, bg_n: float, obs: PlatformObservations,
             ctx: IndicatorContext) -> IndicatorResult:
    dominant = ", ".join(f"{p.get('colour')} {float(p.get('share') or 0):.0%}"
                         for p in colour.get("palette") or [] if isinstance(p, dict))
    detail = T("counts", text=round(text_n), bg=round(bg_n))
    return judged(obs, text_n + bg_n, detail, desk.url if not dominant
                  else [Evidence(url=desk.url, detail=T("dominant", colours=dominant))])
