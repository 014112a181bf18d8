"""site-code — does the homepage footer show the 网站标识码 (site code)? 1 or 0.

An item of the national inspection of government websites (2017 guidelines).
Read from the homepage's ``site_identity`` block (``site_code``); 0 is a ``missing_site_code`` finding whose
snippet is the footer text read. See :mod:`govlens.indicators.identity._identity`.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.identity._identity import shown_on_homepage
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations

ID = "site-code"
TITLE = ("页脚标注网站标识码", "Site code shown in the footer")
REQUIRES = ("page",)
UNIT = "bool"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    return shown_on_homepage(obs, "site_code", defects.MISSING_SITE_CODE)
