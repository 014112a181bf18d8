"""request-count — how many requests the homepage makes on a desktop (网民体验)."""
from __future__ import annotations

from govlens.contract.observation import Observation
from govlens.indicators.render._render import Section, reads
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations, judged
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



@reads("desktop", "network", "requests", none=T("none"))
def evaluate(desk: Observation, net: Section, n: float, obs: PlatformObservations,
             ctx: IndicatorContext) -> IndicatorResult:
    return judged(obs, n, T("count", n=round(n), failed=net.get("failed_requests", 0)), desk.url)
