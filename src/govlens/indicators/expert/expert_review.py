"""expert-review — the experts' score (0–100) of the mean of every review item (领先性, 示范性, 引导性 …), from `govlens review`."""
from __future__ import annotations

from govlens.indicators.expert._review import review_item

ID = "expert-review"
TITLE = ("专家评审得分", "Expert review score")
REQUIRES = ("expert_review",)
UNIT = "score"
UNIT_LABEL = ("分", "points")

evaluate = review_item(None)
