"""hotline-resolution — share of answered test calls whose question was resolved (办结率)."""
from __future__ import annotations

from govlens.indicators._hotline import calls
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations

ID = "hotline-resolution"
REQUIRES = ("hotline_calls",)
UNIT = "ratio"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    got = calls(obs)
    if got is None:
        return IndicatorResult.missing("no test calls imported")
    d, evidence = got
    if not d.get("answered"):
        return IndicatorResult.not_applicable("no test call was answered")
    rate = float(d.get("resolution_rate") or 0.0)
    return IndicatorResult(value=rate, detail=f"{d.get('resolved')} of {d.get('answered')} answered calls resolved",
                           evidence=evidence)
