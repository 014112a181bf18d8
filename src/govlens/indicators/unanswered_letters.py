"""unanswered-letters — published letters asked more than 3 months ago, within the last year, never answered.

The 2015 census vetoes a site where "a message was left unanswered for more than 3 months
within the last year". Each such letter is an ``unanswered_letter`` finding at its own URL,
with the date it was asked. The window is ``INTERACTION_UNANSWERED_DAYS`` (90). Not
applicable when the site publishes no letters (``interaction-channel`` judges that).
"""
from __future__ import annotations

from datetime import timedelta

from govlens import defects
from govlens.indicators.base import (Evidence, Finding, IndicatorContext, IndicatorResult, PlatformObservations,
                                     parse_date, setting)

ID = "unanswered-letters"
REQUIRES = ("letter",)
UNIT = "count"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    letters = obs.of("letter")
    if not letters:
        return IndicatorResult.not_applicable("no published letters were read")
    limit = int(setting(ctx, "INTERACTION_UNANSWERED_DAYS"))
    oldest = ctx.check_date - timedelta(days=365)
    evidence, findings = [], []
    for o in letters:
        data = o.data or {}
        asked = parse_date(data.get("asked"))
        if asked is None or data.get("replied") or asked < oldest:
            continue
        waited = (ctx.check_date - asked).days
        if waited > limit:
            detail = f"asked {asked.isoformat()}, unanswered after {waited} days"
            evidence.append(Evidence(url=o.url, detail=detail, snippet=data.get("title") or ""))
            findings.append(Finding(kind=defects.UNANSWERED_LETTER, url=o.url, detail=detail,
                                    snippet=data.get("title") or "", evidence_url=o.url))
    detail = (f"{len(findings)} of {len(letters)} letters unanswered for more than {limit} days"
              if findings else f"every one of {len(letters)} letters answered or asked within {limit} days")
    return IndicatorResult(value=float(len(findings)), detail=detail, evidence=evidence, findings=findings)
