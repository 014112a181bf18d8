"""hotline-courtesy — mean courtesy score (1–5) the testers gave answered calls (服务态度)."""
from __future__ import annotations

from govlens.indicators.hotline._hotline import from_calls
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations
from govlens.text import Messages

ID = "hotline-courtesy"
TITLE = ("热线服务态度", "Courtesy")
REQUIRES = ("hotline_calls",)
UNIT = "score"
UNIT_LABEL = ("分", "of 5")

T = Messages(ID, {
    "none": ("无服务态度评分（无接通的电话）", "no courtesy score (no answered call)"),
    "mean": ("服务态度平均得分{score}（满分5分）", "mean courtesy {score} of 5"),
})


@from_calls
def evaluate(d: dict, evidence: list, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    if d.get("courtesy") is None:
        return IndicatorResult.not_applicable(T("none"))
    return IndicatorResult(value=float(d["courtesy"]), detail=T("mean", score=f"{float(d['courtesy']):.2f}"),
                           evidence=evidence)
