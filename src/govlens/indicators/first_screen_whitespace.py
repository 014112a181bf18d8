"""first-screen-whitespace — share of the desktop first screen left free of text, images and controls (版面布局).

8 px cells of the 1366×768 first screen covered by nothing. A cramped first screen scores
low; the framework's curve rises to its ``best`` and is clipped beyond (more empty space is
not rewarded further).
"""
from __future__ import annotations

from govlens.indicators._render import completed, number, section
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations

ID = "first-screen-whitespace"
REQUIRES = ("render",)
UNIT = "ratio"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    desk, why = completed(obs, "desktop")
    if desk is None:
        return why
    layout = section(desk, "layout")
    value = number(layout.get("whitespace"))
    if value is None:
        return IndicatorResult.missing("the desktop render recorded no whitespace")
    detail = (f"{value:.0%} of the first screen empty; {layout.get('first_screen_chars')} characters, "
              f"{layout.get('first_screen_links')} links, {layout.get('first_screen_images')} images above the fold")
    return IndicatorResult(value=value, detail=detail, evidence=[Evidence(url=desk.url, detail=detail)])
