"""site-sponsor — does the homepage footer name the 主办单位 (sponsor)? 1 or 0 (版权所有 alone is none)."""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.identity._identity import homepage_fact

ID = "site-sponsor"
TITLE = ("标注主办单位", "Sponsoring organisation shown")
REQUIRES = ("page",)
UNIT = "bool"

evaluate = homepage_fact("sponsor", defects.MISSING_SPONSOR)
