"""palette-size — how many distinct text and background colours the homepage uses (色彩搭配).

From the desktop render's computed styles (colours behind and of every visible text); the
dominant colours of the screenshot are given as evidence. A restrained palette reads as one
design; dozens of colours do not. Scored by the framework's curve (fewer is better).
"""
from __future__ import annotations

from govlens.indicators.render._render import completed, number, section
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, R
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



def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    desk, why = completed(obs, "desktop")
    if desk is None:
        return why
    colour = section(desk, "colour")
    text_n, bg_n = number(colour.get("text_colour_count")), number(colour.get("background_colour_count"))
    if text_n is None or bg_n is None:
        return IndicatorResult.missing(T("none"))
    if text_n == 0:
        return IndicatorResult.not_applicable(R("no_visible_text"))
    dominant = ", ".join(f"{p.get('colour')} {float(p.get('share') or 0):.0%}"
                         for p in colour.get("palette") or [] if isinstance(p, dict))
    detail = T("counts", text=round(text_n), bg=round(bg_n))
    return IndicatorResult(value=text_n + bg_n, detail=detail,
                           evidence=[Evidence(url=desk.url, detail=T("dominant", colours=dominant))
                                     if dominant else Evidence(url=desk.url, detail=detail)])
