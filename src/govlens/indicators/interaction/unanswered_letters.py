"""unanswered-letters — published letters asked more than 3 months ago, within the last year, never answered.

The 2015 census vetoes a site where "a message was left unanswered for more than 3 months
within the last year". Each such letter is an ``unanswered_letter`` finding at its own URL,
with the date it was asked. The window is ``INTERACTION_UNANSWERED_DAYS`` (90). Not
applicable when the site publishes no letters (``interaction-channel`` judges that).
"""
from __future__ import annotations

from datetime import timedelta

from govlens.contract import defects
from govlens.indicators.base import (Evidence, Finding, IndicatorContext, IndicatorResult, PlatformObservations,
                                     Threshold, Thresholds, parse_date)
from govlens.text import Messages

ID = "unanswered-letters"
TITLE = ("超期未回复留言数", "Letters unanswered over 3 months")
REQUIRES = ("letter",)
UNIT = "count"
UNIT_LABEL = ("条", "")
THRESHOLDS = Thresholds(ID,
    days=Threshold(setting="INTERACTION_UNANSWERED_DAYS"),  # census: unanswered more than 3 months
)

T = Messages(ID, {
    "none": ("未读取到公开的留言", "no published letters were read"),
    "letter": ("{asked}提出的留言，{days}天未回复", "asked {asked}, unanswered after {days} days"),
    "some": ("{total}条留言中{n}条超过{limit}天未回复", "{n} of {total} letters unanswered for more than {limit} days"),
    "all": ("{total}条留言均已回复或提出未满{limit}天", "every one of {total} letters answered or asked within {limit} days"),
})


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    letters = obs.of("letter")
    if not letters:
        return IndicatorResult.not_applicable(T("none"))
    limit = int(THRESHOLDS(ctx, "days"))
    oldest = ctx.check_date - timedelta(days=365)
    evidence, findings = [], []
    for o in letters:
        data = o.data or {}
        asked = parse_date(data.get("asked"))
        if asked is None or data.get("replied") or asked < oldest:
            continue
        waited = (ctx.check_date - asked).days
        if waited > limit:
            detail = T("letter", asked=asked.isoformat(), days=waited)
            evidence.append(Evidence(url=o.url, detail=detail, snippet=data.get("title") or ""))
            findings.append(Finding(kind=defects.UNANSWERED_LETTER, url=o.url, detail=detail,
                                    snippet=data.get("title") or "", evidence_url=o.url))
    detail = (T("some", n=len(findings), total=len(letters), limit=limit)
              if findings else T("all", total=len(letters), limit=limit))
    return IndicatorResult(value=float(len(findings)), detail=detail, evidence=evidence, findings=findings)
