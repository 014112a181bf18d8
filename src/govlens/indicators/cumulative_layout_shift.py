"""cumulative-layout-shift — how much the homepage's content moves after it is shown (网民体验).

CLS as Lighthouse and Core Web Vitals define it (the largest session window of layout shifts
without recent input), desktop render. Above ``BROWSER_CLS_LIMIT`` (0.1, where Core Web
Vitals' "good" ends) the page is a layout_shift finding. Scored with a log-normal curve in the framework.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators._render import performance_metric, section
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, setting,
                                     site_finding)

ID = "cumulative-layout-shift"
REQUIRES = ("render",)
UNIT = "score"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    desk, value, why = performance_metric(obs, "cls", "layout shift", UNIT)
    if why is not None:
        return why
    shifts = section(desk, "performance").get("layout_shifts")
    limit = float(setting(ctx, "BROWSER_CLS_LIMIT"))
    detail = f"cumulative layout shift {value:.3f} ({shifts} shift(s))"
    findings = []
    if value > limit:
        findings.append(site_finding(obs, defects.LAYOUT_SHIFT, f"{detail}; over {limit:g}",
                                     evidence_url=desk.url))
    return IndicatorResult(value=value, detail=detail, evidence=[Evidence(url=desk.url, detail=detail)],
                           findings=findings)
