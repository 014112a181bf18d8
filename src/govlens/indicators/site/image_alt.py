"""image-alt — share of images that carry an alt attribute, over every completed page (网民体验).

``alt=""`` counts as present (a decorative image). Each page with at least one image
without alt is an image_without_alt finding at the page's final URL.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.base import (Evidence, Finding, IndicatorContext, IndicatorResult, PlatformObservations, R,
                                     clip, completed_pages, page_url)
from govlens.text import Messages

ID = "image-alt"
TITLE = ("图片替代文本覆盖率", "Images with text alternative")
REQUIRES = ("page",)
UNIT = "ratio"

T = Messages(ID, {
    "page": ("页面{total}张图片中{n}张缺少替代文本（alt属性）", "{n} of {total} images without alt"),
    "no_image": ("{pages}个页面均无图片", "no image on {pages} pages"),
    "summary": ("{pages}个页面共{total}张图片，{n}张有替代文本", "{n} of {total} images on {pages} pages have alt"),
})


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
        return IndicatorResult.missing(R("no_page_loaded"))
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
            detail = T("page", n=bad, total=max(n, bad))
            findings.append(Finding(kind=defects.IMAGE_WITHOUT_ALT, url=url, detail=detail,
                                    snippet=clip(", ".join(srcs[:3])), evidence_url=url))
            evidence.append(Evidence(url=url, detail=detail, snippet=clip(", ".join(srcs[:3]))))
    if total == 0:
        return IndicatorResult.not_applicable(T("no_image", pages=len(pages)))
    detail = T("summary", n=total - without, total=total, pages=len(pages))
    return IndicatorResult(value=(total - without) / total, detail=detail, evidence=evidence[:50],
                           findings=findings)
