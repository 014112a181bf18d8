"""cn-domain-reachable — does a web page answer through the Chinese name (HTTP through the IDN)? 1 or 0 — check point 3 (series 8).

See :mod:`govlens.indicators.cn_domain._cndomain` for the order of the checks: this one fails with a
``cn_domain_unreachable`` finding only when every check before it passed; after an earlier failure it is 0
without a finding of its own.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.cn_domain._cndomain import REACHABLE, check_point_indicator

ID = "cn-domain-reachable"
TITLE = ("通过中文政务域名能访问", "Reachable through the Chinese name")
REQUIRES = ("dns", "cn_domain_site")
UNIT = "bool"
EVIDENCE = {"yes": ("通过中文政务域名可直接访问", "reachable through the Chinese name"),
            "no": ("无法通过中文政务域名访问", "not reachable through the Chinese name")}

evaluate = check_point_indicator(REACHABLE, defects.CN_DOMAIN_UNREACHABLE)
