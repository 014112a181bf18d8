"""wrong-wording — pages with a serious wording error (严重表述错误) from the word lists (信息传播).

Each page is a ``wrong_wording`` finding with the wrong words, the right form and the
context; the value counts such pages (the census vetoes on one). Lists: ``WORDING_FILE``.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.contract.wording import SERIOUS
from govlens.indicators.wording._wording import wording_hits
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations

ID = "wrong-wording"
TITLE = ("存在严重表述错误的页面数", "Pages with serious wording errors")
REQUIRES = ("page",)
UNIT = "count"
UNIT_LABEL = ("个", "")


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    return wording_hits(obs, ctx, SERIOUS, defects.WRONG_WORDING, "serious")
