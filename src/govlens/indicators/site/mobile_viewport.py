"""mobile-viewport — does the homepage declare ``<meta name="viewport">`` (网站设计)? 1 or 0."""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, R, page_url,
                                     site_finding)
from govlens.text import Messages

ID = "mobile-viewport"
TITLE = ("移动终端适配", "Mobile viewport")
REQUIRES = ("page",)
UNIT = "bool"

T = Messages(ID, {
    "declared": ("已声明viewport", "viewport declared"),
    "present": ("首页设置了viewport元数据", "meta viewport present"),
    "none": ("首页未设置viewport元数据（未适配移动端）", "homepage has no meta viewport (not adapted to mobile)"),
})


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    home = obs.homepage()
    if home is None:
        return IndicatorResult.missing(R("home_not_loaded"))
    url = page_url(home)
    if home.data.get("has_viewport"):
        return IndicatorResult(value=1.0, detail=T("declared"),
                               evidence=[Evidence(url=url, detail=T("present"))])
    detail = T("none")
    return IndicatorResult(value=0.0, detail=detail, evidence=[Evidence(url=url, detail=detail)],
                           findings=[site_finding(obs, defects.NO_VIEWPORT, detail, evidence_url=url)])
