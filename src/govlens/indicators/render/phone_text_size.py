"""phone-text-size — share of the homepage's text legible on a phone (网站设计).

From the phone render: characters by computed font size in CSS px. Legible is at least
``BROWSER_MIN_TEXT_PX`` (12, as Lighthouse's font-size audit); below
``BROWSER_LEGIBLE_SHARE`` (60 %, Lighthouse's pass mark) the page is a tiny_text finding.
A page without a mobile viewport is judged by mobile-viewport, not here: sizes are CSS px.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.render._render import completed
from govlens.indicators.base import (IndicatorContext, IndicatorResult, PlatformObservations, Threshold, Thresholds,
                                     judged, beyond)
from govlens.text import Messages

ID = "phone-text-size"
TITLE = ("手机端文字可读率", "Legible text on phones")
REQUIRES = ("render",)
UNIT = "ratio"
THRESHOLDS = Thresholds(ID,
    # legible text size on a phone, CSS px (Lighthouse font-size)
    min_text_px=Threshold(12, setting="BROWSER_MIN_TEXT_PX"),
    legible_share=Threshold(0.6, setting="BROWSER_LEGIBLE_SHARE"),  # below this share of text at min_text_px: tiny_text
)

T = Messages(ID, {
    "none": ("手机端渲染无可见文字", "no visible text on the phone render"),
    "share": ("{total}个字符中{n}个字号不小于{min}像素（{pct}%）", "{n} of {total} characters at {min} px or more ({pct}%)"),
    "under": ("手机端文字过小：{detail}；低于{limit}%", "{detail}; under {limit}%"),
})


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    phone, why = completed(obs, "phone")
    if phone is None:
        return why
    minimum = float(THRESHOLDS(ctx, "min_text_px"))
    total = legible = 0
    for pair in phone.data.get("chars_by_size") or []:
        try:
            size, chars = float(pair[0]), int(pair[1])
        except (TypeError, ValueError, IndexError):
            continue
        total += chars
        if size >= minimum:
            legible += chars
    if total == 0:
        return IndicatorResult.not_applicable(T("none"))
    share = legible / total
    detail = T("share", n=legible, total=total, min=f"{minimum:g}", pct=round(share * 100))
    under = beyond(ctx, THRESHOLDS, "legible_share", share, defects.TINY_TEXT,
                   lambda limit: T("under", detail=detail, limit=round(limit * 100)), under=True)
    return judged(obs, share, detail, phone.url, under)
