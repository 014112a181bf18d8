"""icp-number — does the homepage show its ICP 备案 (filing) number? 1 or 0.

An item of the national inspection of government websites (2017 guidelines).
Read from the homepage's ``site_identity`` block (``icp``); 0 is a ``missing_icp`` finding whose
snippet is the footer text read. See :mod:`govlens.indicators.identity._identity`.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.identity._identity import shown_on_homepage
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations

ID = "icp-number"
TITLE = ("标注ICP备案编号", "ICP filing number shown")
REQUIRES = ("page",)
UNIT = "bool"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    return shown_on_homepage(obs, "icp", defects.MISSING_ICP)
