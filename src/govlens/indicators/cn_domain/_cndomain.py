"""The seed's four check points of a ``.政务`` name, in order (series 8), shared by its four indicators.

1 registered (DNS: not NXDOMAIN) → 3 reachable through the name (HTTP through the IDN ends on a page)
→ 2 an independent website (the page has ``CNDOMAIN_MIN_SITE_LINKS`` links of its own, not a
registrar's parking page) → 4 the name written in the homepage's header or footer. A check after
a failed one is failed too (value 0) without a finding of its own: the finding is the first failure. Each
indicator's ``evaluate`` is :func:`check_point_indicator` of its check and its finding kind.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from govlens.contract.observation import Observation
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, Threshold,
                                     Thresholds, site_finding)
from govlens.text import Messages
from govlens.visit_text import describe_visit

T = Messages("cndomain", {
    "nxdomain": ("域名解析：{host}（{name}）不存在（NXDOMAIN，解析服务器{server}），未注册",
                 "DNS: {host} ({name}) does not exist (NXDOMAIN, resolver {server})"),
    "lookup_failed": ("域名解析查询失败，无法判断是否已注册", "DNS lookup failed: registration unknown"),
    "no_address": ("无地址记录", "no address record"),
    "exists": ("域名解析：{name}已注册（{answers}）", "DNS: {name} exists ({answers})"),
    "not_registered": ("该中文域名未注册", "the name is not registered"),
    "unreachable": ("通过中文域名无法访问：http://{idn}/ → {what}", "http://{idn}/ → {what}"),
    "nothing_answers": ("通过该中文域名无法访问", "nothing answers through the name"),
    "answers": ("可以访问：{hops}", "answers: {hops}"),
    "links": ("{host}：站内链接{n}个", "{host}: {n} links of its own"),
    "too_few": ("{host}：站内链接{n}个（少于{need}个，不是独立网站）", "{host}: {n} links of its own (fewer than {need}: not a website)"),
    "no_site": ("无可标注中文域名的网站", "no website to show the name"),
    "written": ("首页{where}标注了中文域名", "written in the homepage {where}"),
    "header": ("页头", "header"),
    "footer": ("页脚", "footer"),
    "and": ("和", " and "),
    "body_only": ("中文域名仅出现在首页正文中，未标注在页头或页脚", "mentioned only in the body of the homepage, not in its header or footer"),
    "not_written": ("首页未标注中文域名", "not written on the homepage"),
    "not_checked": ("未检查", "not checked"),
})


def _where(parts: list) -> str:
    return T.ref("and").join(T.ref(p) if p in ("header", "footer") else str(p) for p in parts)

REGISTERED, REACHABLE, SITE, SHOWN = "registered", "reachable", "site", "shown"
ORDER = (REGISTERED, REACHABLE, SITE, SHOWN)
#: cn-domain-site's threshold, read by the check points after it too (a parking page is no site)
SITE_THRESHOLDS = Thresholds("cn-domain-site",
    # links to its own host from which it is a website (ours)
    min_site_links=Threshold(5, setting="CNDOMAIN_MIN_SITE_LINKS"),
)


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
            detail[REGISTERED] = T("nxdomain", host=d.get("host"), name=name, server=d.get("nameserver"))
        elif d.get("a_error") and d.get("aaaa_error"):
            detail[REGISTERED] = T("lookup_failed")
        else:
            passed[REGISTERED] = True
            answers = ", ".join((d.get("a") or []) + (d.get("aaaa") or [])) or T.ref("no_address")
            detail[REGISTERED] = T("exists", name=name, answers=answers)
    if site is not None:
        s = site.data or {}
        if passed[REGISTERED] is False:
            passed[REACHABLE] = passed[SITE] = passed[SHOWN] = False
            for check in (REACHABLE, SITE, SHOWN):
                detail[check] = T("not_registered")
            return Checks(passed, detail, dns, site)
        if site.status != "completed" or not s.get("html"):
            passed[REACHABLE] = passed[SITE] = passed[SHOWN] = False
            what = describe_visit(site.status if site.status != "completed" else "not_html", s.get("cause"),
                                  http_status=site.http_status)
            detail[REACHABLE] = T("unreachable", idn=s.get("idn"), what=what)
            detail[SITE] = detail[SHOWN] = T("nothing_answers")
            return Checks(passed, detail, dns, site)
        passed[REACHABLE] = True
        hops = " → ".join([*(s.get("redirects") or []), s.get("final_url") or site.url])
        detail[REACHABLE] = T("answers", hops=hops)
        links = int(s.get("internal_links") or 0)
        need = int(SITE_THRESHOLDS(ctx, "min_site_links"))
        passed[SITE] = links >= need
        detail[SITE] = (T("links", host=s.get("final_host"), n=links) if passed[SITE]
                        else T("too_few", host=s.get("final_host"), n=links, need=need))
        if not passed[SITE]:
            passed[SHOWN] = False
            detail[SHOWN] = T("no_site")
        else:
            shown = s.get("name_shown") or []
            passed[SHOWN] = bool(shown)
            detail[SHOWN] = (T("written", where=_where(shown)) if shown else
                             T("body_only") if s.get("name_elsewhere") else T("not_written"))
    return Checks(passed, detail, dns, site)


def check_point(obs: PlatformObservations, ctx: IndicatorContext, check: str, finding_kind: str) -> IndicatorResult:
    """One check point as an indicator: 1 or 0, the finding only when it is the first check to fail."""
    c = checks(obs, ctx)
    passed = c.passed[check]
    detail = c.detail.get(check, "")
    if passed is None:
        return IndicatorResult.missing(detail or T("not_checked"))
    source = c.dns if check == REGISTERED else c.site
    snippet = str((c.site.data or {}).get("snippet") or "") if c.site is not None else ""
    evidence = [Evidence(url=source.url if source is not None else obs.platform.url, detail=detail, snippet=snippet)]
    findings = [site_finding(obs, finding_kind, detail)] if not passed and c.first_failure() == check else []
    return IndicatorResult(value=1.0 if passed else 0.0, detail=detail, evidence=evidence, findings=findings)


def check_point_indicator(check: str, finding_kind: str) -> Callable[[PlatformObservations, IndicatorContext],
                                                                     IndicatorResult]:
    """An ``evaluate`` giving :func:`check_point` ``check`` (cn-domain-registered, -reachable, -site, -shown)."""
    def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
        return check_point(obs, ctx, check, finding_kind)
    return evaluate
