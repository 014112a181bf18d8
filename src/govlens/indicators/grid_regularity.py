"""grid-regularity — share of the homepage's content blocks aligned on a few vertical lines (版面布局).

From the desktop render's element boxes: blocks of at least 120×40 px holding text in the
first three screens, and the share whose left edge lies on one of the six most used
vertical lines (±4 px). A page built on a grid scores near 1; a collage, lower.
"""
from __future__ import annotations

from govlens.indicators._render import completed, number, section
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations

ID = "grid-regularity"
REQUIRES = ("render",)
UNIT = "ratio"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    desk, why = completed(obs, "desktop")
    if desk is None:
        return why
    layout = section(desk, "layout")
    value, blocks = number(layout.get("grid_regularity")), number(layout.get("grid_blocks"))
    if value is None or not blocks:
        return IndicatorResult.not_applicable("no content blocks to align")
    detail = (f"{value:.0%} of {blocks:.0f} content blocks on the 6 main vertical lines "
              f"({layout.get('grid_lines')} lines in all); {layout.get('columns')} column(s)")
    return IndicatorResult(value=value, detail=detail, evidence=[Evidence(url=desk.url, detail=detail)])
