"""mobile-broken-links — share of the mobile homepage's internal links that fail (链接可用).

Each failing target is a ``broken_internal_link`` finding (URL-level: the target).
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators.base import (NOT_CHECKED_STATUSES, Evidence, Finding, IndicatorContext, IndicatorResult,
                                     PlatformObservations)
from govlens.probes.observation import COMPLETED

ID = "mobile-broken-links"
REQUIRES = ("mobile_link",)
UNIT = "ratio"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    links = [o for o in obs.of("mobile_link") if o.status not in NOT_CHECKED_STATUSES]
    if not links:
        page = obs.one("mobile_page")
        if page is not None and page.status == COMPLETED:
            return IndicatorResult.not_applicable("no internal link on the mobile homepage")
        return IndicatorResult.missing("the mobile homepage did not load")
    broken = [o for o in links if o.status != COMPLETED]
    findings = [Finding(kind=defects.BROKEN_INTERNAL_LINK, url=o.url, evidence_url=o.data.get("found_on") or o.url,
                        detail=f"{o.status}" + (f" HTTP {o.http_status}" if o.http_status else ""))
                for o in broken]
    return IndicatorResult(value=len(broken) / len(links), detail=f"{len(broken)} of {len(links)} links fail",
                           evidence=[Evidence(url=o.url, detail=f"{o.status} {o.http_status or ''}".strip())
                                     for o in broken], findings=findings)
