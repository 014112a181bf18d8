"""The crawl the national-scale benchmark's other contenders do, and the bare aiohttp + selectolax one.

What every contender does on each site (the same work as govlens's ``http_site`` probe with one
homepage visit and no link checks):

- ``robots.txt`` (obeyed), the sitemap it names (or ``/sitemap.xml``), and ``http://host/`` without
  following redirects (govlens's https check);
- the homepage, then the internal links that look like column pages, in page order, at most
  ``CRAWL_MAX_COLUMNS`` per site: a column page with article links gives ``CRAWL_ARTICLES_PER_COLUMN``
  of them, one without is a section hub whose column links are followed one level down
  (``CRAWL_MAX_DEPTH`` levels below the homepage); at most ``CRAWL_MAX_PAGES`` pages per site;
- from every page: the title, every link (absolute) and the text.

The URL rules (:data:`COLUMN_URL`, :data:`ARTICLE_URL`) are the benchmark's own, written after the
sandbox's URL shapes; :class:`SiteCrawl` is the per-site plan both other contenders follow, so that
Scrapy and the bare client fetch the same pages. It is hand-written because it *is* the workload.
"""
from __future__ import annotations

import asyncio
import re
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

COLUMN_URL = re.compile(r"/(?:col|column|channel|list|lm|lanmu|node|class|category|zwgk|xxgk|tzgg|zwdt|"
                        r"news|xwzx|gzdt|zcfg|zcwj)[/_.-]|index(?:_\d+)?\.s?html?$|list[\w-]*\.\w+$", re.I)
ARTICLE_URL = re.compile(r"/(?:art|article|content|detail|show)[/_]|/t\d{8}_|/20\d{2}[/-]?\d{2}[/-]?\d{2}", re.I)
FILE_URL = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|jpe?g|png|gif|css|js)$", re.I)


@dataclass(frozen=True)
class Bounds:
    """govlens's crawl bounds and concurrency, passed to every contender alike."""

    max_pages: int = 60
    max_columns: int = 24
    max_depth: int = 2
    articles_per_column: int = 1
    concurrency_total: int = 256
    concurrency_per_host: int = 4
    concurrency_sites: int = 64
    timeout: float = 15.0
    user_agent: str = "govlens-bench"

    @classmethod
    def from_settings(cls, settings: Any) -> Bounds:
        return cls(settings.getint("CRAWL_MAX_PAGES"), settings.getint("CRAWL_MAX_COLUMNS"),
                   settings.getint("CRAWL_MAX_DEPTH"), settings.getint("CRAWL_ARTICLES_PER_COLUMN"),
                   settings.getint("CONCURRENCY_TOTAL"), settings.getint("CONCURRENCY_PER_HOST"),
                   settings.getint("CONCURRENCY_SITES"), settings.getfloat("HTTP_TIMEOUT"),
                   settings["HTTP_USER_AGENT"])


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


@dataclass
class SiteCrawl:
    """One site's crawl plan: which links to fetch next, within the bounds (counted when planned)."""

    url: str
    bounds: Bounds
    planned: int = 1                 # pages planned so far (the homepage)
    columns: int = 0                 # column candidates planned
    seen: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.host = _host(self.url)
        self.seen.add(self.url)

    def _fresh(self, url: str) -> bool:
        if url in self.seen or _host(url) != self.host or FILE_URL.search(url):
            return False
        self.seen.add(url)
        return True

    def column_links(self, links: list[str], level: int) -> list[tuple[str, int]]:
        """The column pages to fetch from a page's links (``level`` 1 = linked from the homepage)."""
        out = []
        b = self.bounds
        for url in links:
            if self.columns >= b.max_columns or self.planned >= b.max_pages:
                break
            path = urlsplit(url).path or "/"
            if path == "/" or not COLUMN_URL.search(path) or ARTICLE_URL.search(path) or not self._fresh(url):
                continue
            self.columns += 1
            self.planned += 1
            out.append((url, level))
        return out

    def after_column(self, links: list[str], level: int) -> tuple[list[str], list[tuple[str, int]]]:
        """Articles to fetch from a column page, or (a hub: no article links) its columns one level down."""
        articles = [u for u in links if ARTICLE_URL.search(urlsplit(u).path)]
        if not articles:
            return [], (self.column_links(links, level + 1) if level < self.bounds.max_depth else [])
        out = []
        for url in articles:
            if len(out) >= self.bounds.articles_per_column or self.planned >= self.bounds.max_pages:
                break
            if self._fresh(url):
                self.planned += 1
                out.append(url)
        return out, []


@dataclass
class Tally:
    """What a contender did: sites, HTML pages extracted, requests sent, extracted sizes (a checksum)."""

    sites: int = 0
    pages: int = 0
    requests: int = 0
    links: int = 0
    text_chars: int = 0

    def page(self, title: str, links: list[str], text: str) -> None:
        self.pages += 1
        self.links += len(links)
        self.text_chars += len(text) + len(title)


# ------------------------------------------------------------------------------------- bare aiohttp + selectolax
def extract(html: str, base: str) -> tuple[str, list[str], str]:
    """Title, absolute links and text of a page, with selectolax's lexbor parser."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    title = title_node.text(strip=True) if title_node is not None else ""
    links = []
    for a in tree.css("a[href]"):
        href = (a.attributes.get("href") or "").strip()
        if href and not href.startswith(("javascript:", "mailto:", "#")):
            links.append(urljoin(base, href).split("#", 1)[0])
    body = tree.body
    return title, links, body.text(separator=" ") if body is not None else ""


async def bare_crawl(urls: list[str], state: dict, bounds: Bounds) -> Tally:
    """Crawl ``urls`` (homepages) with aiohttp and selectolax: ``concurrency_sites`` sites at a time."""
    import aiohttp
    from protego import Protego

    from _sandbox_bench import LoopbackResolver, sandbox_ssl

    tally = Tally()
    connector = aiohttp.TCPConnector(limit=bounds.concurrency_total, limit_per_host=bounds.concurrency_per_host,
                                     resolver=LoopbackResolver(state), ssl=sandbox_ssl(state))
    timeout = aiohttp.ClientTimeout(total=bounds.timeout)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout,
                                     headers={"User-Agent": bounds.user_agent}) as session:
        async def get(url: str, redirects: bool = True) -> tuple[int, str, str]:
            tally.requests += 1
            try:
                async with session.get(url, allow_redirects=redirects) as resp:
                    tally.requests += len(resp.history)
                    body = await resp.read()
                    html = "text/html" in resp.headers.get("content-type", "")
                    text = body.decode(resp.get_encoding(), errors="replace") if html or url.endswith(".txt") \
                        else body.decode("utf-8", errors="replace")
                    return resp.status, str(resp.url), text
            except (aiohttp.ClientError, asyncio.TimeoutError, LookupError):
                return 0, url, ""

        async def page(url: str) -> list[str]:
            status, final, html = await get(url)
            if status != 200 or not html:
                return []
            title, links, text = extract(html, final)
            tally.page(title, links, text)
            return links

        async def site(home: str) -> None:
            origin = f"{urlsplit(home).scheme}://{urlsplit(home).netloc}"
            _, _, robots_txt = await get(origin + "/robots.txt")
            robots = Protego.parse(robots_txt)
            sitemap = next(iter(robots.sitemaps), origin + "/sitemap.xml")
            https = asyncio.ensure_future(get(f"http://{urlsplit(home).netloc}/", redirects=False))
            await get(sitemap)
            crawl = SiteCrawl(home, bounds)
            links = await page(home)
            wave = crawl.column_links(links, 1)
            articles: list[str] = []
            while wave:
                allowed = [(u, lv) for u, lv in wave if robots.can_fetch(u, bounds.user_agent)]
                results = await asyncio.gather(*(page(u) for u, _ in allowed))
                wave = []
                for (_, level), found in zip(allowed, results):
                    arts, deeper = crawl.after_column(found, level)
                    articles += arts
                    wave += deeper
            await asyncio.gather(*(page(u) for u in articles if robots.can_fetch(u, bounds.user_agent)))
            await https
            tally.sites += 1

        todo = iter(urls)

        async def worker() -> None:
            for home in todo:
                await site(home)

        await asyncio.gather(*(worker() for _ in range(min(bounds.concurrency_sites, len(urls)))))
    return tally


def run_bare(urls: list[str], state: dict, bounds: Bounds) -> tuple[Tally, float]:
    started = time.perf_counter()
    tally = asyncio.run(bare_crawl(urls, state, bounds))
    return tally, time.perf_counter() - started
