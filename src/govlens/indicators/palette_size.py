"""palette-size — how many distinct text and background colours the homepage uses (色彩搭配).

From the desktop render's computed styles (colours behind and of every visible text); the
dominant colours of the screenshot are given as evidence. A restrained palette reads as one
design; dozens of colours do not. Scored by the framework's curve (fewer is better).
"""
from __future__ import annotations

from govlens.indicators._render import completed, number, section
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations

ID = "palette-size"
REQUIRES = ("render",)
UNIT = "count"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    desk, why = completed(obs, "desktop")
    if desk is None:
        return why
    colour = section(desk, "colour")
    text_n, bg_n = number(colour.get("text_colour_count")), number(colour.get("background_colour_count"))
    if text_n is None or bg_n is None:
        return IndicatorResult.missing("the desktop render recorded no colours")
    if text_n == 0:
        return IndicatorResult.not_applicable("no visible text")
    dominant = ", ".join(f"{p.get('colour')} {float(p.get('share') or 0):.0%}"
                         for p in colour.get("palette") or [] if isinstance(p, dict))
    detail = f"{text_n:.0f} text colours and {bg_n:.0f} background colours"
    return IndicatorResult(value=text_n + bg_n, detail=detail,
                           evidence=[Evidence(url=desk.url, detail=f"dominant colours of the first screen: {dominant}")
                                     if dominant else Evidence(url=desk.url, detail=detail)])
