"""homepage-requests — requests a browser makes to show the homepage: the HTML and each sub-resource (网站访问)."""
from __future__ import annotations

from govlens.contract.observation import Observation
from govlens.indicators._given import observed
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, R
from govlens.text import Messages

ID = "homepage-requests"
TITLE = ("首页请求数", "Homepage requests")
REQUIRES = ("page_weight",)
UNIT = "count"
UNIT_LABEL = ("个", "")

T = Messages(ID, {
    "requests": ("{n}个请求（HTML及其引用的资源）", "{n} requests (HTML and sub-resources named in it)"),
    "n": ("{n}个请求", "{n} requests"),
})



@observed("page_weight", R("home_not_weighed"))
def evaluate(o: Observation, data: dict, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    n = int((o.data or {}).get("requests") or 1)
    return IndicatorResult(value=float(n), detail=T("requests", n=n),
                           evidence=[Evidence(url=o.url, detail=T("n", n=n))])
