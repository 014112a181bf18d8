"""hsts — does a site that uses https tell browsers to keep to it (Strict-Transport-Security)? 1 or 0.

Applicable when the site uses https: its homepage ends on https, or http redirects to
https. Then an https answer without ``Strict-Transport-Security`` (or with ``max-age=0``)
is a ``no_hsts`` finding. Sites whose certificate is refused are judged by
``certificate-validity`` instead.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.contract.observation import Observation
from govlens.indicators._given import observed
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations, R, judged, page_url
from govlens.text import Messages

ID = "hsts"
TITLE = ("HSTS安全策略", "HSTS")
REQUIRES = ("tls", "page", "https")
UNIT = "bool"

T = Messages(ID, {
    "no_https": ("网站未使用HTTPS", "the site does not use https"),
    "refused": ("证书不被认可，见“证书有效性”指标", "the certificate is refused: see certificate-validity"),
    "header": ("响应头Strict-Transport-Security：{header}", "Strict-Transport-Security: {header}"),
    "none": ("HTTPS响应未设置HSTS（Strict-Transport-Security响应头）", "no Strict-Transport-Security header"),
    "no_age": ("HSTS响应头未设置有效max-age：{header}", "Strict-Transport-Security without max-age: {header}"),
})


@observed("tls", R("tls_not_checked"))
def evaluate(o: Observation, data: dict, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    home = obs.homepage()
    redirect = obs.one("https")
    uses_https = (home is not None and page_url(home).lower().startswith("https://")) or \
        bool(redirect is not None and (redirect.data or {}).get("redirects_to_https"))
    if not uses_https:
        return IndicatorResult.not_applicable(T("no_https"))
    if not data.get("verified"):
        return IndicatorResult.not_applicable(T("refused"))
    header, age = data.get("hsts"), data.get("hsts_max_age")
    where = data.get("final_url") or o.url
    if header and age:
        return judged(obs, 1.0, T("header", header=header), where)
    detail = T("none") if not header else T("no_age", header=header)
    return judged(obs, 0.0, detail, where, (defects.NO_HSTS, detail))
