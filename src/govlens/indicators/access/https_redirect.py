"""https-redirect — does ``http://host/`` redirect to https (网站访问)? 1 or 0.

A site whose http URL answers with content and no redirect to https is a
no_https_redirect finding. When http is not served at all (refused, DNS, error status)
there is nothing insecure to redirect: not applicable, and no finding.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.contract.observation import COMPLETED, Observation
from govlens.indicators._given import observed
from govlens.indicators.access._access import answer
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, judged
from govlens.text import Messages

ID = "https-redirect"
TITLE = ("HTTPS跳转", "HTTPS redirect")
REQUIRES = ("https",)
UNIT = "bool"

T = Messages(ID, {
    "not_checked": ("未检查HTTP是否跳转至HTTPS", "http → https was not checked"),
    "seen": ("{url} → {what}", "{url} → {what}"),
    "seen_location": ("{url} → {what}，跳转至{location}", "{url} → {what}, Location: {location}"),
    "code": ("HTTP状态码{code}", "HTTP {code}"),
    "redirects": ("HTTP访问跳转至HTTPS", "http redirects to https"),
    "not_served": ("未提供HTTP访问（{what}），无需跳转", "http is not served ({what}); nothing to redirect"),
    "no_redirect": ("HTTP访问未跳转至HTTPS", "http is served without a redirect to https"),
    "no_redirect_location": ("HTTP访问未跳转至HTTPS（跳转地址为{location}）", "http is served without a redirect to https (Location: {location})"),
})


@observed("https", T("not_checked"))
def evaluate(o: Observation, data: dict, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    http_url = data.get("http_url") or o.url
    location = data.get("location")
    what = answer(o, T)
    seen = (T("seen_location", url=http_url, what=what, location=location) if location
            else T("seen", url=http_url, what=what))
    evidence = [Evidence(url=http_url, detail=seen)]
    if data.get("redirects_to_https"):
        return judged(obs, 1.0, T("redirects"), evidence)
    if o.status != COMPLETED:
        return IndicatorResult(value=None, status="not_applicable", evidence=evidence,
                               detail=T("not_served", what=what))
    detail = T("no_redirect_location", location=location) if location else T("no_redirect")
    return judged(obs, 0.0, detail, evidence, (defects.NO_HTTPS_REDIRECT, detail), at=http_url)
