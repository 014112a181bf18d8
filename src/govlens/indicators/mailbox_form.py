"""mailbox-form — a leader mailbox takes letters (受理来信): 1 or 0.

The probe sent a test letter through the mailbox's form (sandbox mode only). It works when the
answer gives a receipt number; an error, a refusal or no receipt is a ``mailbox_form_broken``
finding, and so is a mailbox with no letter form at all. Missing outside sandbox mode, where no
letter is sent.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, site_finding

ID = "mailbox-form"
REQUIRES = ("mailbox_submit",)
UNIT = "bool"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    o = obs.one("mailbox_submit")
    if o is None:
        return IndicatorResult.missing("the mailbox page did not load")
    d = o.data or {}
    if d.get("receipt"):
        detail = f"a test letter was accepted, receipt {d['receipt']}"
        return IndicatorResult(value=1.0, detail=detail, evidence=[Evidence(url=d.get("form_url") or o.url,
                                                                            detail=detail)])
    if not d.get("form_url") or (d.get("submitted") is False and d.get("reason") == "no letter form found"):
        detail = "no letter form found"
    elif not d.get("submitted"):
        return IndicatorResult.missing(d.get("reason") or "no test letter was sent")
    else:
        detail = f"a test letter got no receipt: {d.get('error') or o.status} (HTTP {o.http_status})"
    return IndicatorResult(value=0.0, detail=detail, evidence=[Evidence(url=o.url, detail=detail)],
                           findings=[site_finding(obs, defects.MAILBOX_FORM_BROKEN, detail, evidence_url=o.url)])
