"""police-record — does the homepage show its 公安机关备案号 (public-security record)? 1 or 0."""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.identity._identity import homepage_fact

ID = "police-record"
TITLE = ("标注公安机关备案号", "Public-security record number shown")
REQUIRES = ("page",)
UNIT = "bool"

evaluate = homepage_fact("police_record", defects.MISSING_POLICE_RECORD)
