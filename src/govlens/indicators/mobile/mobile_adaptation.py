"""mobile-adaptation — how well the mobile homepage fits a phone (移动适配): the share of two checks passed.

1. a viewport declaring the device width (``no_viewport`` finding when absent);
2. no fixed layout wider than ``MOBILE_SCREEN_PX`` (``fixed_width_layout`` finding).
Read from the ``mobile_site`` probe's ``mobile_page`` (phone user agent).
"""
from __future__ import annotations

from govlens.contract.observation import Observation
from govlens.contract import defects
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, site_finding
from govlens.indicators.mobile._mobile import from_mobile_page
from govlens.text import Messages

ID = "mobile-adaptation"
TITLE = ("移动终端适配", "Mobile adaptation")
REQUIRES = ("mobile_page",)
UNIT = "ratio"

T = Messages(ID, {
    "no_viewport": ("移动端首页未设置viewport元数据", "no viewport meta on the mobile homepage"),
    "fixed": ("<{tag}>元素固定宽度{width}像素（{source}），未适配移动端", "<{tag}> fixed at {width}px ({source})"),
    "src_style": ("内联样式", "inline style"),
    "src_attribute": ("width属性", "width attribute"),
    "summary_yes": ("已设置viewport；{n}个固定宽度元素", "viewport yes; {n} fixed-width element(s)"),
    "summary_no": ("未设置viewport；{n}个固定宽度元素", "viewport no; {n} fixed-width element(s)"),
})


@from_mobile_page("has_viewport")
def evaluate(page: Observation, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    fixed = page.data.get("fixed_widths") or []
    viewport = bool(page.data.get("has_viewport"))
    findings = []
    url = page.data.get("final_url") or page.url
    if not viewport:
        findings.append(site_finding(obs, defects.NO_VIEWPORT, T("no_viewport"),
                                     evidence_url=url))
    if fixed:
        widest = max(fixed, key=lambda f: f.get("width", 0))
        findings.append(site_finding(obs, defects.FIXED_WIDTH_LAYOUT,
                                     T("fixed", tag=widest.get("tag"), width=widest.get("width"),
                                       source=T.ref("src_" + widest["source"]) if widest.get("source") in ("style", "attribute")
                                       else widest.get("source")), evidence_url=url))
    value = (int(viewport) + int(not fixed)) / 2
    detail = T("summary_yes" if viewport else "summary_no", n=len(fixed))
    return IndicatorResult(value=value, detail=detail,
                           evidence=[Evidence(url=url, detail=detail, snippet=str(page.data.get("viewport") or ""))],
                           findings=findings)
