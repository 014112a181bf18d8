"""phone-text-size — share of the homepage's text legible on a phone (网站设计).

From the phone render: characters by computed font size in CSS px. Legible is at least
``BROWSER_MIN_TEXT_PX`` (12, as Lighthouse's font-size audit); below
``BROWSER_LEGIBLE_SHARE`` (60 %, Lighthouse's pass mark) the page is a tiny_text finding.
A page without a mobile viewport is judged by mobile-viewport, not here: sizes are CSS px.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators._render import completed
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, setting,
                                     site_finding)

ID = "phone-text-size"
REQUIRES = ("render",)
UNIT = "ratio"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    phone, why = completed(obs, "phone")
    if phone is None:
        return why
    minimum = float(setting(ctx, "BROWSER_MIN_TEXT_PX"))
    share_needed = float(setting(ctx, "BROWSER_LEGIBLE_SHARE"))
    total = legible = 0
    for pair in phone.data.get("chars_by_size") or []:
        try:
            size, chars = float(pair[0]), int(pair[1])
        except (TypeError, ValueError, IndexError):
            continue
        total += chars
        if size >= minimum:
            legible += chars
    if total == 0:
        return IndicatorResult.not_applicable("no visible text on the phone render")
    share = legible / total
    detail = f"{legible} of {total} characters at {minimum:g} px or more ({share:.0%})"
    evidence = [Evidence(url=phone.url, detail=detail)]
    findings = []
    if share < share_needed:
        findings.append(site_finding(obs, defects.TINY_TEXT, f"{detail}; under {share_needed:.0%}",
                                     evidence_url=phone.url))
    return IndicatorResult(value=share, detail=detail, evidence=evidence, findings=findings)
