"""response-time — median time to the full homepage response, in ms (网站访问).

Measured on the completed availability visits (the homepage page fetch when there were
none). The value is the median; the slow_response finding needs *every* completed visit
above ``HTTP_SLOW_MS``: time spent on the scanner's side (a loaded machine, a busy network)
only ever adds to a timing, so the fastest visit is the fairest measure of the site itself,
and one slow visit among fast ones is no evidence of a slow site.
"""
from __future__ import annotations

from statistics import median

from govlens.contract import defects
from govlens.contract.observation import COMPLETED
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, Threshold,
                                     Thresholds, judged)
from govlens.text import Messages

ID = "response-time"
TITLE = ("首页响应时间", "Homepage response time")
REQUIRES = ("visit",)
UNIT = "ms"
THRESHOLDS = Thresholds(ID,
    slow_ms=Threshold(2000, setting="HTTP_SLOW_MS"),  # homepage slower than this: slow_response (ours)
)

T = Messages(ID, {
    "visits": ("次访问", " visits"),
    "homepage_fetch": ("次首页抓取", " homepage fetch"),
    "none": ("没有记录用时的成功首页访问", "no completed homepage visit with a timing"),
    "summary": ("{n}{source}，响应时间中位数{median}毫秒，最快{fastest}毫秒（超过{limit}毫秒为过慢）",
                "median {median} ms, fastest {fastest} ms over {n}{source} (slow above {limit} ms)"),
    "ms": ("{ms}毫秒", "{ms} ms"),
})


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    timed = [o for o in obs.of("visit") if o.status == COMPLETED and o.elapsed_ms is not None]
    source = "visits"
    if not timed and not obs.of("visit"):
        timed = [o for o in obs.pages("home") if o.status == COMPLETED and o.elapsed_ms is not None]
        source = "homepage_fetch"
    if not timed:
        return IndicatorResult.missing(T("none"))
    value = float(median(o.elapsed_ms for o in timed))
    limit = float(THRESHOLDS(ctx, "slow_ms"))
    fastest = min(o.elapsed_ms for o in timed)
    detail = T("summary", median=round(value), fastest=round(fastest), n=len(timed), source=T.ref(source),
               limit=round(limit))
    evidence = [Evidence(url=o.url, detail=T("ms", ms=round(o.elapsed_ms))) for o in timed]
    return judged(obs, value, detail, evidence, (defects.SLOW_RESPONSE, detail) if fastest > limit else None,
                  at=timed[0].url)
