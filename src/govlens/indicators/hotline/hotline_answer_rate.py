"""hotline-answer-rate — share of test calls a person answered (接通率).

Below ``HOTLINE_MIN_ANSWER_RATE`` is a ``hotline_unanswered`` finding. Missing without test calls.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.hotline._hotline import from_calls
from govlens.indicators.base import (IndicatorContext, IndicatorResult, PlatformObservations, Threshold,
                                     Thresholds, judged, beyond)
from govlens.text import Messages

ID = "hotline-answer-rate"
TITLE = ("热线接通率", "Calls answered")
REQUIRES = ("hotline_calls",)
UNIT = "ratio"
THRESHOLDS = Thresholds(ID,
    # share of calls answered below this: hotline_unanswered (ours)
    min_rate=Threshold(0.8, setting="HOTLINE_MIN_ANSWER_RATE"),
)

T = Messages(ID, {
    "answered": ("拨测{calls}次，接通{n}次", "{n} of {calls} test calls answered"),
    "low": ("热线接通率低：{detail}（低于{limit}%）", "{detail} (below {limit}%)"),
})


@from_calls
def evaluate(d: dict, evidence: list, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    rate = float(d.get("answer_rate") or 0.0)
    detail = T("answered", n=d.get("answered"), calls=d.get("calls"))
    low = beyond(ctx, THRESHOLDS, "min_rate", rate, defects.HOTLINE_UNANSWERED,
                 lambda limit: T("low", detail=detail, limit=round(limit * 100)), under=True)
    return judged(obs, rate, detail, evidence, low)
