"""The national-scale benchmark's plain Scrapy contender: a CrawlSpider-like spider doing the same crawl.

The spider follows :class:`_national_crawl.SiteCrawl` (the same plan, bounds and URL rules as the bare
client) with Scrapy's own selectors (parsel: ``title::text``, ``a::attr(href)``, ``//body//text()``).
Scrapy as it ships, tuned only as its broad-crawl guide says: ``CONCURRENT_REQUESTS`` and
``CONCURRENT_REQUESTS_PER_DOMAIN`` matched to govlens's, AutoThrottle off, no delay, the
downloader-aware priority queue, logging at ERROR; ``ROBOTSTXT_OBEY`` on (its middleware fetches
each host's robots.txt), retries and redirects as they ship.

The sandbox is reached by :class:`LoopbackMiddleware`: each request's URL is pointed at the sandbox's
port on 127.0.0.1 with the real host in the ``Host`` header and the host as its download slot (so
per-host concurrency is per site), and the response gets its real URL back before any other middleware
or the spider sees it. Scrapy verifies no certificate (its default); it pools connections by
127.0.0.1:port, so it may reuse one TLS connection across sites — both only help Scrapy.
"""
from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlsplit

from _national_crawl import Bounds, SiteCrawl, Tally

ORIGINAL = "_loopback_url"


class LoopbackMiddleware:
    """Downloader middleware: the request goes to the sandbox on loopback, the response comes back as the host's."""

    def __init__(self, ports: dict[str, int]) -> None:
        self.ports = ports

    @classmethod
    def from_crawler(cls, crawler: Any) -> LoopbackMiddleware:
        return cls(crawler.settings.getdict("SANDBOX_PORTS"))

    def process_request(self, request: Any, spider: Any = None) -> None:
        parts = urlsplit(request.url)
        if ORIGINAL in request.meta or parts.scheme not in self.ports:
            return None
        request.meta[ORIGINAL] = request.url
        request.meta["download_slot"] = parts.hostname
        request.headers["Host"] = parts.netloc
        rest = parts.path + (f"?{parts.query}" if parts.query else "")
        request._set_url(f"{parts.scheme}://127.0.0.1:{self.ports[parts.scheme]}{rest or '/'}")  # noqa: SLF001
        return None

    def _restore(self, request: Any) -> None:
        original = request.meta.pop(ORIGINAL, None)
        if original is not None:
            request._set_url(original)  # noqa: SLF001 (a redirect or retry is built from the real URL)
            request.meta.pop("download_slot", None)
            del request.headers["Host"]

    def process_response(self, request: Any, response: Any, spider: Any = None) -> Any:
        original = request.meta.get(ORIGINAL)
        self._restore(request)
        return response.replace(url=original) if original else response

    def process_exception(self, request: Any, exception: Exception, spider: Any = None) -> None:
        self._restore(request)
        return None


def make_spider(urls: list[str], bounds: Bounds, tally: Tally) -> type:
    import scrapy

    class NationalSpider(scrapy.Spider):
        """Homepage, columns (hubs one level down), one article per column; robots and sitemap as govlens."""

        name = "national"

        async def start(self):  # Scrapy ≥ 2.13
            for home in urls:
                parts = urlsplit(home)
                crawl = SiteCrawl(home, bounds)
                yield scrapy.Request(home, self.parse_home, cb_kwargs={"crawl": crawl})
                yield scrapy.Request(f"{parts.scheme}://{parts.netloc}/sitemap.xml", self.parse_sitemap,
                                     dont_filter=True, meta={"handle_httpstatus_all": True})
                yield scrapy.Request(f"http://{parts.netloc}/", self.parse_http, dont_filter=True,
                                     meta={"dont_redirect": True, "handle_httpstatus_all": True})

        def extract(self, response: Any) -> list[str]:
            if b"text/html" not in (response.headers.get("Content-Type") or b""):
                return []
            links = [response.urljoin(h.strip()).split("#", 1)[0] for h in response.css("a::attr(href)").getall()
                     if h.strip() and not h.strip().startswith(("javascript:", "mailto:", "#"))]
            title = response.css("title::text").get() or ""
            text = " ".join(response.xpath("//body//text()").getall())
            tally.page(title, links, text)
            return links

        def parse_home(self, response: Any, crawl: SiteCrawl):
            for url, level in crawl.column_links(self.extract(response), 1):
                yield scrapy.Request(url, self.parse_column, cb_kwargs={"crawl": crawl, "level": level})

        def parse_column(self, response: Any, crawl: SiteCrawl, level: int):
            articles, deeper = crawl.after_column(self.extract(response), level)
            for url in articles:
                yield scrapy.Request(url, self.parse_article)
            for url, lv in deeper:
                yield scrapy.Request(url, self.parse_column, cb_kwargs={"crawl": crawl, "level": lv})

        def parse_article(self, response: Any):
            self.extract(response)

        def parse_sitemap(self, response: Any):
            return None

        def parse_http(self, response: Any):
            return None

    return NationalSpider


def run_scrapy(urls: list[str], state: dict, bounds: Bounds) -> tuple[Tally, float]:
    """Crawl ``urls`` with Scrapy in this process; (what it did, wall seconds of the crawl)."""
    from scrapy.crawler import CrawlerProcess

    tally = Tally()
    process = CrawlerProcess({
        "LOG_LEVEL": "ERROR", "TELNETCONSOLE_ENABLED": False, "ROBOTSTXT_OBEY": True,
        "CONCURRENT_REQUESTS": bounds.concurrency_total, "CONCURRENT_REQUESTS_PER_DOMAIN": bounds.concurrency_per_host,
        "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_TIMEOUT": bounds.timeout,
        "USER_AGENT": bounds.user_agent, "SCHEDULER_PRIORITY_QUEUE": "scrapy.pqueues.DownloaderAwarePriorityQueue",
        "DOWNLOADER_MIDDLEWARES": {"_national_scrapy.LoopbackMiddleware": 950},
        "SANDBOX_PORTS": {"http": state["http_port"], "https": state["https_port"]},
    })
    crawler = process.create_crawler(make_spider(urls, bounds, tally))
    process.crawl(crawler)
    started = time.perf_counter()
    process.start()
    reason = crawler.stats.get_value("finish_reason")
    if reason != "finished":            # stopped by a signal: a partial crawl must not pass for the whole
        raise SystemExit(f"Scrapy stopped before the end ({reason}) after "
                         f"{crawler.stats.get_value('response_received_count', 0)} responses")
    tally.requests = crawler.stats.get_value("downloader/request_count", 0)
    tally.sites = len(urls)
    return tally, time.perf_counter() - started
