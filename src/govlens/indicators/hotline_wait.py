"""hotline-wait — median seconds an answered test call waited for a person (等待时长).

Above ``HOTLINE_MAX_WAIT_S`` is a ``hotline_slow`` finding. Not applicable when no call was answered.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators._hotline import calls
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations, setting, site_finding

ID = "hotline-wait"
REQUIRES = ("hotline_calls",)
UNIT = "seconds"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    got = calls(obs)
    if got is None:
        return IndicatorResult.missing("no test calls imported")
    d, evidence = got
    wait = d.get("median_wait")
    if wait is None:
        return IndicatorResult.not_applicable("no test call was answered")
    detail = f"answered calls waited {float(wait):g} s (median of {d.get('answered')})"
    findings = []
    limit = float(setting(ctx, "HOTLINE_MAX_WAIT_S"))
    if float(wait) > limit:
        findings.append(site_finding(obs, defects.HOTLINE_SLOW, f"{detail}, over {limit:g} s"))
    return IndicatorResult(value=float(wait), detail=detail, evidence=evidence, findings=findings)
