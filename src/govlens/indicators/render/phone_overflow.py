"""phone-overflow — does the homepage fit a phone's width (网站设计)? 1 fits, 0 overflows.

Read from the phone render (390 CSS px wide, touch, mobile user agent): the document is
wider than the layout viewport when ``document_width`` exceeds ``layout_width``; a page
that makes a person scroll sideways is a phone_overflow finding, with the excess in px.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.contract.observation import Observation
from govlens.indicators.render._render import Section, reads
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, judged
from govlens.text import Messages

ID = "phone-overflow"
TITLE = ("手机端宽度适配", "Fits a phone screen")
REQUIRES = ("render",)
UNIT = "bool"

T = Messages(ID, {
    "no_widths": ("手机端渲染未记录页面宽度", "the phone render recorded no widths"),
    "widths": ("页面宽{doc}像素，手机视口宽{layout}像素", "document {doc} px wide in a {layout} px phone viewport"),
    "overflow": ("{detail}：需横向滚动{excess}像素", "{detail}: {excess} px scroll sideways"),
})


#: Sideways scroll below this many px is rounding, not a layout that overflows.
TOLERANCE_PX = 2


@reads("phone", None, "layout_width", "document_width", none=T("no_widths"))
def evaluate(phone: Observation, data: Section, layout: float, document: float, obs: PlatformObservations,
             ctx: IndicatorContext) -> IndicatorResult:
    excess = document - layout
    detail = T("widths", doc=round(document), layout=round(layout))
    if excess <= TOLERANCE_PX:
        return judged(obs, 1.0, detail, phone.url)
    overflow = T("overflow", detail=detail, excess=round(excess))
    return judged(obs, 0.0, overflow, [Evidence(url=phone.url, detail=detail)], (defects.PHONE_OVERFLOW, overflow),
                  at=phone.url)
