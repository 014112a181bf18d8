"""expert-local — the experts' score (0–100) of 地方特色 (local features), from `govlens review`."""
from __future__ import annotations

from govlens.indicators.expert._review import review_item

ID = "expert-local"
TITLE = ("专家评审：地方特色", "Experts: local features")
REQUIRES = ("expert_review",)
UNIT = "score"
UNIT_LABEL = ("分", "points")

evaluate = review_item("local")
