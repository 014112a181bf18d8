"""hsts — does a site that uses https tell browsers to keep to it (Strict-Transport-Security)? 1 or 0.

Applicable when the site uses https: its homepage ends on https, or http redirects to
https. Then an https answer without ``Strict-Transport-Security`` (or with ``max-age=0``)
is a ``no_hsts`` finding. Sites whose certificate is refused are judged by
``certificate-validity`` instead.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, page_url,
                                     site_finding)

ID = "hsts"
REQUIRES = ("tls", "page", "https")
UNIT = "bool"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    o = obs.one("tls")
    if o is None:
        return IndicatorResult.missing("TLS was not checked")
    home = obs.homepage()
    redirect = obs.one("https")
    uses_https = (home is not None and page_url(home).lower().startswith("https://")) or \
        bool(redirect is not None and (redirect.data or {}).get("redirects_to_https"))
    if not uses_https:
        return IndicatorResult.not_applicable("the site does not use https")
    data = o.data or {}
    if not data.get("verified"):
        return IndicatorResult.not_applicable("the certificate is refused: see certificate-validity")
    header, age = data.get("hsts"), data.get("hsts_max_age")
    where = data.get("final_url") or o.url
    if header and age:
        return IndicatorResult(value=1.0, detail=f"Strict-Transport-Security: {header}",
                               evidence=[Evidence(url=where, detail=f"Strict-Transport-Security: {header}")])
    detail = "no Strict-Transport-Security header" if not header else f"Strict-Transport-Security without max-age: {header}"
    return IndicatorResult(value=0.0, detail=detail, evidence=[Evidence(url=where, detail=detail)],
                           findings=[site_finding(obs, defects.NO_HSTS, detail, evidence_url=where)])
