"""image-alt — share of images that carry an alt attribute, over every completed page (网民体验).

``alt=""`` counts as present (a decorative image). Each page with at least one image
without alt is an image_without_alt finding at the page's final URL.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators.base import (Evidence, Finding, IndicatorContext, IndicatorResult,
                                     PlatformObservations, clip, completed_pages, page_url)

ID = "image-alt"
REQUIRES = ("page",)
UNIT = "ratio"


def _without_alt(images: dict) -> tuple[int, list[str]]:
    raw = images.get("without_alt")
    if isinstance(raw, list):
        count = images.get("without_alt_count")
        return (int(count) if isinstance(count, int) and count >= len(raw) else len(raw)), [str(u) for u in raw]
    if isinstance(raw, int):
        return raw, []
    return 0, []


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    pages = completed_pages(obs)
    if not pages:
        return IndicatorResult.missing("no page loaded")
    total = without = 0
    findings, evidence = [], []
    for o in pages:
        images = o.data.get("images") or {}
        n = int(images.get("total") or 0)
        bad, srcs = _without_alt(images)
        bad = min(bad, n) if n else bad
        total += max(n, bad)
        without += bad
        if bad:
            url = page_url(o)
            detail = f"{bad} of {max(n, bad)} images without alt"
            findings.append(Finding(kind=defects.IMAGE_WITHOUT_ALT, url=url, detail=detail,
                                    snippet=clip(", ".join(srcs[:3])), evidence_url=url))
            evidence.append(Evidence(url=url, detail=detail, snippet=clip(", ".join(srcs[:3]))))
    if total == 0:
        return IndicatorResult.not_applicable(f"no image on {len(pages)} pages")
    detail = f"{total - without} of {total} images on {len(pages)} pages have alt"
    return IndicatorResult(value=(total - without) / total, detail=detail, evidence=evidence[:50],
                           findings=findings)
