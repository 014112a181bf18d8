"""mobile-adaptation — how well the mobile homepage fits a phone (移动适配): the share of two checks passed.

1. a viewport declaring the device width (``no_viewport`` finding when absent);
2. no fixed layout wider than ``MOBILE_SCREEN_PX`` (``fixed_width_layout`` finding).
Read from the ``mobile_site`` probe's ``mobile_page`` (phone user agent).
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, site_finding

ID = "mobile-adaptation"
REQUIRES = ("mobile_page",)
UNIT = "ratio"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    page = obs.one("mobile_page")
    if page is None or page.status != "completed" or page.data.get("has_viewport") is None:
        return IndicatorResult.missing("the mobile homepage did not load")
    fixed = page.data.get("fixed_widths") or []
    viewport = bool(page.data.get("has_viewport"))
    findings = []
    url = page.data.get("final_url") or page.url
    if not viewport:
        findings.append(site_finding(obs, defects.NO_VIEWPORT, "no viewport meta on the mobile homepage",
                                     evidence_url=url))
    if fixed:
        widest = max(fixed, key=lambda f: f.get("width", 0))
        findings.append(site_finding(obs, defects.FIXED_WIDTH_LAYOUT,
                                     f"<{widest.get('tag')}> fixed at {widest.get('width')}px "
                                     f"({widest.get('source')})", evidence_url=url))
    value = (int(viewport) + int(not fixed)) / 2
    detail = f"viewport {'yes' if viewport else 'no'}; {len(fixed)} fixed-width element(s)"
    return IndicatorResult(value=value, detail=detail,
                           evidence=[Evidence(url=url, detail=detail, snippet=str(page.data.get("viewport") or ""))],
                           findings=findings)
