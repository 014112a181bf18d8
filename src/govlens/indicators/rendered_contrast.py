"""rendered-contrast — share of the homepage's text meeting WCAG AA contrast as rendered (色彩搭配).

From the desktop render: every visible text's computed colour against the background painted
behind it, after the stylesheet cascade (4.5:1, or 3:1 for large text), weighted by
characters. The finding is axe-core's: a ``color-contrast`` violation on the page is a
rendered_low_contrast finding (without an axe run, any failing text is).
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators._render import completed, number, section
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, clip,
                                     site_finding)

ID = "rendered-contrast"
REQUIRES = ("render",)
UNIT = "ratio"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    desk, why = completed(obs, "desktop")
    if desk is None:
        return why
    colour = section(desk, "colour")
    judged, passing = number(colour.get("judged_chars")), number(colour.get("passing_chars"))
    if judged is None or passing is None:
        return IndicatorResult.missing("the desktop render recorded no text colours")
    if judged == 0:
        return IndicatorResult.not_applicable("no text with a known background")
    share = passing / judged
    worst = colour.get("worst") if isinstance(colour.get("worst"), dict) else None
    detail = f"{passing:.0f} of {judged:.0f} characters reach WCAG AA ({share:.1%})"
    evidence = [Evidence(url=desk.url, detail=detail)]
    if worst:
        evidence.append(Evidence(url=desk.url, detail=f"lowest {worst.get('ratio')}:1, {worst.get('color')} on "
                                                      f"{worst.get('background')}", snippet=clip(worst.get("text"))))
    axe = obs.one("axe")
    findings = []
    if axe is not None:
        rule = next((v for v in axe.data.get("violations") or [] if isinstance(v, dict)
                     and v.get("id") == "color-contrast"), None)
        if rule is not None:
            snippet = clip((rule.get("snippets") or [""])[0])
            findings.append(site_finding(obs, defects.RENDERED_LOW_CONTRAST,
                                         f"axe-core color-contrast: {rule.get('nodes')} element(s) under WCAG AA",
                                         snippet=snippet, evidence_url=desk.url))
    elif passing < judged and worst:
        findings.append(site_finding(obs, defects.RENDERED_LOW_CONTRAST, detail, snippet=clip(worst.get("text")),
                                     evidence_url=desk.url))
    return IndicatorResult(value=share, detail=detail, evidence=evidence, findings=findings)
