"""site-sponsor — does the homepage footer name the 主办单位 (sponsor)? 1 or 0 (版权所有 alone is none).

An item of the national inspection of government websites (2017 guidelines).
Read from the homepage's ``site_identity`` block (``sponsor``); 0 is a ``missing_sponsor`` finding whose
snippet is the footer text read. See :mod:`govlens.indicators.identity._identity`.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.identity._identity import shown_on_homepage
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations

ID = "site-sponsor"
TITLE = ("标注主办单位", "Sponsoring organisation shown")
REQUIRES = ("page",)
UNIT = "bool"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    return shown_on_homepage(obs, "sponsor", defects.MISSING_SPONSOR)
