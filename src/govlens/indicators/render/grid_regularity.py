"""grid-regularity — share of the homepage's content blocks aligned on a few vertical lines (版面布局).

From the desktop render's element boxes: blocks of at least 120×40 px holding text in the
first three screens, and the share whose left edge lies on one of the six most used
vertical lines (±4 px). A page built on a grid scores near 1; a collage, lower.
"""
from __future__ import annotations

from govlens.contract.observation import Observation
from govlens.indicators.render._render import Section, reads
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations, judged
from govlens.text import Messages

ID = "grid-regularity"
TITLE = ("版面栅格对齐率", "Grid alignment")
REQUIRES = ("render",)
UNIT = "ratio"

T = Messages(ID, {
    "none": ("无可对齐的内容区块", "no content blocks to align"),
    "grid": ("{blocks}个内容区块中{pct}%对齐6条主要竖线（共{lines}条竖线）；{columns}栏", "{pct}% of {blocks} content blocks on the 6 main vertical lines ({lines} lines in all); {columns} column(s)"),
})



@reads("desktop", "layout", "grid_blocks", "grid_regularity", none=T("none"), blank=IndicatorResult.not_applicable,
       zero=T("none"))
def evaluate(desk: Observation, layout: Section, blocks: float, value: float, obs: PlatformObservations,
             ctx: IndicatorContext) -> IndicatorResult:
    return judged(obs, value, T("grid", pct=round(value * 100), blocks=round(blocks), lines=layout.get("grid_lines"),
                                columns=layout.get("columns")), desk.url)
