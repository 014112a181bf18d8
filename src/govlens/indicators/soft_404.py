"""soft-404 — does a page that cannot exist answer "not found" (404 / 410)? 1 or 0.

The not-found probe asked for a made-up path. Answering it with 2xx (after redirects, e.g.
to the homepage) is a ``soft_404`` finding: broken links on such a site look alive to
every checker and search engine. Missing when the answer was neither (a timeout, 5xx).
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, site_finding
from govlens.probes.observation import COMPLETED

ID = "soft-404"
REQUIRES = ("not_found",)
UNIT = "bool"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    o = obs.one("not_found")
    if o is None:
        return IndicatorResult.missing("no made-up page was requested")
    data = o.data or {}
    seen = f"{o.url} → {o.status}" + (f" HTTP {o.http_status}" if o.http_status else "") + \
        (f", title “{data.get('title')}”" if data.get("title") else "")
    evidence = [Evidence(url=o.url, detail=seen)]
    if o.http_status in (404, 410):
        return IndicatorResult(value=1.0, detail=f"a missing page answers {o.http_status}", evidence=evidence)
    if o.status == COMPLETED and o.http_status is not None and 200 <= o.http_status < 300:
        detail = f"a page that does not exist answers {o.http_status}" + \
            (f" at {data.get('final_url')}" if data.get("final_url") and data.get("final_url") != o.url else "")
        return IndicatorResult(value=0.0, detail=detail, evidence=evidence,
                               findings=[site_finding(obs, defects.SOFT_404, detail, snippet=data.get("title") or "",
                                                      evidence_url=o.url)])
    return IndicatorResult(value=None, status="missing", detail=f"no clear answer: {seen}", evidence=evidence)
