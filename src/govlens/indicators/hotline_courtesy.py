"""hotline-courtesy — mean courtesy score (1–5) the testers gave answered calls (服务态度)."""
from __future__ import annotations

from govlens.indicators._hotline import calls
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations

ID = "hotline-courtesy"
REQUIRES = ("hotline_calls",)
UNIT = "score"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    got = calls(obs)
    if got is None:
        return IndicatorResult.missing("no test calls imported")
    d, evidence = got
    if d.get("courtesy") is None:
        return IndicatorResult.not_applicable("no courtesy score (no answered call)")
    return IndicatorResult(value=float(d["courtesy"]), detail=f"mean courtesy {float(d['courtesy']):.2f} of 5",
                           evidence=evidence)
