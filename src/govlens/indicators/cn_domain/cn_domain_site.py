"""cn-domain-site — does the name lead to an independent website rather than a parking page? 1 or 0 — check point 2 (series 8).

See :mod:`govlens.indicators.cn_domain._cndomain` for the order of the checks: this one fails with a
``cn_domain_no_site`` finding only when every check before it passed; after an earlier failure it is 0
without a finding of its own.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.cn_domain._cndomain import SITE, SITE_THRESHOLDS, check_point_indicator

ID = "cn-domain-site"
TITLE = ("有独立的网站", "Independent website")
REQUIRES = ("dns", "cn_domain_site")
UNIT = "bool"
EVIDENCE = {"yes": ("指向独立的网站", "it leads to an independent website"),
            "no": ("未指向独立的网站", "it leads to no independent website")}
THRESHOLDS = SITE_THRESHOLDS          # declared in _cndomain: the later check points read it too

evaluate = check_point_indicator(SITE, defects.CN_DOMAIN_NO_SITE)
