"""mobile-load-time — ms to load the mobile homepage and its slowest resource, with a phone's user agent (访问性能).

Slower than ``HTTP_SLOW_MS`` is a ``slow_response`` finding.
"""
from __future__ import annotations

from govlens.contract.observation import Observation
from govlens.contract import defects
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations, Thresholds, judged, beyond
from govlens.indicators.access.response_time import THRESHOLDS as HTTP
from govlens.indicators.mobile._mobile import from_mobile_page
from govlens.text import Messages

ID = "mobile-load-time"
TITLE = ("移动首页加载时间", "Mobile homepage load time")
REQUIRES = ("mobile_page",)
UNIT = "ms"
THRESHOLDS = Thresholds(ID, slow_ms=HTTP["slow_ms"])

T = Messages(ID, {
    "time": ("首页{page}毫秒，含资源{total}毫秒", "homepage {page} ms, with resources {total} ms"),
})


@from_mobile_page("load_ms")
def evaluate(page: Observation, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    ms = float(page.data["load_ms"])
    detail = T("time", page=f"{page.elapsed_ms or 0:,.0f}", total=f"{ms:,.0f}")
    slow = beyond(ctx, THRESHOLDS, "slow_ms", page.elapsed_ms or 0, defects.SLOW_RESPONSE, lambda _: detail)
    return judged(obs, ms, detail, page.url, slow)
