"""robots.txt: fetched once per site, parsed with protego (Google's matching rules).

The crawler asks :meth:`Robots.can_fetch` before every column or article page when
``ROBOTS_OBEY`` is on: a government site that disallows crawling is evaluated on what it
allows, and a refused page is recorded as ``blocked_by_robots``, not as a defect of the
site. A missing robots.txt (any 4xx) allows everything, as RFC 9309 says; a robots.txt
that cannot be fetched (5xx, network failure) is treated as "allow" too but recorded as
not present, so the observation stays honest about what was seen.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from protego import Protego

from govlens.probes.extract.charset import decode_html
from govlens.probes.net.fetch import Fetcher
from govlens.probes.net.fetch_counts import purpose
from govlens.probes.net.fetch_result import FetchResult

MAX_ROBOTS_BYTES = 512_000     # Google reads the first 500 KiB
_UA_TOKEN = "govlens"


@dataclass(slots=True)
class Robots:
    """A parsed robots.txt (or its absence) and the fetch that got it."""

    url: str
    present: bool = False
    size: int = 0
    sitemaps: list[str] = field(default_factory=list)
    disallows_all: bool = False
    parser: Any = None
    result: FetchResult | None = None

    def can_fetch(self, url: str, user_agent: str = _UA_TOKEN) -> bool:
        if self.parser is None:
            return True
        try:
            return bool(self.parser.can_fetch(url, user_agent))
        except Exception:  # protego on a pathological URL: do not block the crawl on our bug
            return True

    def payload(self) -> dict[str, Any]:
        return {"present": self.present, "bytes": self.size, "sitemaps": self.sitemaps[:20],
                "disallows_all": self.disallows_all}


def parse_robots(url: str, text: str, origin: str) -> Robots:
    """Parse robots.txt ``text`` found at ``url``; ``origin`` (``https://host``) tests disallow-all."""
    robots = Robots(url=url, present=True, size=len(text.encode("utf-8", "replace")))
    try:
        parser = Protego.parse(text)
    except Exception:
        return robots
    robots.parser = parser
    try:
        robots.sitemaps = [s.strip() for s in parser.sitemaps if s and s.strip()][:50]
    except Exception:
        robots.sitemaps = []
    root = origin.rstrip("/") + "/"
    robots.disallows_all = not robots.can_fetch(root) and not robots.can_fetch(root + "index.html")
    return robots


async def fetch_robots(fetcher: Fetcher, origin: str) -> Robots:
    """Fetch and parse ``origin/robots.txt``; never raises."""
    url = origin.rstrip("/") + "/robots.txt"
    with purpose("robots"):
        result = await fetcher.fetch(url, max_bytes=MAX_ROBOTS_BYTES)
    if result.status in ("completed", "too_large") and result.http_status and result.http_status < 300:
        text, _, _ = decode_html(result.body, result.content_type or "text/plain; charset=utf-8")
        if "<html" in text[:500].lower():   # a soft 404 serving the homepage is not a robots.txt
            return Robots(url=url, result=result)
        robots = parse_robots(url, text, origin)
        robots.size = len(result.body)
        robots.result = result
        return robots
    return Robots(url=url, result=result)
