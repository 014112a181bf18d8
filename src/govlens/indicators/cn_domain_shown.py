"""cn-domain-shown — is the Chinese name written in the homepage's header or footer? 1 or 0 — check point 4 (series 8).

See :mod:`govlens.indicators._cndomain` for the order of the checks: this one fails with a
``cn_domain_not_shown`` finding only when every check before it passed; after an earlier failure it is 0
without a finding of its own.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators._cndomain import SHOWN, checks
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, site_finding

ID = "cn-domain-shown"
REQUIRES = ("dns", "cn_domain_site")
UNIT = "bool"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    c = checks(obs, ctx)
    passed = c.passed[SHOWN]
    detail = c.detail.get(SHOWN, "")
    if passed is None:
        return IndicatorResult.missing(detail or "not checked")
    source = c.site
    snippet = str((c.site.data or {}).get("snippet") or "") if c.site is not None else ""
    evidence = [Evidence(url=source.url if source is not None else obs.platform.url, detail=detail, snippet=snippet)]
    findings = []
    if not passed and c.first_failure() == SHOWN:
        findings.append(site_finding(obs, defects.CN_DOMAIN_NOT_SHOWN, detail))
    return IndicatorResult(value=1.0 if passed else 0.0, detail=detail, evidence=evidence, findings=findings)
