"""certificate-validity — does the site's https port present a certificate a browser accepts? 1 or 0.

From the TLS probe's verifying handshake. An expired certificate is an
``expired_certificate`` finding with its end date; other refusals (self-signed, wrong host,
unknown issuer) score 0 with OpenSSL's reason in the evidence. Not applicable when nothing
answers TLS on port 443 (``https-redirect`` judges sites without https).
"""
from __future__ import annotations

from datetime import datetime, timezone

from govlens.contract import defects
from govlens.contract import statuses as S
from govlens.contract.observation import Observation
from govlens.indicators._given import observed
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, R, judged
from govlens.text import Messages
from govlens.visit_text import describe_visit

ID = "certificate-validity"
TITLE = ("HTTPS证书有效", "Valid HTTPS certificate")
REQUIRES = ("tls",)
UNIT = "bool"
EXPIRED_CODE = 10          # OpenSSL X509_V_ERR_CERT_HAS_EXPIRED
#: OpenSSL verify codes → the cause a person reads (the raw verify message stays in the store).
CAUSE_OF_CODE = {9: S.CERT_EXPIRED, 10: S.CERT_EXPIRED, 18: S.CERT_UNTRUSTED, 19: S.CERT_UNTRUSTED,
                 20: S.CERT_UNTRUSTED, 21: S.CERT_UNTRUSTED, 62: S.CERT_WRONG_HOST}

T = Messages(ID, {
    "no_tls": ("443端口未提供TLS（{what}）", "no TLS on port 443 ({what})"),
    "about": ("颁发者{issuer}，有效期{start}至{end}", "issuer {issuer}, valid {start} – {end}"),
    "valid": ("证书有效", "the certificate is valid"),
    "why": ("{reason}；{about}", "{reason}; {about}"),
    "expired": ("证书已于{date}过期", "the certificate expired on {date}"),
    "refused": ("证书不被浏览器认可：{reason}", "the certificate is refused: {reason}"),
})


@observed("tls", R("tls_not_checked"))
def evaluate(o: Observation, data: dict, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    if not data.get("https"):
        return IndicatorResult.not_applicable(T("no_tls", what=describe_visit(o.status, data.get("cause"),
                                                                             http_status=o.http_status)))
    about = T.ref("about", issuer=str(data.get("issuer") or "-"), start=str(data.get("not_before") or "-")[:10],
                  end=str(data.get("not_after") or "-")[:10])
    if data.get("verified"):
        return IndicatorResult(value=1.0, detail=T("valid"),
                               evidence=[Evidence(url=o.url, detail=about)])
    reason = describe_visit(S.TLS_ERROR, data.get("cause") or CAUSE_OF_CODE.get(data.get("verify_code")))
    evidence = [Evidence(url=o.url, detail=T("why", reason=reason, about=about))]
    if data.get("verify_code") == EXPIRED_CODE or _expired(data.get("not_after")):
        detail = T("expired", date=data.get("not_after")[:10])
        return judged(obs, 0.0, detail, evidence, (defects.EXPIRED_CERTIFICATE, detail), at=o.url)
    return IndicatorResult(value=0.0, detail=T("refused", reason=reason), evidence=evidence)


def _expired(not_after: str | None) -> bool:
    try:
        return datetime.fromisoformat(str(not_after)) < datetime.now(timezone.utc)
    except ValueError:
        return False
