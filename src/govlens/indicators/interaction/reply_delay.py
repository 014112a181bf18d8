"""reply-delay — median days from a published letter to its published answer (互动交流).

Read from the letters' own dates (来信时间 → 回复时间). Not applicable when no answered
letter was read. The framework scores it; it is no defect by itself.
"""
from __future__ import annotations

from statistics import median

from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations
from govlens.text import Messages

ID = "reply-delay"
TITLE = ("留言回复时长（中位数）", "Median reply delay")
REQUIRES = ("letter",)
UNIT = "days"

T = Messages(ID, {
    "none": ("未读取到已回复的留言", "no answered letter was read"),
    "after": ("{days}天后回复", "answered after {days} days"),
    "median": ("{n}条已回复留言的回复时间中位数为{days}天", "median reply after {days} days over {n} answered letters"),
})



def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    answered = [(o, (o.data or {}).get("reply_days")) for o in obs.of("letter")]
    answered = [(o, d) for o, d in answered if isinstance(d, (int, float)) and d >= 0]
    if not answered:
        return IndicatorResult.not_applicable(T("none"))
    days = median(d for _, d in answered)
    slowest = sorted(answered, key=lambda x: -x[1])[:3]
    evidence = [Evidence(url=o.url, detail=T("after", days=f"{d:g}")) for o, d in slowest]
    return IndicatorResult(value=float(days), evidence=evidence,
                           detail=T("median", days=f"{days:g}", n=len(answered)))
