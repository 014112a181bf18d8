"""mobile-page-weight — KB a phone downloads for the mobile homepage with its CSS, scripts and images (访问性能).

Above ``MOBILE_MAX_PAGE_KB`` is a ``heavy_page`` finding.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, setting,
                                     site_finding)

ID = "mobile-page-weight"
REQUIRES = ("mobile_page", "mobile_resource")
UNIT = "kb"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    page = obs.one("mobile_page")
    if page is None or page.status != "completed" or page.data.get("total_bytes") is None:
        return IndicatorResult.missing("the mobile homepage did not load")
    kb = page.data["total_bytes"] / 1024
    res = sorted(obs.of("mobile_resource"), key=lambda o: -(o.data.get("bytes") or 0))
    evidence = [Evidence(url=o.url, detail=f"{o.data.get('type')}: {(o.data.get('bytes') or 0) / 1024:,.0f} KB")
                for o in res[:5]]
    detail = f"{kb:,.0f} KB: homepage {page.data.get('bytes', 0) / 1024:,.0f} KB and {len(res)} resource(s)"
    findings = []
    if kb > float(setting(ctx, "MOBILE_MAX_PAGE_KB")):
        findings.append(site_finding(obs, defects.HEAVY_PAGE, detail, evidence_url=page.url))
    return IndicatorResult(value=kb, detail=detail, evidence=evidence, findings=findings)
