"""certificate-validity — does the site's https port present a certificate a browser accepts? 1 or 0.

From the TLS probe's verifying handshake. An expired certificate is an
``expired_certificate`` finding with its end date; other refusals (self-signed, wrong host,
unknown issuer) score 0 with OpenSSL's reason in the evidence. Not applicable when nothing
answers TLS on port 443 (``https-redirect`` judges sites without https).
"""
from __future__ import annotations

from datetime import datetime, timezone

from govlens import defects
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, site_finding

ID = "certificate-validity"
REQUIRES = ("tls",)
UNIT = "bool"
EXPIRED_CODE = 10          # OpenSSL X509_V_ERR_CERT_HAS_EXPIRED


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    o = obs.one("tls")
    if o is None:
        return IndicatorResult.missing("TLS was not checked")
    data = o.data or {}
    if not data.get("https"):
        return IndicatorResult.not_applicable(f"no TLS on port 443 ({o.status})")
    about = f"issuer {data.get('issuer')}, valid {str(data.get('not_before'))[:10]} – {str(data.get('not_after'))[:10]}"
    if data.get("verified"):
        return IndicatorResult(value=1.0, detail="the certificate is valid",
                               evidence=[Evidence(url=o.url, detail=about)])
    reason = data.get("verify_error") or "refused"
    evidence = [Evidence(url=o.url, detail=f"{reason}; {about}")]
    if data.get("verify_code") == EXPIRED_CODE or _expired(data.get("not_after")):
        detail = f"the certificate expired on {str(data.get('not_after'))[:10]}"
        return IndicatorResult(value=0.0, detail=detail, evidence=evidence,
                               findings=[site_finding(obs, defects.EXPIRED_CERTIFICATE, detail, evidence_url=o.url)])
    return IndicatorResult(value=0.0, detail=f"the certificate is refused: {reason}", evidence=evidence)


def _expired(not_after: str | None) -> bool:
    try:
        return datetime.fromisoformat(str(not_after)) < datetime.now(timezone.utc)
    except ValueError:
        return False
