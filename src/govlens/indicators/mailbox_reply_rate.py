"""mailbox-reply-rate — share of a mailbox's published letters that are answered (回复率).

Read from the published letters the interaction probe read. A mailbox that publishes letters
and answers none is a ``mailbox_no_replies`` finding. Not applicable when it publishes none.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, site_finding

ID = "mailbox-reply-rate"
REQUIRES = ("letter",)
UNIT = "ratio"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    letters = obs.of("letter")
    if not letters:
        return IndicatorResult.not_applicable("no published letter was read")
    replied = [o for o in letters if (o.data or {}).get("replied")]
    rate = len(replied) / len(letters)
    detail = f"{len(replied)} of {len(letters)} published letters answered"
    findings = [] if replied else [site_finding(obs, defects.MAILBOX_NO_REPLIES, detail,
                                                evidence_url=(letters[0].data or {}).get("list_url") or "")]
    evidence = [Evidence(url=o.url, detail=f"asked {(o.data or {}).get('asked')}, not answered")
                for o in letters if not (o.data or {}).get("replied")][:5]
    return IndicatorResult(value=rate, detail=detail, evidence=evidence, findings=findings)
