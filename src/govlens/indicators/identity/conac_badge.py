"""conac-badge — does the homepage carry the 党政机关网站 identification badge (conac.cn)? 1 or 0."""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.identity._identity import homepage_fact

ID = "conac-badge"
TITLE = ("展示党政机关网站标识", "Identification badge shown")
REQUIRES = ("page",)
UNIT = "bool"

evaluate = homepage_fact("conac_badge", defects.MISSING_CONAC_BADGE)
