"""expert-design — the experts' score (0–100) of 设计创新 (design innovation), from `govlens review`.

The experts' sheets are imported by `govlens review import`; outlier experts are left out when
the framework's review section says so. Missing when the platform was not reviewed.
"""
from __future__ import annotations

from govlens.indicators.expert._review import item_score
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations

ID = "expert-design"
TITLE = ("专家评审：设计创新", "Experts: design innovation")
REQUIRES = ("expert_review",)
UNIT = "score"
UNIT_LABEL = ("分", "points")


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    return item_score(obs, "design")
