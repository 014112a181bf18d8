"""mailbox-form — a leader mailbox takes letters (受理来信): 1 or 0.

The probe sent a test letter through the mailbox's form (sandbox mode only). It works when the
answer gives a receipt number; an error, a refusal or no receipt is a ``mailbox_form_broken``
finding, and so is a mailbox with no letter form at all. Missing outside sandbox mode, where no
letter is sent.
"""
from __future__ import annotations

from govlens.contract.observation import Observation
from govlens.contract import defects
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, R, site_finding
from govlens.indicators._given import observed
from govlens.text import Messages
from govlens.visit_text import describe_visit

ID = "mailbox-form"
TITLE = ("信箱可提交来信", "Mailbox takes letters")
REQUIRES = ("mailbox_submit",)
UNIT = "bool"

T = Messages(ID, {
    "accepted": ("测试来信已被受理，回执编号{receipt}", "a test letter was accepted, receipt {receipt}"),
    "no_form": ("未找到写信表单", "no letter form found"),
    "reloaded": ("表单页面再次打开失败", "the form page did not load again"),
    "sandbox_only": ("未发送：测试来信仅在沙箱模式下发送", "not sent: test letters are sent in sandbox mode only"),
    "not_sent": ("未发送测试来信", "no test letter was sent"),
    "no_receipt": ("测试来信未获回执：{what}", "a test letter got no receipt: {what}"),
    "code": ("HTTP状态码{code}", "HTTP {code}"),
})


#: The mailbox probe's reasons (govlens.probes.gatherers.mailbox) → messages.
REASONS = {"no letter form found": "no_form", "the form page did not load again": "reloaded",
           "not sent: test letters are sent in sandbox mode only": "sandbox_only"}


@observed("mailbox_submit", R("mailbox_not_loaded"))
def evaluate(o: Observation, d: dict, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    if d.get("receipt"):
        detail = T("accepted", receipt=str(d["receipt"]))
        return IndicatorResult(value=1.0, detail=detail, evidence=[Evidence(url=d.get("form_url") or o.url,
                                                                            detail=detail)])
    if not d.get("form_url") or (d.get("submitted") is False and d.get("reason") == "no letter form found"):
        detail = T("no_form")
    elif not d.get("submitted"):
        return IndicatorResult.missing(T(REASONS.get(d.get("reason"), "not_sent")))
    else:
        what = (T.ref("code", code=o.http_status) if o.status == "completed" and o.http_status
                else describe_visit(o.status, d.get("cause"), http_status=o.http_status))
        detail = T("no_receipt", what=what)
    return IndicatorResult(value=0.0, detail=detail, evidence=[Evidence(url=o.url, detail=detail)],
                           findings=[site_finding(obs, defects.MAILBOX_FORM_BROKEN, detail, evidence_url=o.url)])
