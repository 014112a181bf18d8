"""reply-delay — median days from a published letter to its published answer (互动交流).

Read from the letters' own dates (来信时间 → 回复时间). Not applicable when no answered
letter was read. The framework scores it; it is no defect by itself.
"""
from __future__ import annotations

from statistics import median

from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations

ID = "reply-delay"
REQUIRES = ("letter",)
UNIT = "days"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    answered = [(o, (o.data or {}).get("reply_days")) for o in obs.of("letter")]
    answered = [(o, d) for o, d in answered if isinstance(d, (int, float)) and d >= 0]
    if not answered:
        return IndicatorResult.not_applicable("no answered letter was read")
    days = median(d for _, d in answered)
    slowest = sorted(answered, key=lambda x: -x[1])[:3]
    evidence = [Evidence(url=o.url, detail=f"answered after {d} days") for o, d in slowest]
    return IndicatorResult(value=float(days), evidence=evidence,
                           detail=f"median reply after {days:g} days over {len(answered)} answered letters")
