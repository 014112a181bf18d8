"""site-code — does the homepage footer show the 网站标识码 (site code)? 1 or 0."""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.identity._identity import homepage_fact

ID = "site-code"
TITLE = ("页脚标注网站标识码", "Site code shown in the footer")
REQUIRES = ("page",)
UNIT = "bool"

evaluate = homepage_fact("site_code", defects.MISSING_SITE_CODE)
