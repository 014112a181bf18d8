"""expert-management — the experts' score (0–100) of 管理创新 (management innovation), from `govlens review`."""
from __future__ import annotations

from govlens.indicators.expert._review import review_item

ID = "expert-management"
TITLE = ("专家评审：管理创新", "Experts: management innovation")
REQUIRES = ("expert_review",)
UNIT = "score"
UNIT_LABEL = ("分", "points")

evaluate = review_item("management")
