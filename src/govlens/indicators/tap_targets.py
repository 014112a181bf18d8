"""tap-targets — share of the homepage's links and controls a finger can hit on a phone (网民体验).

From the phone render: a target smaller than 24×24 CSS px whose 24 px circle meets another
target (WCAG 2.2 SC 2.5.8 and its spacing exception) is crowded. Above
``BROWSER_TAP_FAIL_SHARE`` of crowded targets the page is a small_tap_targets finding.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators._render import completed, number
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, clip,
                                     setting, site_finding)

ID = "tap-targets"
REQUIRES = ("render",)
UNIT = "ratio"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    phone, why = completed(obs, "phone")
    if phone is None:
        return why
    total, crowded = number(phone.data.get("tap_targets")), number(phone.data.get("crowded_targets"))
    if total is None or crowded is None:
        return IndicatorResult.missing("the phone render recorded no tap targets")
    if total == 0:
        return IndicatorResult.not_applicable("no links or controls on the phone render")
    share_bad = crowded / total
    limit = float(setting(ctx, "BROWSER_TAP_FAIL_SHARE"))
    detail = f"{crowded:.0f} of {total:.0f} tap targets under 24×24 px and crowded ({share_bad:.0%})"
    examples = ", ".join(f"“{clip(e.get('label'), 20)}” {e.get('width')}×{e.get('height')}"
                         for e in phone.data.get("crowded_examples") or [] if isinstance(e, dict))
    evidence = [Evidence(url=phone.url, detail=detail, snippet=examples)]
    findings = []
    if share_bad > limit:
        findings.append(site_finding(obs, defects.SMALL_TAP_TARGETS, f"{detail}; over {limit:.0%}",
                                     snippet=examples, evidence_url=phone.url))
    return IndicatorResult(value=1.0 - share_bad, detail=detail, evidence=evidence, findings=findings)
