"""The sandbox web: every site's spec, its ground truth, its external signals, and page lookup.

``build_sandbox(platforms, seed, as_of)`` returns a :class:`SandboxWeb`. It is a pure spec:
:meth:`SandboxWeb.respond` maps (host, path, query, scheme) to a :class:`Reply` whose bytes are
rendered lazily and cached; the server (:mod:`govlens.sandbox.server`) only adds what depends on
time or on request order (the outage alternation and the slow-response delay), as the reply's
``home`` and the site's flags tell it.

Served: one site per platform of kind ``website`` with an http(s) URL and an ASCII host (the
first platform wins when two share a host; a 文明网 gets its topics from :mod:`govlens.sandbox.civilization`),
the mobile portals, the Chinese sites of ``foreign_site`` platforms with their editions
(:mod:`govlens.sandbox.foreign_site`), the ``.政务`` names in punycode and the sites they lead to
(:mod:`govlens.sandbox.cn_domain`; ``dns_records`` says which names exist), the featured columns beside
their sites' pages (:mod:`govlens.sandbox.columns`), the leader mailboxes with their letter forms
(:mod:`govlens.sandbox.mailbox`), plus a few national hosts (www.gov.cn …) that answer their homepage only.
"""
from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from govlens.contract import defects as D
from govlens.registry.model import Platform
from govlens.sandbox import civilization
from govlens.sandbox.cn_domain import CnDomainSite, build_cn_domain
from govlens.sandbox.columns import FeaturedColumn, build_column
from govlens.sandbox.families.identity import REGISTRY_HOSTS
from govlens.sandbox.foreign_site import ForeignSite, build_foreign_site
from govlens.sandbox.friend_links import link_sites
from govlens.sandbox.mailbox import Mailbox, build_mailbox
from govlens.sandbox.mobile_portal import MobileSite, build_mobile_site
from govlens.sandbox.names import provinces
from govlens.sandbox.newmedia import NewMedia, build_newmedia
from govlens.sandbox.replies import UNAVAILABLE
from govlens.sandbox.review import ReviewSandbox
from govlens.sandbox.site import NATIONAL_SITES, Site
from govlens.sandbox.site_build import build_site
from govlens.sandbox.web_files import WebFiles
from govlens.sandbox.web_routes import WebRoutes

__all__ = ["SLOW_DELAY", "UNAVAILABLE", "SandboxWeb", "build_sandbox"]    # UNAVAILABLE: the server's import

SLOW_DELAY = 3.0                      # seconds a slow_response homepage waits before answering


@dataclass
class SandboxWeb(WebRoutes, WebFiles):
    """A deterministic synthetic government web (see the module docstring)."""

    seed: int
    as_of: dt.date
    platforms: list[Platform]
    sites: list[Site]
    national: dict[str, str]                      # host → name, national hosts served
    slow_delay: float = SLOW_DELAY
    mobile_portals: dict[str, MobileSite] = field(default_factory=dict)     # host → its portal (series 3)
    newmedia: NewMedia | None = None                               # Weibo and WeChat accounts (series 9)
    foreign_sites: dict[str, ForeignSite] = field(default_factory=dict)     # host → Chinese site or edition (7)
    cn_domains: dict[str, CnDomainSite] = field(default_factory=dict)  # punycode name → .政务 name (series 8)
    columns: dict[str, list[FeaturedColumn]] = field(default_factory=dict)   # host → featured columns (series 2)
    mailboxes: dict[str, Mailbox] = field(default_factory=dict)    # host → leader mailbox (series 3)
    review: ReviewSandbox | None = None                            # experts, materials (review workflow)
    _by_host: dict[str, Site] = field(default_factory=dict, repr=False)
    _cache: OrderedDict = field(default_factory=OrderedDict, repr=False)
    _search_cache: OrderedDict = field(default_factory=OrderedDict, repr=False)

    def __post_init__(self) -> None:
        self._by_host = {s.host: s for s in self.sites}

    # --- public API
    def hosts(self) -> list[str]:
        """Every host name the server answers for: platform sites, then national hosts (IDNs as punycode)."""
        own = [s.host for s in self.sites] + list(self.mobile_portals)
        return list(dict.fromkeys(own + list(self.national) + list(self.foreign_sites) + self._cn_http_hosts()
                                  + [h for h in list(self.columns) + list(self.mailboxes)
                                     if h not in self._by_host and h not in self.mobile_portals]))

    def _cn_http_hosts(self) -> list[str]:
        return list(dict.fromkeys(h for c in self.cn_domains.values() for h in c.http_hosts()))

    def dns_records(self) -> dict[str, tuple[bool, bool]]:
        """Host → (has an A record, has an AAAA record) for the sandbox DNS server; a name absent is NXDOMAIN."""
        out = {s.host: (True, not s.has(D.NO_IPV6)) for s in self.sites}
        out.update({h: (True, True) for h in list(self.mobile_portals) + list(self.national) + list(self.foreign_sites)
                    + self._cn_http_hosts()})
        out.update({h: (True, True) for h in list(self.columns) + list(self.mailboxes) if h not in out})
        for name, c in self.cn_domains.items():
            record = c.dns_record()
            if record is not None:
                out[name] = record
        return out

    def expired_hosts(self) -> list[str]:
        """Hosts whose https answers with an expired certificate."""
        return [s.host for s in self.sites if s.has(D.EXPIRED_CERTIFICATE)]

    def site(self, host: str) -> Site | MobileSite | None:
        host = host.lower()
        return self._by_host.get(host) or self.mobile_portals.get(host) or self.mailboxes.get(host)


def build_sandbox(platforms: list[Platform], seed: int, as_of: dt.date, *,
                  slow_delay: float = SLOW_DELAY) -> SandboxWeb:
    """Build the spec of every site; same inputs give byte-identical pages and truth.

    Kinds are taken in a fixed order and a host goes to the first kind that claims it.
    """
    sites = _websites(platforms, seed, as_of)
    seen = {s.host for s in sites}
    mobile = _mobile_portals(platforms, seed, as_of, seen)
    seen |= set(mobile)
    foreign = _foreign_sites(platforms, seed, as_of, seen)
    seen |= set(foreign)
    cn_domains = _cn_domains(platforms, seed, as_of, seen)
    columns, mailboxes = _columns_and_mailboxes(platforms, seed, as_of, seen, mobile)
    seen |= set(columns) | set(mailboxes)
    national = {h: n for n, h in NATIONAL_SITES if h not in seen}
    link_sites(sites, national, seed)
    national.update({h: n for h, n in zip(REGISTRY_HOSTS, ("党政机关网站标识", "全国互联网安全管理服务平台",
                                                          "ICP/IP地址/域名信息备案管理系统")) if h not in seen})
    review = ReviewSandbox(list(platforms), seed, as_of) if any(p.kind in ("website", "column")
                                                                for p in platforms) else None
    return SandboxWeb(seed=seed, as_of=as_of, platforms=list(platforms), sites=sites, national=national,
                      slow_delay=slow_delay, mobile_portals=mobile, foreign_sites=foreign, cn_domains=cn_domains,
                      columns=columns, mailboxes=mailboxes, review=review,
                      newmedia=build_newmedia(list(platforms), seed, as_of))


def _websites(platforms: list[Platform], seed: int, as_of: dt.date) -> list[Site]:
    """One site per ``website`` platform with an http(s) URL and an ASCII host; the first wins a shared host."""
    icp = {p.name: p.icp for p in provinces()}
    sites: list[Site] = []
    seen: set[str] = set()
    for p in platforms:
        if p.kind != "website":
            continue
        parts = urlsplit(p.url.strip())
        host = p.host
        if parts.scheme.lower() not in ("http", "https") or not host or not host.isascii() or host in seen:
            continue
        seen.add(host)
        site = build_site(p, seed, as_of, icp.get(p.province, "京"))
        if civilization.is_civilization(p):
            civilization.apply(site, seed)
        sites.append(site)
    return sites


def _mobile_portals(platforms: list[Platform], seed: int, as_of: dt.date, seen: set[str]) -> dict[str, MobileSite]:
    mobile: dict[str, MobileSite] = {}
    for p in platforms:
        if _unclaimed(p, "mobile_portal", seen, mobile):
            mobile[p.host] = build_mobile_site(p, seed, as_of)
    return mobile


def _unclaimed(p: Platform, kind: str, seen: set[str], taken: dict[str, object]) -> bool:
    """``p`` is of ``kind`` and has an ASCII host that no earlier kind (``seen``) nor platform (``taken``) holds."""
    host = p.host
    return p.kind == kind and bool(host) and host.isascii() and host not in seen and host not in taken


def _foreign_sites(platforms: list[Platform], seed: int, as_of: dt.date, seen: set[str]) -> dict[str, ForeignSite]:
    """Host → Chinese site or edition; a site whose hosts are partly taken is left out whole."""
    foreign: dict[str, ForeignSite] = {}
    for p in platforms:
        if _unclaimed(p, "foreign_site", seen, foreign):
            f = build_foreign_site(p, seed, as_of)
            if not any(h in seen or h in foreign for h in f.hosts()):
                foreign.update({h: f for h in f.hosts()})
    return foreign


def _cn_domains(platforms: list[Platform], seed: int, as_of: dt.date, seen: set[str]) -> dict[str, CnDomainSite]:
    cn_domains: dict[str, CnDomainSite] = {}
    for p in platforms:
        if p.kind == "cn_domain" and p.host and p.url.lower().startswith(("http://", "https://")):
            try:
                c = build_cn_domain(p, seed, as_of)
            except UnicodeError:            # not a valid IDN: the registry let it through, DNS would not
                continue
            if c.ascii not in seen and c.ascii not in cn_domains and c.site_host not in seen:
                cn_domains[c.ascii] = c
    return cn_domains


def _columns_and_mailboxes(platforms: list[Platform], seed: int, as_of: dt.date, seen: set[str],
                           mobile: dict[str, MobileSite]) -> tuple[dict[str, list[FeaturedColumn]], dict[str, Mailbox]]:
    """Featured columns (several may share a site's host) and leader mailboxes (one a host)."""
    columns: dict[str, list[FeaturedColumn]] = {}
    mailboxes: dict[str, Mailbox] = {}
    for p in platforms:
        host = p.host
        if not host or not host.isascii() or host in mobile:
            continue
        if p.kind == "column":
            columns.setdefault(host, []).append(build_column(p, seed, as_of))
        elif p.kind == "mailbox" and host not in seen and host not in mailboxes:
            mailboxes[host] = build_mailbox(p, seed, as_of)
    return columns, mailboxes
