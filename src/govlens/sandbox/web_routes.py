"""The sandbox web's HTTP routing: which host answers, on which scheme, with which reply.

A mixin of :class:`govlens.sandbox.web.SandboxWeb` (it reads the web's sites, portals, editions,
``.政务`` names, columns, mailboxes and national hosts); the replies are pure values, cached per
(host, path), so the server only adds what depends on time or request order.
"""
from __future__ import annotations

import contextlib
from collections import OrderedDict
from urllib.parse import parse_qs

from govlens.contract import defects as D
from govlens.sandbox import mobile_portal
from govlens.sandbox import render
from govlens.sandbox.cn_domain import PARKING_HOST, CnDomainSite, parking_page
from govlens.sandbox.columns import FeaturedColumn, column_home
from govlens.sandbox.families.identity import REGISTRY_HOSTS
from govlens.sandbox.foreign_site import ForeignSite
from govlens.sandbox.mailbox import Mailbox
from govlens.sandbox.mobile_portal import MobileSite
from govlens.sandbox.replies import UNAVAILABLE, Reply, html_reply
from govlens.sandbox.site import Site
from govlens.sandbox.site_pages import HOME_ALIASES, site_page

PAGE_CACHE_SIZE = 4096                # rendered pages kept (LRU)
SEARCH_CACHE_SIZE = 512


class WebRoutes:
    """``respond`` and ``post`` of the sandbox web, over the attributes :class:`SandboxWeb` declares."""

    national: dict[str, str]
    mobile_portals: dict[str, MobileSite]
    foreign_sites: dict[str, ForeignSite]
    cn_domains: dict[str, CnDomainSite]
    columns: dict[str, list[FeaturedColumn]]
    mailboxes: dict[str, Mailbox]
    _by_host: dict[str, Site]
    _cache: OrderedDict
    _search_cache: OrderedDict

    # --- page lookup
    def respond(self, host: str, path: str, query: str = "", *, secure: bool = True) -> Reply:
        """The reply for one request: ``host`` without port, ``query`` the raw query string."""
        host = host.lower().rstrip(".")
        featured = self._featured(host, path, query, secure)
        if featured is not None:
            return featured
        if host in self.mailboxes:
            return self._mailbox(self.mailboxes[host], path, secure)
        site = self._by_host.get(host)
        if site is None and host in self.mobile_portals:
            return self._mobile(self.mobile_portals[host], path, query, secure)
        if site is None and host in self.foreign_sites:
            status, location, html = self.foreign_sites[host].respond(host, path)
            return Reply(status, (("Content-Type", "text/html; charset=utf-8"), ("Server", "nginx")),
                         html.encode("utf-8"))
        if site is None and (host in self.cn_domains or host == PARKING_HOST or host in self._cn_sites()):
            return self._cn_domain(host, path, query)
        if site is None:
            if host in self.national:
                return self._national(host, path, secure)
            return Reply(404, (("Content-Type", "text/plain; charset=utf-8"),), b"unknown host\n")
        if D.SITE_DOWN in site.flags:
            return UNAVAILABLE
        if not secure and D.NO_HTTPS_REDIRECT not in site.flags:
            qs = f"?{query}" if query else ""
            return Reply(301, (("Location", f"https://{host}{path}{qs}"), ("Content-Type", "text/html"),
                               ("Server", site.server)), b"")
        if path == "/search" and not site.has(D.NO_SITE_SEARCH):
            return self._search(site, parse_qs(query).get("q", [""])[0])
        if path == "/" and site.home_path != "/":
            return Reply(302, (("Location", site.home_path), ("Server", site.server)), b"")
        key = (host, path)
        reply = self._cache.get(key)
        if reply is not None:
            with contextlib.suppress(KeyError):      # evicted meanwhile by another thread: fine
                self._cache.move_to_end(key)
            return reply
        reply = site_page(site, path)
        self._cache[key] = reply
        if len(self._cache) > PAGE_CACHE_SIZE:
            with contextlib.suppress(KeyError):
                self._cache.popitem(last=False)
        return reply

    def _featured(self, host: str, path: str, query: str, secure: bool) -> Reply | None:
        """A featured column's page (before the site's own pages), or a column-only host's homepage."""
        cols = self.columns.get(host)
        if not cols:
            return None
        html = (("Content-Type", "text/html; charset=utf-8"), ("Server", "nginx"))
        for col in cols:
            if path.startswith(col.prefix):
                if secure != (col.scheme == "https"):
                    qs = f"?{query}" if query else ""
                    return Reply(301, (("Location", f"{col.scheme}://{host}{path}{qs}"),), b"")
                status, text = col.respond(path, query)
                return Reply(status, html, text.encode("utf-8"))
        if host not in self._by_host and path in HOME_ALIASES:
            return Reply(200, html, column_home(host, cols).encode("utf-8"))
        return None

    def _mailbox(self, m: Mailbox, path: str, secure: bool) -> Reply:
        if secure != (m.scheme == "https"):
            return Reply(301, (("Location", f"{m.scheme}://{m.host}{path}"),), b"")
        status, text = m.respond(path)
        return Reply(status, (("Content-Type", "text/html; charset=utf-8"), ("Server", "nginx")), text.encode("utf-8"))

    def post(self, host: str, path: str, body: bytes, *, secure: bool = True) -> Reply:
        """The answer to a POST (a mailbox's letter form); other hosts and paths answer 405."""
        host = host.lower().rstrip(".")
        m = self.mailboxes.get(host)
        if m is None or secure != (m.scheme == "https"):
            return Reply(405, (("Content-Type", "text/plain; charset=utf-8"), ("Allow", "GET, HEAD")),
                         b"method not allowed\n")
        status, text = m.submit(path, body)
        return Reply(status, (("Content-Type", "text/html; charset=utf-8"), ("Server", "nginx")), text.encode("utf-8"))

    def _mobile(self, m: MobileSite, path: str, query: str, secure: bool) -> Reply:
        if secure != (m.scheme == "https"):       # a portal answers on its own scheme and redirects the other
            qs = f"?{query}" if query else ""
            return Reply(301, (("Location", f"{m.scheme}://{m.host}{path}{qs}"),), b"")
        html = (("Content-Type", "text/html; charset=utf-8"), ("Server", "nginx"))
        if path in (m.home_path, "/index.html") or (path == "/" and m.home_path == "/"):
            return Reply(200, html, m.home().encode("utf-8"), home=True)
        if path == "/m/style.css":
            return Reply(200, (("Content-Type", "text/css"),), mobile_portal.CSS.encode())
        if path in m.images:
            return Reply(200, (("Content-Type", "image/jpeg"),), mobile_portal.image_bytes(m.images[path], m.host))
        pages = m.pages()
        if path in pages:
            return Reply(200, html, m.page(pages[path]).encode("utf-8"))
        return Reply(404, html, render.not_found(m.platform.name).encode("utf-8"))

    def _cn_sites(self) -> dict[str, CnDomainSite]:
        """ASCII hosts of the organs' own sites that ``.政务`` names redirect to."""
        cached = self.__dict__.get("_cn_site_hosts")
        if cached is None:
            cached = {c.site_host: c for c in self.cn_domains.values() if c.site_host in c.http_hosts()}
            self.__dict__["_cn_site_hosts"] = cached
        return cached

    def _cn_domain(self, host: str, path: str, query: str) -> Reply:
        html = (("Content-Type", "text/html; charset=utf-8"), ("Server", "nginx"))
        if host == PARKING_HOST:
            name = parse_qs(query).get("d", [""])[0]
            c = self.cn_domains.get(name)
            if c is None or path != "/":
                return Reply(404, html, render.not_found(None).encode("utf-8"))
            return Reply(200, html, parking_page(c.idn, c.org).encode("utf-8"))
        c = self.cn_domains.get(host) or self._cn_sites().get(host)
        if c is None or not c.serves(host):
            return Reply(404, (("Content-Type", "text/plain; charset=utf-8"),), b"unknown host\n")
        status, headers, body = c.respond(host, path)
        return Reply(status, headers if headers else html, body)

    def _search(self, site: Site, q: str) -> Reply:
        key = (site.host, q)
        reply = self._search_cache.get(key)
        if reply is None:
            reply = html_reply(site, render.search(site, q))
            self._search_cache[key] = reply
            if len(self._search_cache) > SEARCH_CACHE_SIZE:
                with contextlib.suppress(KeyError):
                    self._search_cache.popitem(last=False)
        return reply

    def _national(self, host: str, path: str, secure: bool) -> Reply:
        if not secure:
            return Reply(301, (("Location", f"https://{host}{path}"), ("Content-Type", "text/html")), b"")
        if path in ("/", "/index.htm", "/index.html") or host in REGISTRY_HOSTS:   # registries answer any page
            body = render.national_home(self.national[host], host).encode("utf-8")
            return Reply(200, (("Content-Type", "text/html; charset=utf-8"),), body)
        return Reply(404, (("Content-Type", "text/html; charset=utf-8"),), render.not_found(None).encode("utf-8"))

