"""Link checking with one campaign-wide cache.

Thousands of government sites link to the same few targets (www.gov.cn, the provincial
portal, the 12345 hotline); checking each once per scan, not once per site, keeps the
scan fast and polite. Concurrent callers asking for a URL being checked await the same
future. The cache is bounded (``LINKS_CACHE_SIZE``, least recently used first out), and a
site's own (internal) links are checked with ``shared=False``: deduplicated within the
site by the probe, they are not kept campaign-wide, where a national scan's millions of
internal links would only crowd out the few shared targets; in-flight checks are never
evicted.

The cache is keyed by the normalised URL (:func:`link_key`: scheme and host in lower case, the
default port and the fragment dropped), so ``HTTP://WWW.GOV.CN:80/#top`` and ``http://www.gov.cn/``
are one check; path and query are kept as written (servers may tell their case apart).

HEAD comes first (no body to move); servers that refuse or mishandle HEAD (405, 501,
and the 400/403/406 some firewalls send, or a dropped connection) get one GET with a
small body cap, where a body over the cap still counts as a working link.
"""
from __future__ import annotations

import asyncio
from collections import OrderedDict
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from govlens.contract.observation import COMPLETED
from govlens.probes.net.fetch import Fetcher
from govlens.probes.net.fetch_counts import purpose
from govlens.probes.net.fetch_result import FetchResult
from govlens.settings import Settings

GET_RETRY_HTTP = frozenset({400, 403, 405, 406, 501})
GET_RETRY_STATUSES = frozenset({"connection_reset", "connection_error"})
GET_MAX_BYTES = 65_536
SECOND_CHANCE_STATUSES = frozenset({"timeout"})
SECOND_CHANCE_DELAY = 1.0            # seconds before a timed-out link is tried again (GET, twice the time)


_DEFAULT_PORTS = {"http": 80, "https": 443}


def link_key(url: str) -> str:
    """``url`` as the cache knows it: the same target written two ways is checked once."""
    try:
        parts = urlsplit(url)
        scheme, host, port = parts.scheme.lower(), (parts.hostname or ""), parts.port
    except ValueError:                   # a bad port: the fetcher says what is wrong with it
        return url
    if not host:
        return url
    netloc = host if ":" not in host else f"[{host}]"
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        netloc += f":{port}"
    if parts.username or parts.password:
        netloc = url.split("//", 1)[1].split("@", 1)[0] + "@" + netloc
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


@dataclass(slots=True, frozen=True)
class LinkResult:
    url: str
    status: str
    http_status: int | None
    elapsed_ms: float | None
    method: str
    final_url: str
    error: str | None
    content_type: str = ""

    @property
    def ok(self) -> bool:
        return self.status == COMPLETED

    @classmethod
    def from_fetch(cls, result: FetchResult) -> "LinkResult":
        status, error = result.status, result.error
        if status == "too_large":      # the target answered; its size is not our business here
            status, error = COMPLETED, None
        return cls(url=result.url, status=status, http_status=result.http_status,
                   elapsed_ms=result.elapsed_ms, method=result.method, final_url=result.final_url,
                   error=error, content_type=result.content_type)


class LinkChecker:
    """Checks link targets once per campaign (bounded LRU cache of futures)."""

    def __init__(self, fetcher: Fetcher, settings: Settings) -> None:
        self.fetcher = fetcher
        self.timeout = settings.getfloat("LINKS_TIMEOUT")
        self.max_entries = max(1, settings.getint("LINKS_CACHE_SIZE"))
        self.cache: OrderedDict[str, asyncio.Future[LinkResult]] = OrderedDict()
        self.checks = 0      # checks actually performed (cache misses)
        self.hits = 0

    def remember(self, result: FetchResult) -> None:
        """Seed the cache with a page the crawler fetched anyway (no second request)."""
        key = link_key(result.url)
        if key in self.cache:
            return
        future: asyncio.Future[LinkResult] = asyncio.get_running_loop().create_future()
        future.set_result(LinkResult.from_fetch(result))
        self._put(key, future)

    async def check(self, url: str, *, shared: bool = True) -> LinkResult:
        """The result of ``url``; ``shared=False`` checks it without keeping it in the campaign cache
        (a cached result is still used)."""
        key = link_key(url)
        if not shared and key not in self.cache:
            self.checks += 1
            return await self._check(url)
        future = self.cache.get(key)
        if future is not None:
            self.hits += 1
            self.cache.move_to_end(key)
            return await asyncio.shield(future)
        future = asyncio.get_running_loop().create_future()
        self._put(key, future)
        self.checks += 1
        try:
            result = await self._check(url)
        except BaseException as exc:   # only cancellation: fetch() never raises
            self.cache.pop(key, None)
            if not future.done():      # callers already waiting get a result, not our cancellation
                future.set_result(LinkResult(url=url, status="connection_error", http_status=None,
                                             elapsed_ms=None, method="HEAD", final_url=url,
                                             error=f"check interrupted: {type(exc).__name__}"))
            raise
        future.set_result(result)
        return result

    async def _check(self, url: str) -> LinkResult:
        with purpose("link"):
            return await self._check_once(url)

    async def _check_once(self, url: str) -> LinkResult:
        head = await self.fetcher.fetch(url, method="HEAD", timeout=self.timeout)
        if head.http_status in GET_RETRY_HTTP or head.status in GET_RETRY_STATUSES:
            get = await self.fetcher.fetch(url, method="GET", timeout=self.timeout, max_bytes=GET_MAX_BYTES)
            return LinkResult.from_fetch(get)
        if head.status in SECOND_CHANCE_STATUSES:
            # a link is broken when it fails twice: one timeout may be ours (a loaded scanner, a busy path)
            await asyncio.sleep(SECOND_CHANCE_DELAY)
            get = await self.fetcher.fetch(url, method="GET", timeout=2 * self.timeout, max_bytes=GET_MAX_BYTES)
            return LinkResult.from_fetch(get)
        return LinkResult.from_fetch(head)

    def _put(self, url: str, future: asyncio.Future[LinkResult]) -> None:
        self.cache[url] = future
        while len(self.cache) > self.max_entries:
            oldest, fut = next(iter(self.cache.items()))
            if not fut.done():
                break
            self.cache.popitem(last=False)
