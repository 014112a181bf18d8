"""attachment-downloads — share of the service guides' form downloads that work (办事服务).

A download fails when its check fails (HTTP ≥ 400, refused, timeout …) or when a document
link answers with an HTML page (a "soft 404"). Each failing download is a
``broken_attachment`` finding at the download's URL, citing the guide it is on.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators.base import Evidence, Finding, IndicatorContext, IndicatorResult, PlatformObservations

ID = "attachment-downloads"
REQUIRES = ("service_guide",)
UNIT = "ratio"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    seen: dict[str, tuple[bool, str, dict]] = {}
    for o in obs.of("service_guide"):
        for a in (o.data or {}).get("attachments") or []:
            if a.get("url") and a["url"] not in seen:
                seen[a["url"]] = (bool(a.get("ok")), o.url, a)
    if not seen:
        return IndicatorResult.not_applicable("the service guides offer no downloads")
    evidence, findings = [], []
    for url, (ok, guide, a) in seen.items():
        if ok:
            continue
        how = f"HTTP {a.get('http_status')}" if a.get("http_status") else a.get("status")
        if a.get("status") == "completed":
            how = f"an HTML page ({a.get('content_type')}) instead of the file"
        detail = f"download “{a.get('text') or url}” on {guide} fails: {how}"
        evidence.append(Evidence(url=url, detail=detail))
        findings.append(Finding(kind=defects.BROKEN_ATTACHMENT, url=url, detail=detail, evidence_url=guide))
    ok_share = 1 - len(findings) / len(seen)
    return IndicatorResult(value=round(ok_share, 4), evidence=evidence, findings=findings,
                           detail=f"{len(seen) - len(findings)} of {len(seen)} downloads work")
