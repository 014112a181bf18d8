"""Synthetic Chinese government domain names (中文政务域名, ``.政务``; series 8), with their DNS and their sites.

A platform of kind ``cn_domain`` has a URL such as ``http://浙江省人民政府.政务/``. The name arrives at
the sandbox as punycode (IDNA 2008, as browsers, aiohttp and dnspython encode it): DNS queries for
``xn--….xn--zfr164b`` at the sandbox DNS server and HTTP requests with that ``Host`` header.

:func:`build_cn_domain` draws one state per name from ``random.Random(f"{seed}:{id}:cndomain")`` (so a
name depends only on the seed and itself), one of the seed's four check points failing or none:

- ``cn_domain_unregistered``: DNS answers NXDOMAIN, and no web server knows the name;
- ``cn_domain_unreachable``: registered, but pointing nowhere — either DNS answers without an
  address (``no_address``), or the address has no website for the name (``no_server``: the
  sandbox server answers its "unknown host" 404);
- ``cn_domain_no_site``: the name answers with a parking page of the registration service (on the
  name itself, or after a redirect to a shared parking host), not with an independent website;
- ``cn_domain_not_shown``: the name leads to the organ's website (served on the name, or after a
  301/302 to the site's ASCII host), whose homepage header and footer do not show the Chinese name
  (sometimes it is mentioned in a news item in the middle of the page, which is not prominent);
- otherwise the homepage shows the name in its header (text or an image's alt), its footer, or both,
  written with an ASCII or a full-width dot.

The sites are small (header, navigation, a dated news list, article pages, footer) and UTF-8.
"""
from __future__ import annotations

import datetime as dt
import random
import zlib
from dataclasses import dataclass, field
from html import escape

import idna

from govlens.contract import defects as D
from govlens.registry.model import Platform
from govlens.sandbox.site import Item

RATE_UNREGISTERED = 0.11
RATE_UNREACHABLE = 0.11
RATE_NO_SITE = 0.11
RATE_NOT_SHOWN = 0.15
PARKING_HOST = "park.zwgy-reg.cn"        # the registration service's shared parking page (made up)
SUFFIX = "政务"
_NEWS = ("{org}召开年度重点工作推进会", "{org}开展政务公开专项检查", "{org}部署冬季安全生产工作",
         "{org}举办业务培训班", "{org}发布年度工作要点", "{org}召开党风廉政建设工作会议",
         "{org}组织开展便民服务进社区活动", "{org}公布行政权力清单", "{org}召开干部职工大会",
         "{org}深入基层开展调研")
_NAV = (("首页", "/"), ("机构概况", "/jggk/index.html"), ("政务公开", "/zwgk/index.html"),
        ("办事服务", "/bsfw/index.html"), ("互动交流", "/hdjl/index.html"), ("专题专栏", "/ztzl/index.html"))


@dataclass(eq=False)
class CnDomainSite:
    """One ``.政务`` name: its DNS answer and what its web answers (see the module docstring)."""

    platform: Platform
    idn: str                       # 浙江省人民政府.政务
    ascii: str                     # xn--….xn--zfr164b
    org: str                       # 浙江省人民政府
    kind: str | None               # the injected defect kind, or None
    variant: str                   # how the state shows (see build_cn_domain)
    site_host: str                 # ASCII host of the organ's own website (redirect variants)
    serve: str                     # direct | redirect301 | redirect302
    shown: str                     # header | header_img | footer | both | nowhere | body
    dot: str                       # "." or "．" as the page writes the name
    header_tag: str                # how the page marks its header and footer
    items: list[Item] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.platform.url.strip()

    @property
    def registered(self) -> bool:
        return self.kind != D.CN_DOMAIN_UNREGISTERED

    def dns_record(self) -> tuple[bool, bool] | None:
        """(A, AAAA) for the sandbox DNS server; None = NXDOMAIN."""
        if not self.registered:
            return None
        if self.variant == "no_address":
            return (False, False)
        return (True, True)

    def http_hosts(self) -> list[str]:
        """Hosts the sandbox's resolver sends to the server (a name without an address has none)."""
        if not self.registered or self.variant == "no_address":
            return []
        hosts = [self.ascii]
        if self.serve.startswith("redirect") and self.kind in (None, D.CN_DOMAIN_NOT_SHOWN):
            hosts.append(self.site_host)
        if self.variant == "parking_redirect":
            hosts.append(PARKING_HOST)
        return hosts

    def serves(self, host: str) -> bool:
        """Does the server answer for ``host`` with content (a no_server name it does not)?"""
        if self.variant == "no_server":
            return False
        return host in self.http_hosts()

    def defects(self) -> list[dict[str, str]]:
        return [{"kind": self.kind, "url": self.url}] if self.kind else []

    # ------------------------------------------------------------------ pages
    def respond(self, host: str, path: str) -> tuple[int, tuple[tuple[str, str], ...], bytes]:
        html = (("Content-Type", "text/html; charset=utf-8"), ("Server", "nginx"))
        if self.kind == D.CN_DOMAIN_NO_SITE:
            if self.variant == "parking_redirect" and path in ("/", "/index.html"):
                return 302, (("Location", f"http://{PARKING_HOST}/?d={self.ascii}"),), b""
            if path in ("/", "/index.html"):
                return 200, html, parking_page(self.idn, self.org).encode("utf-8")
            return 404, html, _not_found().encode("utf-8")
        if host == self.ascii and self.serve.startswith("redirect"):
            code = 301 if self.serve == "redirect301" else 302
            return code, (("Location", f"http://{self.site_host}{path}"),), b""
        if path in ("/", "/index.html", "/index.htm"):
            return 200, html, self.home().encode("utf-8")
        for it in self.items:
            if it.path == path:
                return 200, html, self.article(it).encode("utf-8")
        for title, href in _NAV[1:]:
            if href == path:
                return 200, html, self.section(title).encode("utf-8")
        return 404, html, _not_found().encode("utf-8")

    def written_name(self) -> str:
        return self.idn.replace(".", self.dot)

    def _header(self) -> str:
        name = escape(self.written_name())
        extra = ""
        if self.shown in ("header", "both"):
            extra = f'<p class="cn-domain">中文域名：{name}</p>'
        elif self.shown == "header_img":
            extra = f'<img src="/images/zwym.png" alt="中文域名：{name}">'
        inner = (f'<div class="logo"><img src="/images/logo.png" alt="{escape(self.org)}">'
                 f'<span class="site-name">{escape(self.org)}</span></div>{extra}')
        return self._wrapped(inner, "header", "top")

    def _footer(self) -> str:
        line = ""
        if self.shown in ("footer", "both"):
            line = f"<p>中文域名：{escape(self.written_name())}</p>"
        code = zlib.crc32(self.platform.id.encode()) % 10**10
        inner = (f'<p>主办单位：{escape(self.org)}　联系电话：0{code % 1000:03d}-{code % 10**7:07d}</p>{line}'
                 f'<p>网站标识码：{code:010d}　ICP备{code % 10**8:08d}号</p>')
        return self._wrapped(inner, "footer", "bottom")

    def _wrapped(self, inner: str, part: str, anchor: str) -> str:
        """The header or footer in the markup the site uses: its HTML5 element, a div with an id, or a classed div."""
        if self.header_tag == "tag":
            return f"<{part}>{inner}</{part}>\n"
        if self.header_tag == "id":
            return f'<div id="{anchor}">{inner}</div>\n'
        return f'<div class="{part}">{inner}</div>\n'

    def _page(self, title: str, main: str) -> str:
        nav = "".join(f'<li><a href="{h}">{t}</a></li>' for t, h in _NAV)
        return ('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
                '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                f"<title>{escape(title)}</title>\n</head>\n<body>\n{self._header()}"
                f'<div class="nav"><ul>{nav}</ul></div>\n<div class="main">\n{main}</div>\n{self._footer()}'
                "</body>\n</html>\n")

    def home(self) -> str:
        lis = "".join(f'<li><a href="{it.path}">{escape(it.title)}</a><span class="date">{it.date.isoformat()}'
                      "</span></li>\n" for it in self.items)
        zt = "".join(f'<a href="/ztzl/index.html#{i}">专题{i}</a>' for i in range(1, 5))
        main = (f'<div class="news"><h2>工作动态</h2><ul>\n{lis}</ul></div>\n'
                f'<div class="zt"><h2>专题专栏</h2>{zt}</div>\n')
        return self._page(self.org, main)

    def article(self, it: Item) -> str:
        text = (f"<h1>{escape(it.title)}</h1><p>发布时间：{it.date.isoformat()}</p>"
                f"<p>　　近日，{escape(self.org)}认真贯彻落实有关工作部署，结合实际，扎实推进各项工作。</p>")
        return self._page(f"{it.title} - {self.org}", text)

    def section(self, title: str) -> str:
        return self._page(f"{title} - {self.org}", f"<h1>{escape(title)}</h1><p>{escape(self.org)}{escape(title)}。</p>")


def parking_page(idn: str, org: str) -> str:
    """The registration service's page for a name without a website of its own."""
    return ('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{escape(idn)}</title>\n</head>\n<body>\n<h1>{escape(idn)}</h1>\n"
            f"<p>该中文政务域名已由{escape(org)}注册，网站正在建设中。</p>\n"
            '<p><a href="http://www.zwgy-reg.cn/">政务和公益机构域名注册管理中心</a></p>\n</body>\n</html>\n')


def _not_found() -> str:
    return ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>404</title></head>'
            "<body><h1>404 页面不存在</h1></body></html>\n")


def to_ascii(host: str) -> str:
    """The punycode form of a host (IDNA 2008, UTS 46 mapping); ASCII hosts are returned lowered."""
    host = host.strip().rstrip(".").lower()
    if host.isascii():
        return host
    return idna.encode(host, uts46=True).decode("ascii")


def build_cn_domain(platform: Platform, seed: int, as_of: dt.date) -> CnDomainSite:
    """Draw one name's state and site from its own stream."""
    rng = random.Random(f"{seed}:{platform.id}:cndomain")
    idn = platform.host
    org = idn[: -len(SUFFIX) - 1] if idn.endswith("." + SUFFIX) else idn.split(".")[0]
    r = rng.random()
    kind: str | None = None
    cut = 0.0
    for rate, k in ((RATE_UNREGISTERED, D.CN_DOMAIN_UNREGISTERED), (RATE_UNREACHABLE, D.CN_DOMAIN_UNREACHABLE),
                    (RATE_NO_SITE, D.CN_DOMAIN_NO_SITE), (RATE_NOT_SHOWN, D.CN_DOMAIN_NOT_SHOWN)):
        cut += rate
        if kind is None and r < cut:
            kind = k
    variant = {D.CN_DOMAIN_UNREACHABLE: rng.choice(("no_address", "no_server")),
               D.CN_DOMAIN_NO_SITE: rng.choice(("parking", "parking_redirect")),
               D.CN_DOMAIN_NOT_SHOWN: rng.choice(("nowhere", "body")),
               D.CN_DOMAIN_UNREGISTERED: "nxdomain"}.get(kind, "ok")   # type: ignore[arg-type]
    serve = rng.choices(("direct", "redirect301", "redirect302"), (0.4, 0.4, 0.2))[0]
    shown = rng.choice(("header", "header_img", "footer", "footer", "both")) if kind is None else (
        variant if kind == D.CN_DOMAIN_NOT_SHOWN else "nowhere")
    label = f"{zlib.crc32(platform.id.encode()):08x}"
    items = []
    day = as_of - dt.timedelta(days=rng.randint(0, 6))
    for j in range(rng.randint(7, 10)):
        title = rng.choice(_NEWS).format(org=org)
        items.append(Item(title, day, f"/xwdt/{day:%Y%m}/t{day:%Y%m%d}_{rng.randint(1000, 9999)}{j}.html"))
        day -= dt.timedelta(days=rng.randint(1, 9))
    if shown == "body":     # mentioned, but only in the middle of the page
        items.insert(2, Item(f"{org}正式启用中文政务域名“{idn}”", items[1].date, f"/xwdt/zwym_{label}.html"))
    return CnDomainSite(platform=platform, idn=idn, ascii=to_ascii(idn), org=org, kind=kind, variant=variant,
                        site_host=f"www.zw{label}.gov.cn", serve=serve, shown=shown,
                        dot=rng.choice((".", ".", "．")), header_tag=rng.choice(("class", "id", "tag")), items=items)


# organs of the made-up names (name suffix, level)
_ORGANS = (("人民政府", None), ("民政局", "department"), ("机构编制委员会办公室", "party"), ("林业局", "department"),
           ("卫生局", "department"), ("委组织部", "party"), ("公安局", "department"), ("教育局", "department"))


def generate_cn_domains(n: int, seed: int, *, start: int = 1) -> list[Platform]:
    """``n`` made-up ``.政务`` names (ids ``zw-00001`` …) of real cities and counties, for detection tests."""
    from govlens.registry.model import region_of
    from govlens.sandbox.names import city_full, provinces

    rng = random.Random(f"{seed}:cn_domains")
    places = []
    for prov in provinces():
        if prov.municipality:
            places += [(prov.name, f"{prov.full}{d.name}", "county") for d in prov.districts]
            continue
        for city in prov.cities:
            places.append((prov.name, city_full(city), "prefecture"))
            places += [(prov.name, f"{city_full(city)}{c.name}" if c.name.endswith("区") else c.name, "county")
                       for c in city.counties]
    out: list[Platform] = []
    seen: set[str] = set()
    i = start
    while len(out) < n:
        province, place, level = rng.choice(places)
        organ, org_type = rng.choice(_ORGANS)
        name = f"{place}{organ}"
        if name in seen:
            continue
        seen.add(name)
        out.append(Platform(id=f"zw-{i:05d}", name=f"{name}.{SUFFIX}", kind="cn_domain",
                            org_type=org_type or "government", level=level, province=province,
                            region=region_of(province, level), url=f"http://{name}.{SUFFIX}/", group="cn_domain"))
        i += 1
    return out
