"""font-families — how many font families the homepage's text uses (网站设计).

From the desktop render's computed styles (the first family of each text's ``font-family``).
A sober government page uses one or two; many families read as a patchwork. Scored by the
framework's curve (fewer is better).
"""
from __future__ import annotations

from govlens.indicators._render import completed, number, section
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations

ID = "font-families"
REQUIRES = ("render",)
UNIT = "count"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    desk, why = completed(obs, "desktop")
    if desk is None:
        return why
    colour = section(desk, "colour")
    n = number(colour.get("font_family_count"))
    if n is None:
        return IndicatorResult.missing("the desktop render recorded no fonts")
    if n == 0:
        return IndicatorResult.not_applicable("no visible text")
    fonts = ", ".join(f"{f[0] or '(default)'}" for f in colour.get("fonts") or [] if isinstance(f, list) and f)
    detail = f"{n:.0f} font famil{'y' if n == 1 else 'ies'}; {colour.get('font_size_count')} font sizes"
    return IndicatorResult(value=n, detail=detail, evidence=[Evidence(url=desk.url, detail=detail, snippet=fonts)])
