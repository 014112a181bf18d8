"""police-record — does the homepage show its 公安机关备案号 (public-security record)? 1 or 0.

An item of the national inspection of government websites (2017 guidelines).
Read from the homepage's ``site_identity`` block (``police_record``); 0 is a ``missing_police_record`` finding whose
snippet is the footer text read. See :mod:`govlens.indicators.identity._identity`.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.identity._identity import shown_on_homepage
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations

ID = "police-record"
TITLE = ("标注公安机关备案号", "Public-security record number shown")
REQUIRES = ("page",)
UNIT = "bool"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    return shown_on_homepage(obs, "police_record", defects.MISSING_POLICE_RECORD)
