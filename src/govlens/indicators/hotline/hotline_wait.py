"""hotline-wait — median seconds an answered test call waited for a person (等待时长).

Above ``HOTLINE_MAX_WAIT_S`` is a ``hotline_slow`` finding. Not applicable when no call was answered.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.hotline._hotline import from_calls
from govlens.indicators.base import (R, IndicatorContext, IndicatorResult, PlatformObservations, Threshold,
                                     Thresholds, judged, beyond)
from govlens.text import Messages

ID = "hotline-wait"
TITLE = ("热线等待时长（中位数）", "Median wait")
REQUIRES = ("hotline_calls",)
UNIT = "seconds"
THRESHOLDS = Thresholds(ID,
    # median wait of answered calls above this: hotline_slow (ours)
    max_wait_s=Threshold(60, setting="HOTLINE_MAX_WAIT_S"),
)

T = Messages(ID, {
    "wait": ("接通电话等待时间中位数{s}秒（共{n}次）", "answered calls waited {s} s (median of {n})"),
    "slow": ("热线等待时间过长：{detail}，超过{limit}秒", "{detail}, over {limit} s"),
})


@from_calls
def evaluate(d: dict, evidence: list, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    wait = d.get("median_wait")
    if wait is None:
        return IndicatorResult.not_applicable(R("no_call_answered"))
    detail = T("wait", s=f"{float(wait):g}", n=d.get("answered"))
    slow = beyond(ctx, THRESHOLDS, "max_wait_s", float(wait), defects.HOTLINE_SLOW,
                  lambda limit: T("slow", detail=detail, limit=f"{limit:g}"))
    return judged(obs, float(wait), detail, evidence, slow)
