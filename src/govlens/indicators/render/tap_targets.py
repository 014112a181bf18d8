"""tap-targets — share of the homepage's links and controls a finger can hit on a phone (网民体验).

From the phone render: a target smaller than 24×24 CSS px whose 24 px circle meets another
target (WCAG 2.2 SC 2.5.8 and its spacing exception) is crowded. Above
``BROWSER_TAP_FAIL_SHARE`` of crowded targets the page is a small_tap_targets finding.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.render._render import completed, number
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, Threshold,
                                     Thresholds, clip, judged)
from govlens.text import Messages

ID = "tap-targets"
TITLE = ("手机端点击区域达标率", "Tap targets large enough")
REQUIRES = ("render",)
UNIT = "ratio"
UNIT_LABEL = ("%", "%")
THRESHOLDS = Thresholds(ID,
    # above this share of crowded undersized targets: small_tap_targets
    fail_share=Threshold(0.25, setting="BROWSER_TAP_FAIL_SHARE"),
)

T = Messages(ID, {
    "none": ("手机端渲染未记录可点击目标", "the phone render recorded no tap targets"),
    "no_targets": ("手机端渲染无链接或控件", "no links or controls on the phone render"),
    "share": ("{total}个可点击目标中{n}个小于24×24像素且过于密集（{pct}%）", "{n} of {total} tap targets under 24×24 px and crowded ({pct}%)"),
    "over": ("手机端点击目标过小：{detail}；超过{limit}%", "{detail}; over {limit}%"),
})



def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    phone, why = completed(obs, "phone")
    if phone is None:
        return why
    total, crowded = number(phone.data.get("tap_targets")), number(phone.data.get("crowded_targets"))
    if total is None or crowded is None:
        return IndicatorResult.missing(T("none"))
    if total == 0:
        return IndicatorResult.not_applicable(T("no_targets"))
    share_bad = crowded / total
    limit = float(THRESHOLDS(ctx, "fail_share"))
    detail = T("share", n=round(crowded), total=round(total), pct=round(share_bad * 100))
    examples = ", ".join(f"“{clip(e.get('label'), 20)}” {e.get('width')}×{e.get('height')}"
                         for e in phone.data.get("crowded_examples") or [] if isinstance(e, dict))
    over = T("over", detail=detail, limit=round(limit * 100))
    over = (defects.SMALL_TAP_TARGETS, over) if share_bad > limit else None
    return judged(obs, 1.0 - share_bad, detail, [Evidence(url=phone.url, detail=detail, snippet=examples)], over,
                  snippet=examples, at=phone.url)
