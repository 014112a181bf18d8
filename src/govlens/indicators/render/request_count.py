"""request-count — how many requests the homepage makes on a desktop (网民体验)."""
from __future__ import annotations

from govlens.indicators.render._render import completed, number, section
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations
from govlens.text import Messages

ID = "request-count"
TITLE = ("首页请求数（浏览器）", "Homepage requests")
REQUIRES = ("render",)
UNIT = "count"
UNIT_LABEL = ("个", "")

T = Messages(ID, {
    "none": ("桌面端渲染未统计到请求数", "the desktop render counted no requests"),
    "count": ("{n}个请求，{failed}个失败", "{n} requests, {failed} failed"),
})



def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    desk, why = completed(obs, "desktop")
    if desk is None:
        return why
    net = section(desk, "network")
    n = number(net.get("requests"))
    if n is None:
        return IndicatorResult.missing(T("none"))
    detail = T("count", n=round(n), failed=net.get("failed_requests", 0))
    return IndicatorResult(value=n, detail=detail, evidence=[Evidence(url=desk.url, detail=detail)])
