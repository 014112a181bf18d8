"""mailbox-reply-rate — share of a mailbox's published letters that are answered (回复率).

Read from the published letters the interaction probe read. A mailbox that publishes letters
and answers none is a ``mailbox_no_replies`` finding. Not applicable when it publishes none.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, site_finding
from govlens.text import Messages

ID = "mailbox-reply-rate"
TITLE = ("来信回复率", "Letters answered")
REQUIRES = ("letter",)
UNIT = "ratio"

T = Messages(ID, {
    "none": ("未读取到公开的留言", "no published letter was read"),
    "rate": ("{total}条公开留言中{n}条已回复", "{n} of {total} published letters answered"),
    "unanswered": ("{asked}提出，未回复", "asked {asked}, not answered"),
})



def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    letters = obs.of("letter")
    if not letters:
        return IndicatorResult.not_applicable(T("none"))
    replied = [o for o in letters if (o.data or {}).get("replied")]
    rate = len(replied) / len(letters)
    detail = T("rate", n=len(replied), total=len(letters))
    findings = [] if replied else [site_finding(obs, defects.MAILBOX_NO_REPLIES, detail,
                                                evidence_url=(letters[0].data or {}).get("list_url") or "")]
    evidence = [Evidence(url=o.url, detail=T("unanswered", asked=str((o.data or {}).get("asked") or "-")))
                for o in letters if not (o.data or {}).get("replied")][:5]
    return IndicatorResult(value=rate, detail=detail, evidence=evidence, findings=findings)
