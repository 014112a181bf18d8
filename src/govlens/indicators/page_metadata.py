"""page-metadata — share of title, description and keywords present on the homepage (网站设计).

A missing or empty ``<title>`` is missing_title; a missing meta description is
missing_description (keywords count in the value but are no finding: search engines
ignore them).
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations,
                                     clip, page_url, site_finding)

ID = "page-metadata"
REQUIRES = ("page",)
UNIT = "ratio"

FIELDS = ("title", "description", "keywords")
FINDING_OF = {"title": defects.MISSING_TITLE, "description": defects.MISSING_DESCRIPTION}


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    home = obs.homepage()
    if home is None:
        return IndicatorResult.missing("the homepage never loaded")
    url = page_url(home)
    present = {f: bool(str(home.data.get(f) or "").strip()) for f in FIELDS}
    evidence = [Evidence(url=url, detail=f"{f}: {'present' if ok else 'absent'}",
                         snippet=clip(home.data.get(f)) if ok else "") for f, ok in present.items()]
    findings = [site_finding(obs, kind, f"homepage has no {f}", evidence_url=url)
                for f, kind in FINDING_OF.items() if not present[f]]
    got = [f for f in FIELDS if present[f]]
    detail = f"{len(got)} of {len(FIELDS)} present" + (f" ({', '.join(got)})" if got else "")
    return IndicatorResult(value=len(got) / len(FIELDS), detail=detail, evidence=evidence, findings=findings)
