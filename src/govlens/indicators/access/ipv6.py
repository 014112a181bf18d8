"""ipv6 — can the site be reached over IPv6 (an AAAA record for its host)? 1 or 0.

From the DNS probe. No AAAA record is a ``no_ipv6`` finding; a lookup that failed for both
A and AAAA (timeout, server failure) is missing, not a defect.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.contract.observation import Observation
from govlens.indicators._given import observed
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, R, judged
from govlens.text import Messages

ID = "ipv6"
TITLE = ("IPv6支持", "IPv6 reachability")
REQUIRES = ("dns",)
UNIT = "bool"

T = Messages(ID, {
    "lookup_failed": ("域名解析查询失败，无法判断是否支持IPv6", "the DNS lookup failed: IPv6 support unknown"),
    "aaaa": ("{host}的AAAA记录：{addresses}（解析服务器{server}）", "{host} AAAA {addresses} (resolver {server})"),
    "has_ipv6": ("网站域名有IPv6地址", "the host has an IPv6 address"),
    "no_aaaa": ("{host}无AAAA记录，不支持IPv6访问（解析服务器{server}）",
                "{host} has no AAAA record (resolver {server})"),
})


@observed("dns", R("dns_not_checked"))
def evaluate(o: Observation, data: dict, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    if data.get("aaaa_error") and (data.get("a_error") or not data.get("a")):
        return IndicatorResult.missing(T("lookup_failed"))
    host, server = data.get("host"), data.get("nameserver")
    if data.get("aaaa"):
        seen = T("aaaa", host=host, addresses=", ".join(data["aaaa"][:3]), server=server)
        return judged(obs, 1.0, T("has_ipv6"), [Evidence(url=o.url, detail=seen)])
    detail = T("no_aaaa", host=host, server=server)
    return judged(obs, 0.0, detail, [Evidence(url=o.url, detail=detail)], (defects.NO_IPV6, detail))
