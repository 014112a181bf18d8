"""https-redirect — does ``http://host/`` redirect to https (网站访问)? 1 or 0.

A site whose http URL answers with content and no redirect to https is a
no_https_redirect finding. When http is not served at all (refused, DNS, error status)
there is nothing insecure to redirect: not applicable, and no finding.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations,
                                     site_finding)
from govlens.probes.observation import COMPLETED

ID = "https-redirect"
REQUIRES = ("https",)
UNIT = "bool"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    o = obs.one("https")
    if o is None:
        return IndicatorResult.missing("http → https was not checked")
    data = o.data or {}
    http_url = data.get("http_url") or o.url
    location = data.get("location")
    seen = f"{http_url} → {o.status}" + (f" HTTP {o.http_status}" if o.http_status else "") \
        + (f", Location: {location}" if location else "")
    evidence = [Evidence(url=http_url, detail=seen)]
    if data.get("redirects_to_https"):
        return IndicatorResult(value=1.0, detail="http redirects to https", evidence=evidence)
    if o.status != COMPLETED:
        return IndicatorResult(value=None, status="not_applicable", evidence=evidence,
                               detail=f"http is not served ({o.status}); nothing to redirect")
    detail = "http is served without a redirect to https" + (f" (Location: {location})" if location else "")
    return IndicatorResult(value=0.0, detail=detail, evidence=evidence,
                           findings=[site_finding(obs, defects.NO_HTTPS_REDIRECT, detail, evidence_url=http_url)])
