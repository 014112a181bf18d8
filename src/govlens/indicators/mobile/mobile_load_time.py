"""mobile-load-time — ms to load the mobile homepage and its slowest resource, with a phone's user agent (访问性能).

Slower than ``HTTP_SLOW_MS`` is a ``slow_response`` finding.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.base import (R, Evidence, IndicatorContext, IndicatorResult, PlatformObservations, Thresholds,
                                     site_finding)
from govlens.indicators.access.response_time import THRESHOLDS as HTTP
from govlens.text import Messages

ID = "mobile-load-time"
TITLE = ("移动首页加载时间", "Mobile homepage load time")
REQUIRES = ("mobile_page",)
UNIT = "ms"
UNIT_LABEL = ("毫秒", "ms")
THRESHOLDS = Thresholds(ID, slow_ms=HTTP["slow_ms"])

T = Messages(ID, {
    "time": ("首页{page}毫秒，含资源{total}毫秒", "homepage {page} ms, with resources {total} ms"),
})



def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    page = obs.one("mobile_page")
    if page is None or page.status != "completed" or page.data.get("load_ms") is None:
        return IndicatorResult.missing(R("mobile_home_not_loaded"))
    ms = float(page.data["load_ms"])
    detail = T("time", page=f"{page.elapsed_ms or 0:,.0f}", total=f"{ms:,.0f}")
    findings = []
    if (page.elapsed_ms or 0) > float(THRESHOLDS(ctx, "slow_ms")):
        findings.append(site_finding(obs, defects.SLOW_RESPONSE, detail, evidence_url=page.url))
    return IndicatorResult(value=ms, detail=detail, evidence=[Evidence(url=page.url, detail=detail)],
                           findings=findings)
