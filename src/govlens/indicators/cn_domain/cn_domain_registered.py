"""cn-domain-registered — is the name registered (DNS gives an answer for it; NXDOMAIN does not)? 1 or 0 — check point 1 (series 8).

See :mod:`govlens.indicators.cn_domain._cndomain` for the order of the checks: this one fails with a
``cn_domain_unregistered`` finding only when every check before it passed; after an earlier failure it is 0
without a finding of its own.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.cn_domain._cndomain import REGISTERED, check_point_indicator

ID = "cn-domain-registered"
TITLE = ("已注册中文政务域名", "Chinese domain name registered")
REQUIRES = ("dns",)
UNIT = "bool"
EVIDENCE = {"yes": ("中文政务域名已注册并可解析", "the Chinese name is registered and resolves"),
            "no": ("中文政务域名未注册", "the Chinese name is not registered")}

evaluate = check_point_indicator(REGISTERED, defects.CN_DOMAIN_UNREGISTERED)
