"""mobile-viewport — does the homepage declare ``<meta name="viewport">`` (网站设计)? 1 or 0."""
from __future__ import annotations

from govlens.contract import defects
from govlens.contract.observation import Observation
from govlens.indicators.site._site import on_homepage
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, judged, page_url
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


@on_homepage
def evaluate(home: Observation, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    url = page_url(home)
    if home.data.get("has_viewport"):
        return judged(obs, 1.0, T("declared"), [Evidence(url=url, detail=T("present"))])
    detail = T("none")
    return judged(obs, 0.0, detail, url, (defects.NO_VIEWPORT, detail))
