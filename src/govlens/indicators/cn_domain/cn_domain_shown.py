"""cn-domain-shown — is the Chinese name written in the homepage's header or footer? 1 or 0 — check point 4 (series 8).

See :mod:`govlens.indicators.cn_domain._cndomain` for the order of the checks: this one fails with a
``cn_domain_not_shown`` finding only when every check before it passed; after an earlier failure it is 0
without a finding of its own.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.cn_domain._cndomain import SHOWN, check_point_indicator

ID = "cn-domain-shown"
TITLE = ("首页显著位置标示中文政务域名", "Chinese name shown on the homepage")
REQUIRES = ("dns", "cn_domain_site")
UNIT = "bool"
EVIDENCE = {"yes": ("首页显著位置标示中文政务域名（“{snippet}”）", "the homepage shows the name (“{snippet}”)"),
            "no": ("首页未标示中文政务域名", "the homepage does not show the name")}

evaluate = check_point_indicator(SHOWN, defects.CN_DOMAIN_NOT_SHOWN)
