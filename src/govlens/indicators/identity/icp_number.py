"""icp-number — does the homepage show its ICP 备案 (filing) number? 1 or 0."""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.identity._identity import homepage_fact

ID = "icp-number"
TITLE = ("标注ICP备案编号", "ICP filing number shown")
REQUIRES = ("page",)
UNIT = "bool"

evaluate = homepage_fact("icp", defects.MISSING_ICP)
