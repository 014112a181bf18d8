"""ipv6 — can the site be reached over IPv6 (an AAAA record for its host)? 1 or 0.

From the DNS probe. No AAAA record is a ``no_ipv6`` finding; a lookup that failed for both
A and AAAA (timeout, server failure) is missing, not a defect.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, site_finding

ID = "ipv6"
REQUIRES = ("dns",)
UNIT = "bool"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    o = obs.one("dns")
    if o is None:
        return IndicatorResult.missing("DNS was not checked")
    data = o.data or {}
    if data.get("aaaa_error") and (data.get("a_error") or not data.get("a")):
        return IndicatorResult.missing(f"the lookup failed: {data.get('aaaa_error')}")
    host, server = data.get("host"), data.get("nameserver")
    if data.get("aaaa"):
        seen = f"{host} AAAA {', '.join(data['aaaa'][:3])} (resolver {server})"
        return IndicatorResult(value=1.0, detail="the host has an IPv6 address", evidence=[Evidence(url=o.url, detail=seen)])
    detail = f"{host} has no AAAA record (resolver {server})"
    return IndicatorResult(value=0.0, detail=detail, evidence=[Evidence(url=o.url, detail=detail)],
                           findings=[site_finding(obs, defects.NO_IPV6, detail)])
