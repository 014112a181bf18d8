"""mobile-broken-links — share of the mobile homepage's internal links that fail (链接可用).

Each failing target is a ``broken_internal_link`` finding (URL-level: the target).
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.contract.observation import COMPLETED
from govlens.indicators.base import (NOT_CHECKED_STATUSES, Evidence, Finding, IndicatorContext, IndicatorResult,
                                     PlatformObservations, R)
from govlens.text import Messages
from govlens.visit_text import describe_visit

ID = "mobile-broken-links"
TITLE = ("移动门户失效链接率", "Broken links on the mobile portal")
REQUIRES = ("mobile_link",)
UNIT = "ratio"

T = Messages(ID, {
    "none": ("移动端首页无站内链接", "no internal link on the mobile homepage"),
    "summary": ("{total}个链接中{n}个无法访问", "{n} of {total} links fail"),
})



def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    links = [o for o in obs.of("mobile_link") if o.status not in NOT_CHECKED_STATUSES]
    if not links:
        page = obs.one("mobile_page")
        if page is not None and page.status == COMPLETED:
            return IndicatorResult.not_applicable(T("none"))
        return IndicatorResult.missing(R("mobile_home_not_loaded"))
    broken = [o for o in links if o.status != COMPLETED]
    findings = [Finding(kind=defects.BROKEN_INTERNAL_LINK, url=o.url, evidence_url=o.data.get("found_on") or o.url,
                        detail=describe_visit(o.status, (o.data or {}).get("cause"), http_status=o.http_status))
                for o in broken]
    return IndicatorResult(value=len(broken) / len(links), detail=T("summary", n=len(broken), total=len(links)),
                           evidence=[Evidence(url=o.url, detail=describe_visit(o.status, (o.data or {}).get("cause"),
                                                                 http_status=o.http_status))
                                     for o in broken], findings=findings)
