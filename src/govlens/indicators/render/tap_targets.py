"""tap-targets — share of the homepage's links and controls a finger can hit on a phone (网民体验).

From the phone render: a target smaller than 24×24 CSS px whose 24 px circle meets another
target (WCAG 2.2 SC 2.5.8 and its spacing exception) is crowded. Above
``BROWSER_TAP_FAIL_SHARE`` of crowded targets the page is a small_tap_targets finding.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.contract.observation import Observation
from govlens.indicators.render._render import Section, reads
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, Threshold,
                                     Thresholds, clip, judged, beyond)
from govlens.text import Messages

ID = "tap-targets"
TITLE = ("手机端点击区域达标率", "Tap targets large enough")
REQUIRES = ("render",)
UNIT = "ratio"
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


@reads("phone", None, "tap_targets", "crowded_targets", none=T("none"), zero=T("no_targets"))
def evaluate(phone: Observation, data: Section, total: float, crowded: float, obs: PlatformObservations,
             ctx: IndicatorContext) -> IndicatorResult:
    share_bad = crowded / total
    detail = T("share", n=round(crowded), total=round(total), pct=round(share_bad * 100))
    examples = ", ".join(f"“{clip(e.get('label'), 20)}” {e.get('width')}×{e.get('height')}"
                         for e in data.get("crowded_examples") or [] if isinstance(e, dict))
    over = beyond(ctx, THRESHOLDS, "fail_share", share_bad, defects.SMALL_TAP_TARGETS,
                  lambda limit: T("over", detail=detail, limit=round(limit * 100)))
    return judged(obs, 1.0 - share_bad, detail, [Evidence(url=phone.url, detail=detail, snippet=examples)], over,
                  snippet=examples, at=phone.url)
