"""expert-design — the experts' score (0–100) of 设计创新 (design innovation), from `govlens review`."""
from __future__ import annotations

from govlens.indicators.expert._review import review_item

ID = "expert-design"
TITLE = ("专家评审：设计创新", "Experts: design innovation")
REQUIRES = ("expert_review",)
UNIT = "score"
UNIT_LABEL = ("分", "points")

evaluate = review_item("design")
