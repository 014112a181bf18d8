"""hotline-resolution — share of answered test calls whose question was resolved (办结率)."""
from __future__ import annotations

from govlens.indicators.hotline._hotline import from_calls
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations, R
from govlens.text import Messages

ID = "hotline-resolution"
TITLE = ("热线办结率", "Calls resolved")
REQUIRES = ("hotline_calls",)
UNIT = "ratio"

T = Messages(ID, {
    "resolved": ("接通的{n}次电话中{resolved}次解决了问题", "{resolved} of {n} answered calls resolved"),
})


@from_calls
def evaluate(d: dict, evidence: list, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    if not d.get("answered"):
        return IndicatorResult.not_applicable(R("no_call_answered"))
    rate = float(d.get("resolution_rate") or 0.0)
    return IndicatorResult(value=rate, detail=T("resolved", resolved=d.get("resolved"), n=d.get("answered")),
                           evidence=evidence)
