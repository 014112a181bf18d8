"""The seed's four check points of a ``.政务`` name, in order (series 8), shared by its four indicators.

1 registered (DNS: not NXDOMAIN) → 3 reachable through the name (HTTP through the IDN ends on a page)
→ 2 an independent website (the page has ``CNDOMAIN_MIN_SITE_LINKS`` links of its own, not a
registrar's parking page) → 4 the name written in the homepage's header or footer. A check after
a failed one is failed too (value 0) without a finding of its own: the finding is the first failure.
"""
from __future__ import annotations

from dataclasses import dataclass

from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, setting,
                                     site_finding)
from govlens.probes.observation import Observation

REGISTERED, REACHABLE, SITE, SHOWN = "registered", "reachable", "site", "shown"
ORDER = (REGISTERED, REACHABLE, SITE, SHOWN)


@dataclass
class Checks:
    passed: dict[str, bool | None]      # check → True / False / None (could not be judged)
    detail: dict[str, str]
    dns: Observation | None
    site: Observation | None

    def first_failure(self) -> str | None:
        for check in ORDER:            # a check not judged (its probe did not run) is skipped
            if self.passed.get(check) is False:
                return check
        return None


def checks(obs: PlatformObservations, ctx: IndicatorContext) -> Checks:
    dns, site = obs.one("dns"), obs.one("cn_domain_site")
    passed: dict[str, bool | None] = dict.fromkeys(ORDER)
    detail: dict[str, str] = {}
    if dns is not None:
        d = dns.data or {}
        name = d.get("ascii_host") or d.get("host")
        if d.get("nxdomain"):
            passed[REGISTERED] = False
            detail[REGISTERED] = f"DNS: {d.get('host')} ({name}) does not exist (NXDOMAIN, resolver {d.get('nameserver')})"
        elif d.get("a_error") and d.get("aaaa_error"):
            detail[REGISTERED] = f"DNS lookup failed: {d.get('a_error')}"
        else:
            passed[REGISTERED] = True
            answers = ", ".join((d.get("a") or []) + (d.get("aaaa") or [])) or "no address record"
            detail[REGISTERED] = f"DNS: {name} exists ({answers})"
    if site is not None:
        s = site.data or {}
        if passed[REGISTERED] is False:
            passed[REACHABLE] = passed[SITE] = passed[SHOWN] = False
            for check in (REACHABLE, SITE, SHOWN):
                detail[check] = "the name is not registered"
            return Checks(passed, detail, dns, site)
        if site.status != "completed" or not s.get("html"):
            passed[REACHABLE] = passed[SITE] = passed[SHOWN] = False
            detail[REACHABLE] = f"http://{s.get('idn')}/ → {site.status}" + (f" ({s.get('error')})" if s.get("error") else "")
            detail[SITE] = detail[SHOWN] = "nothing answers through the name"
            return Checks(passed, detail, dns, site)
        passed[REACHABLE] = True
        hops = " → ".join([*(s.get("redirects") or []), s.get("final_url") or site.url])
        detail[REACHABLE] = f"answers: {hops}"
        links = int(s.get("internal_links") or 0)
        need = int(setting(ctx, "CNDOMAIN_MIN_SITE_LINKS"))
        passed[SITE] = links >= need
        detail[SITE] = f"{s.get('final_host')}: {links} links of its own" + ("" if passed[SITE] else
                                                                           f" (fewer than {need}: not a website)")
        if not passed[SITE]:
            passed[SHOWN] = False
            detail[SHOWN] = "no website to show the name"
        else:
            shown = s.get("name_shown") or []
            passed[SHOWN] = bool(shown)
            detail[SHOWN] = (f"written in the homepage {' and '.join(shown)}" if shown else
                             "mentioned only in the body of the homepage, not in its header or footer"
                             if s.get("name_elsewhere") else "not written on the homepage")
    return Checks(passed, detail, dns, site)


def check_point(obs: PlatformObservations, ctx: IndicatorContext, check: str, finding_kind: str) -> IndicatorResult:
    """One check point as an indicator: 1 or 0, the finding only when it is the first check to fail."""
    c = checks(obs, ctx)
    passed = c.passed[check]
    detail = c.detail.get(check, "")
    if passed is None:
        return IndicatorResult.missing(detail or "not checked")
    source = c.dns if check == REGISTERED else c.site
    snippet = str((c.site.data or {}).get("snippet") or "") if c.site is not None else ""
    evidence = [Evidence(url=source.url if source is not None else obs.platform.url, detail=detail, snippet=snippet)]
    findings = [site_finding(obs, finding_kind, detail)] if not passed and c.first_failure() == check else []
    return IndicatorResult(value=1.0 if passed else 0.0, detail=detail, evidence=evidence, findings=findings)
