"""The sandbox web: every site's spec, its ground truth, its external signals, and page lookup.

``build_sandbox(platforms, seed, as_of)`` returns a :class:`SandboxWeb`. It is a pure spec:
:meth:`SandboxWeb.respond` maps (host, path, query, scheme) to a :class:`Reply` whose bytes are
rendered lazily and cached; the server (:mod:`govlens.sandbox.server`) only adds what depends on
time or on request order (the outage alternation and the slow-response delay), as the reply's
``home`` and the site's flags tell it.

Served: one site per platform of kind ``website`` with an http(s) URL and an ASCII host (the
first platform wins when two share a host; a 文明网 gets its topics from :mod:`govlens.sandbox.civilization`),
the mobile portals, the Chinese sites of ``foreign_site`` platforms with their editions
(:mod:`govlens.sandbox.foreign`), the ``.政务`` names in punycode and the sites they lead to
(:mod:`govlens.sandbox.cndomain`; ``dns_records`` says which names exist), the featured columns beside
their sites' pages (:mod:`govlens.sandbox.columns`), the leader mailboxes with their letter forms
(:mod:`govlens.sandbox.mailbox`), plus a few national hosts (www.gov.cn …) that answer their homepage only.
"""
from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import math
import random
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from govlens.atomic import atomic_write_text
from govlens.contract import defects as D
from govlens.registry.model import Platform
from govlens.sandbox import (
    civilization,
    families,
    render,
    render_services,
    site_files,
    style,
)
from govlens.sandbox import mobile as mobile_mod
from govlens.sandbox.cndomain import (
    PARKING_HOST,
    CnDomainSite,
    build_cn_domain,
    parking_page,
)
from govlens.sandbox.columns import FeaturedColumn, build_column, column_home
from govlens.sandbox.families.identity import REGISTRY_HOSTS
from govlens.sandbox.foreign import ForeignSite, build_foreign_site, overseas_row
from govlens.sandbox.hotline import COLUMNS as HOTLINE_COLUMNS
from govlens.sandbox.hotline import hotline_calls
from govlens.sandbox.inspection import guide_indices
from govlens.sandbox.mailbox import Mailbox, build_mailbox
from govlens.sandbox.mobile import MobileSite
from govlens.sandbox.names import provinces
from govlens.sandbox.newmedia import NewMedia, build_newmedia
from govlens.sandbox.review import ReviewSandbox
from govlens.sandbox.site import NATIONAL_SITES, Site, attachment_path
from govlens.sandbox.site_build import build_site

SLOW_DELAY = 3.0                      # seconds a slow_response homepage waits before answering
PAGE_CACHE_SIZE = 4096                # rendered pages kept (LRU)
SEARCH_CACHE_SIZE = 512
_GIF = (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00"
        b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")
_ART = re.compile(r"^/art/\d{4}/\d{2}/\d{2}/art_\d+_\d+\.html$")
_COL = re.compile(r"^/col/([A-Za-z0-9_]+)/index\.html$")
_SVC = re.compile(r"^/fw/fw_(\d+)\.html$")
_ATTACHMENT = re.compile(r"^/fw/files/fw_(\d+)_sqb\.doc$")
_LETTER = re.compile(r"^/hdjl/letters/letter_(\d+)\.html$")
_TOPIC = re.compile(r"^/zt/zt(\d+)/index\.html$")
_SECTION = re.compile(r"^/([a-z]+)/index\.html$")
_IMAGE = re.compile(r"^/images/[A-Za-z0-9_.-]+\.(png|jpg|gif)$")
_HOME_ALIASES = ("/", "/index.html", "/index.htm", "/index.shtml")
# the smallest thing that opens as a Word document: the OLE2 signature and padding
_DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


@dataclass(frozen=True, slots=True)
class Reply:
    """One answer: status, headers and body; ``home`` marks a homepage served with content."""

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    home: bool = False


@dataclass
class SandboxWeb:
    """A deterministic synthetic government web (see the module docstring)."""

    seed: int
    as_of: dt.date
    platforms: list[Platform]
    sites: list[Site]
    national: dict[str, str]                      # host → name, national hosts served
    slow_delay: float = SLOW_DELAY
    mobile: dict[str, MobileSite] = field(default_factory=dict)     # host → mobile portal (series 3)
    newmedia: NewMedia | None = None                               # Weibo and WeChat accounts (series 9)
    foreign: dict[str, ForeignSite] = field(default_factory=dict)   # host → Chinese site / its edition (series 7)
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
        own = [s.host for s in self.sites] + list(self.mobile)
        return list(dict.fromkeys(own + list(self.national) + list(self.foreign) + self._cn_http_hosts()
                                  + [h for h in list(self.columns) + list(self.mailboxes)
                                     if h not in self._by_host and h not in self.mobile]))

    def _cn_http_hosts(self) -> list[str]:
        return list(dict.fromkeys(h for c in self.cn_domains.values() for h in c.http_hosts()))

    def dns_records(self) -> dict[str, tuple[bool, bool]]:
        """Host → (has an A record, has an AAAA record) for the sandbox DNS server; a name absent is NXDOMAIN."""
        out = {s.host: (True, not s.has(D.NO_IPV6)) for s in self.sites}
        out.update({h: (True, True) for h in list(self.mobile) + list(self.national) + list(self.foreign)
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
        return self._by_host.get(host) or self.mobile.get(host) or self.mailboxes.get(host)

    def truth(self) -> dict:
        sites = [{"platform_id": s.platform.id, "host": s.host, "family": s.family, "defects": s.defects()}
                 for s in self.sites]
        sites += [{"platform_id": m.platform.id, "host": m.host, "defects": m.defects()} for m in self.mobile.values()]
        seen_foreign = {id(f): f for f in self.foreign.values()}
        sites += [{"platform_id": f.platform.id, "host": f.host, "defects": f.defects()} for f in seen_foreign.values()]
        sites += [{"platform_id": c.platform.id, "host": c.idn, "defects": c.defects()} for c in self.cn_domains.values()]
        if self.newmedia is not None:
            sites += self.newmedia.truth()
        sites += [{"platform_id": c.platform.id, "host": c.host, "defects": c.defects()}
                  for cols in self.columns.values() for c in cols]
        sites += [{"platform_id": m.platform.id, "host": m.host, "defects": m.defects()} for m in self.mailboxes.values()]
        sites += [{"platform_id": pid, "host": "", "defects": [{"kind": k, "url": url} for k in kinds]}
                  for pid, url, kinds in self._hotline_truth()]
        doc = {"seed": self.seed, "as_of": self.as_of.isoformat(), "sites": sites}
        if self.review is not None:
            doc["review"] = self.review.truth()
        return doc

    def hotline_rows(self) -> list[dict]:
        return [row for p in self.platforms if p.kind == "hotline"
                for row in hotline_calls(p, self.seed, self.as_of)[0]]

    def _hotline_truth(self) -> list[tuple[str, str, list[str]]]:
        return [(p.id, p.url.strip(), hotline_calls(p, self.seed, self.as_of)[1])
                for p in self.platforms if p.kind == "hotline"]

    def app_store_rows(self) -> list[dict]:
        return [row for m in self.mobile.values() for row in m.apps]

    def write_newmedia(self, out: str | Path) -> dict[str, Path]:
        """Every non-web data file (new-media accounts, app stores), in the importers' formats: key → path."""
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        paths = self.newmedia.write_files(out) if self.newmedia is not None else {}
        path = out / "app_store.csv"
        with open(path, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=["platform_id", "store", "app_name", "rating", "ratings", "downloads",
                                               "last_update", "version"], lineterminator="\n")
            w.writeheader()
            w.writerows(self.app_store_rows())
        paths["app_store"] = path
        if any(p.kind == "hotline" for p in self.platforms):
            path = out / "hotline_calls.csv"
            with open(path, "w", encoding="utf-8", newline="") as fh:
                w = csv.DictWriter(fh, fieldnames=HOTLINE_COLUMNS, lineterminator="\n")
                w.writeheader()
                w.writerows(self.hotline_rows())
            paths["hotline_calls"] = path
        if self.review is not None:
            paths["materials"] = self.review.write_materials(out / "materials.csv")
            paths["reviewers"] = self.review.write_reviewers(out / "reviewers.csv")
        return paths

    def write_truth(self, path: str | Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, json.dumps(self.truth(), ensure_ascii=False, indent=1) + "\n")
        return path

    def signals_rows(self) -> list[dict[str, object]]:
        """External signals per platform: heavy-tailed, higher for higher levels and healthier sites."""
        by_id = {s.platform.id: s for s in self.sites}
        rows = []
        for p in self.platforms:
            rng = random.Random(f"{self.seed}:{p.id}:signals")
            site = by_id.get(p.id)
            quality = 1.0
            if site is not None:
                kinds = {d["kind"] for d in site.defects()}
                quality = 0.15 if D.SITE_DOWN in kinds else max(0.25, 1.0 - 0.09 * len(kinds))
            mu = _LEVEL_MU.get(p.level, 7.5)
            common = rng.gauss(0.0, 0.8) + 1.2 * math.log(quality)
            tail = rng.paretovariate(2.5)       # a few sites are far better known than the rest
            indexed = math.exp(mu + common + rng.gauss(0.0, 0.4)) * tail
            inbound = math.exp(mu - 2.8 + 0.9 * common + rng.gauss(0.0, 0.5)) * tail
            media = math.exp(mu - 6.0 + 1.1 * common + rng.gauss(0.0, 0.6)) * tail
            rows.append({"platform_id": p.id, "indexed_pages": int(indexed), "inbound_links": int(inbound),
                         "media_mentions": int(media)})
        return rows

    def overseas_rows(self) -> list[dict[str, object]]:
        """Overseas-influence signals of every foreign_site platform (series 7), in registry order."""
        by_id = {f.platform.id: f for f in self.foreign.values()}
        return [overseas_row(by_id[p.id], self.seed) for p in self.platforms if p.id in by_id]

    def write_overseas_signals(self, path: str | Path) -> Path:
        """The overseas-signals CSV (``platform_id,overseas_visits,overseas_inlinks,foreign_media_mentions``)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=["platform_id", "overseas_visits", "overseas_inlinks",
                                            "foreign_media_mentions"], lineterminator="\n")
        w.writeheader()
        w.writerows(self.overseas_rows())
        path.write_text(buf.getvalue(), encoding="utf-8")
        return path

    def write_signals(self, path: str | Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=["platform_id", "indexed_pages", "inbound_links", "media_mentions"],
                           lineterminator="\n")
        w.writeheader()
        w.writerows(self.signals_rows())
        atomic_write_text(path, buf.getvalue())
        return path

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
        if site is None and host in self.mobile:
            return self._mobile(self.mobile[host], path, query, secure)
        if site is None and host in self.foreign:
            status, location, html = self.foreign[host].respond(host, path)
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
        reply = self._render(site, path)
        self._cache[key] = reply
        if len(self._cache) > PAGE_CACHE_SIZE:
            with contextlib.suppress(KeyError):
                self._cache.popitem(last=False)
        return reply

    def _render(self, site: Site, path: str) -> Reply:
        if path.startswith(("/hdjl/", "/fw/files/")):
            reply = self._inspection_page(site, path)
            if reply is not None:
                return reply
        layout = families.pages(site.family)
        if path == site.home_path or (site.home_path == "/" and path in _HOME_ALIASES):
            return _html(site, layout.home(site), home=True)
        m = _COL.match(path)
        if m:
            col = site.column_by_code(m.group(1))
            if col is not None:
                return _html(site, layout.column_page(site, col))
        elif _ART.match(path):
            hit = site.articles.get(path)
            if hit is not None:
                return _html(site, layout.article(site, *hit))
        elif path == render.HEAVY_IMAGE:
            return Reply(200, (("Content-Type", "image/gif"), ("Server", site.server)), heavy_gif())
        elif _IMAGE.match(path):
            return Reply(200, (("Content-Type", "image/gif"), ("Server", site.server)), _GIF)
        elif path == "/css/style.css":
            return Reply(200, (("Content-Type", "text/css; charset=utf-8"), ("Server", site.server)),
                         style.stylesheet(site).encode("utf-8"))
        elif path == "/js/common.js":
            return Reply(200, (("Content-Type", "application/javascript; charset=utf-8"), ("Server", site.server)),
                         style.script(site).encode("utf-8"))
        elif path == "/favicon.ico":
            return Reply(200, (("Content-Type", "image/gif"), ("Server", site.server)), _GIF)
        elif path == "/robots.txt":
            if site.robots:
                return Reply(200, (("Content-Type", "text/plain"), ("Server", site.server)),
                             site_files.robots(site).encode())
        elif path == "/sitemap.xml":
            if site.sitemap:
                return Reply(200, (("Content-Type", "application/xml"), ("Server", site.server)),
                             site_files.sitemap(site).encode())
        else:
            for rx, fn, limit in ((_SVC, render_services.service, site.n_services),
                                  (_TOPIC, render.topic, site.n_topics)):
                m = rx.match(path)
                if m:
                    i = int(m.group(1))
                    if 1 <= i <= limit and m.group(1) == str(i):
                        return _html(site, fn(site, i))
                    return _not_found(site)
            m = _SECTION.match(path)
            if m and m.group(1) in render.SECTIONS:
                return _html(site, render.section(site, m.group(1)))
        return _not_found(site)

    def _inspection_page(self, site: Site, path: str) -> Reply | None:
        """Letters, the letter form and service-guide downloads (see :mod:`govlens.sandbox.inspection`)."""
        spec = site.inspection
        if path == "/hdjl/letters/index.html" and spec.channel:
            return _html(site, render_services.letters(site))
        if path == "/hdjl/write.html" and spec.channel:
            return _html(site, render_services.write_letter(site))
        m = _LETTER.match(path)
        if m and spec.channel:
            for letter in spec.letters:
                if str(letter.n) == m.group(1):
                    return _html(site, render_services.letter(site, letter))
        m = _ATTACHMENT.match(path)
        if m and m.group(1).isdigit():
            i = int(m.group(1))
            if i in guide_indices(site.n_services) and i != spec.broken_attachment and path == attachment_path(i):
                return Reply(200, (("Content-Type", "application/msword"), ("Server", site.server)), _DOC)
        return None

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
        if host not in self._by_host and path in _HOME_ALIASES:
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
            return Reply(200, (("Content-Type", "text/css"),), mobile_mod.CSS.encode())
        if path in m.images:
            return Reply(200, (("Content-Type", "image/jpeg"),), mobile_mod.image_bytes(m.images[path], m.host))
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
            reply = _html(site, render.search(site, q))
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


HEAVY_IMAGE_BYTES = 6 * 1024 * 1024     # a heavy_page banner: a valid GIF padded with comment blocks
_heavy: list[bytes] = []


def heavy_gif() -> bytes:
    """A 1×1 GIF of :data:`HEAVY_IMAGE_BYTES` bytes (comment-extension padding; built once)."""
    if not _heavy:
        head, tail = _GIF[:-1], _GIF[-1:]          # the trailer byte ";" closes the file
        n = (HEAVY_IMAGE_BYTES - len(_GIF) - 3) // 256
        _heavy.append(head + b"\x21\xfe" + (b"\xff" + b"x" * 255) * n + b"\x00" + tail)
    return _heavy[0]


_LEVEL_MU = {"central": 11.0, "provincial": 10.3, "sub_provincial": 9.6, "prefecture": 8.9, "county": 7.8,
             "township": 6.8}
UNAVAILABLE = Reply(503, (("Content-Type", "text/html; charset=utf-8"), ("Retry-After", "120")),
                     "<html><body><h1>503 Service Unavailable</h1><p>服务暂时不可用</p></body></html>\n"
                     .encode("utf-8"))


def _not_found(site: Site) -> Reply:
    if site.has(D.SOFT_404):       # "page not found", said with 200 OK
        return Reply(200, (("Content-Type", "text/html; charset=utf-8"), ("Server", site.server)),
                     render.not_found(site.name).encode("utf-8"))
    return Reply(404, (("Content-Type", "text/html; charset=utf-8"), ("Server", site.server)),
                 render.not_found(site.name).encode("utf-8"))


def _html(site: Site, text: str, *, home: bool = False) -> Reply:
    """Encode a page in the site's encoding and declare it where the site declares it."""
    label = site.charset_label
    errors = "xmlcharrefreplace"      # only a shipped name outside GBK would need it; our own text is GBK
    if site.encoding == "gbk":
        if label.lower() == "gb2312":
            try:
                text.encode("gb2312")
            except UnicodeEncodeError:        # a character outside GB2312: declare the superset
                text = text.replace(f"charset={label}", "charset=gbk").replace(f'charset="{label}"', 'charset="gbk"')
                label = "gbk"
        body = text.encode("gbk", errors)
    else:
        body = text.encode("utf-8")
    ctype = "text/html"
    if site.charset_decl in ("header", "both"):
        ctype = f"text/html; charset={label}"
    headers: tuple[tuple[str, str], ...] = (("Content-Type", ctype), ("Server", site.server))
    if (site.scheme == "https" or not site.has(D.NO_HTTPS_REDIRECT)) and not site.has(D.NO_HSTS):
        headers += (("Strict-Transport-Security", "max-age=31536000"),)
    return Reply(200, headers, body, home=home)


def build_sandbox(platforms: list[Platform], seed: int, as_of: dt.date, *,
                  slow_delay: float = SLOW_DELAY) -> SandboxWeb:
    """Build the spec of every site; same inputs give byte-identical pages and truth."""
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
    mobile: dict[str, MobileSite] = {}
    for p in platforms:
        host = p.host
        if p.kind == "mobile_portal" and host and host.isascii() and host not in seen and host not in mobile:
            mobile[host] = mobile_mod.build_mobile_site(p, seed, as_of)
    seen |= set(mobile)
    foreign: dict[str, ForeignSite] = {}
    for p in platforms:
        host = p.host
        if p.kind == "foreign_site" and host and host.isascii() and host not in seen and host not in foreign:
            f = build_foreign_site(p, seed, as_of)
            if not any(h in seen or h in foreign for h in f.hosts()):
                foreign.update({h: f for h in f.hosts()})
    seen |= set(foreign)
    cn_domains: dict[str, CnDomainSite] = {}
    for p in platforms:
        if p.kind == "cn_domain" and p.host and p.url.lower().startswith(("http://", "https://")):
            try:
                c = build_cn_domain(p, seed, as_of)
            except UnicodeError:            # not a valid IDN: the registry let it through, DNS would not
                continue
            if c.ascii not in seen and c.ascii not in cn_domains and c.site_host not in seen:
                cn_domains[c.ascii] = c
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
    seen |= set(columns) | set(mailboxes)
    national = {h: n for n, h in NATIONAL_SITES if h not in seen}
    _link_sites(sites, national, seed)
    national.update({h: n for h, n in zip(REGISTRY_HOSTS, ("党政机关网站标识", "全国互联网安全管理服务平台",
                                                          "ICP/IP地址/域名信息备案管理系统")) if h not in seen})
    review = ReviewSandbox(list(platforms), seed, as_of) if any(p.kind in ("website", "column")
                                                                for p in platforms) else None
    return SandboxWeb(seed=seed, as_of=as_of, platforms=list(platforms), sites=sites, national=national,
                      slow_delay=slow_delay, mobile=mobile, newmedia=build_newmedia(list(platforms), seed, as_of),
                      foreign=foreign, cn_domains=cn_domains, columns=columns, mailboxes=mailboxes, review=review)


def _link_sites(sites: list[Site], national: dict[str, str], seed: int) -> None:
    """友情链接: 3–6 healthy campaign sites (same province first) and 2–4 national hosts, by homepage URL."""
    healthy = [s for s in sites if s.healthy]
    by_prov: dict[str, list[Site]] = {}
    for s in healthy:
        by_prov.setdefault(s.platform.province, []).append(s)
    nat = list(national.items())
    for s in sites:
        rng = random.Random(f"{seed}:{s.platform.id}:links")
        k = rng.randint(3, 6)
        picked: list[Site] = []
        same = [x for x in by_prov.get(s.platform.province, []) if x is not s]
        if same:
            picked += rng.sample(same, min(2, len(same)))
        for i in rng.sample(range(len(healthy)), min(k + 4, len(healthy))):
            x = healthy[i]
            if len(picked) >= k:
                break
            if x is not s and all(x is not y for y in picked):
                picked.append(x)
        s.friends = [(x.name, x.platform.url.strip()) for x in picked]
        s.nationals = [(n, f"http://{h}/") for h, n in rng.sample(nat, min(rng.randint(2, 4), len(nat)))]
