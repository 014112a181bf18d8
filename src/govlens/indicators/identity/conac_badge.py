"""conac-badge — does the homepage carry the 党政机关网站 identification badge (conac.cn)? 1 or 0.

An item of the national inspection of government websites (2017 guidelines).
Read from the homepage's ``site_identity`` block (``conac_badge``); 0 is a ``missing_conac_badge`` finding whose
snippet is the footer text read. See :mod:`govlens.indicators.identity._identity`.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.identity._identity import shown_on_homepage
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations

ID = "conac-badge"
TITLE = ("展示党政机关网站标识", "Identification badge shown")
REQUIRES = ("page",)
UNIT = "bool"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    return shown_on_homepage(obs, "conac_badge", defects.MISSING_CONAC_BADGE)
