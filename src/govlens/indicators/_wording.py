"""Shared by wrong-wording and harmful-content: pages whose wording-check hits are of one category."""
from __future__ import annotations

from govlens.indicators.base import (Evidence, Finding, IndicatorContext, IndicatorResult, PlatformObservations,
                                     clip, completed_pages, page_url)


def wording_hits(obs: PlatformObservations, ctx: IndicatorContext, category: str, kind: str,
                 what: str) -> IndicatorResult:
    """One finding per page with hits of ``category``; the value is the number of such pages."""
    pages = [o for o in completed_pages(obs) if "wording" in (o.data or {})]
    if not pages:
        return IndicatorResult.missing("no page was checked for wording")
    evidence, findings = [], []
    for o in pages:
        hits = [h for h in o.data["wording"] if h.get("category") == category]
        if not hits:
            continue
        words = "、".join(dict.fromkeys(h["word"] for h in hits))
        right = "；".join(f"{h['word']} → {h['right']}" for h in hits if h.get("right"))
        detail = f"{what}: {words}" + (f" (should read: {right})" if right else "")
        url = page_url(o)
        evidence.append(Evidence(url=url, detail=detail, snippet=clip(hits[0].get("context"), 120)))
        findings.append(Finding(kind=kind, url=url, detail=detail, snippet=clip(hits[0].get("context"), 120),
                                evidence_url=url))
    detail = f"{len(findings)} of {len(pages)} pages with {what}" if findings else f"no {what} on {len(pages)} pages"
    return IndicatorResult(value=float(len(findings)), detail=detail, evidence=evidence, findings=findings)
