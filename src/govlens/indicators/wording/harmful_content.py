"""harmful-content — pages carrying harmful or spam words (gambling, fake invoices …) (社会舆情).

Defaced government pages carry hidden spam; hidden text counts, as crawlers and search
engines read it. Each page is a ``harmful_content`` finding with the words and their context.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.contract.wording import HARMFUL
from govlens.indicators.wording._wording import wording_hits
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations

ID = "harmful-content"
TITLE = ("含有害信息的页面数", "Pages with harmful content")
REQUIRES = ("page",)
UNIT = "count"
UNIT_LABEL = ("个", "")


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    return wording_hits(obs, ctx, HARMFUL, defects.HARMFUL_CONTENT, "harmful")
