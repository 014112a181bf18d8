"""total-blocking-time — how long scripts keep the homepage from answering a person (网民体验), ms.

TBT as Lighthouse defines it: over the long tasks after first contentful paint, the time each
runs beyond 50 ms (desktop render, until measuring starts). Above ``BROWSER_TBT_LIMIT_MS``
(600 ms, Lighthouse's "poor") the page is a slow_script finding. Log-normal curve in the framework.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.contract.observation import Observation
from govlens.indicators.render._render import Section, performance
from govlens.indicators.base import (IndicatorContext, IndicatorResult, PlatformObservations, Threshold, Thresholds,
                                     judged, beyond)
from govlens.text import Messages

ID = "total-blocking-time"
TITLE = ("总阻塞时间", "Total blocking time")
REQUIRES = ("render",)
UNIT = "ms"
THRESHOLDS = Thresholds(ID,
    limit_ms=Threshold(600, setting="BROWSER_TBT_LIMIT_MS"),  # above: slow_script (Lighthouse "poor")
)

T = Messages(ID, {
    "tbt": ("总阻塞时间{ms}毫秒（{tasks}个长任务）", "total blocking time {ms} ms ({tasks} long task(s))"),
    "over": ("页面脚本阻塞过久：{detail}；超过{limit}毫秒", "{detail}; over {limit} ms"),
})



@performance("tbt_ms")
def evaluate(desk: Observation, perf: Section, ms: float, obs: PlatformObservations,
             ctx: IndicatorContext) -> IndicatorResult:
    detail = T("tbt", ms=f"{ms:,.0f}", tasks=perf.get("long_tasks"))
    over = beyond(ctx, THRESHOLDS, "limit_ms", ms, defects.SLOW_SCRIPT,
                  lambda limit: T("over", detail=detail, limit=f"{limit:,.0f}"))
    return judged(obs, ms, detail, desk.url, over)
