"""expert-service — the experts' score (0–100) of 服务创新 (service innovation), from `govlens review`."""
from __future__ import annotations

from govlens.indicators.expert._review import review_item

ID = "expert-service"
TITLE = ("专家评审：服务创新", "Experts: service innovation")
REQUIRES = ("expert_review",)
UNIT = "score"
UNIT_LABEL = ("分", "points")

evaluate = review_item("service")
