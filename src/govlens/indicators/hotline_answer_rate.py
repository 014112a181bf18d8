"""hotline-answer-rate — share of test calls a person answered (接通率).

Below ``HOTLINE_MIN_ANSWER_RATE`` is a ``hotline_unanswered`` finding. Missing without test calls.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators._hotline import calls
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations, setting, site_finding

ID = "hotline-answer-rate"
REQUIRES = ("hotline_calls",)
UNIT = "ratio"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    got = calls(obs)
    if got is None:
        return IndicatorResult.missing("no test calls imported")
    d, evidence = got
    rate = float(d.get("answer_rate") or 0.0)
    detail = f"{d.get('answered')} of {d.get('calls')} test calls answered"
    findings = []
    limit = float(setting(ctx, "HOTLINE_MIN_ANSWER_RATE"))
    if rate < limit:
        findings.append(site_finding(obs, defects.HOTLINE_UNANSWERED, f"{detail} (below {limit:.0%})"))
    return IndicatorResult(value=rate, detail=detail, evidence=evidence, findings=findings)
