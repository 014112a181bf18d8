"""A minimal sitemap reader: how many URLs, and the newest ``<lastmod>``.

Enough for the search-engine dimension (does the site tell crawlers what it has, and is
that list maintained?) without crawling the sitemap tree: the file is read once, bounded
in size, with a regular expression rather than an XML parser, so a malformed or huge
sitemap can neither fail the probe nor stall it. A sitemap index counts its child
sitemaps as URLs; their lastmod dates still say whether it is maintained.
"""
from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from govlens.probes.extract.dates import parse_iso_datetime
from govlens.probes.net.fetch import Fetcher
from govlens.probes.net.fetch_counts import purpose
from govlens.probes.net.fetch_result import FetchResult

MAX_SITEMAP_BYTES = 10_000_000
_LOC = re.compile(rb"<(?:\w+:)?loc>", re.I)
_LASTMOD = re.compile(rb"<(?:\w+:)?lastmod>\s*([^<\s]{4,40})\s*<", re.I)


@dataclass(slots=True)
class Sitemap:
    url: str
    present: bool = False
    url_count: int = 0
    newest_lastmod: date | None = None
    result: FetchResult | None = None

    def payload(self) -> dict[str, Any]:
        return {"present": self.present, "url_count": self.url_count,
                "newest_lastmod": self.newest_lastmod.isoformat() if self.newest_lastmod else None}


def parse_sitemap(body: bytes) -> tuple[int, date | None] | None:
    """``(url_count, newest_lastmod)`` of a sitemap body (XML or plain text), or None if not one."""
    if body[:2] == b"\x1f\x8b":
        try:
            body = gzip.decompress(body)[:MAX_SITEMAP_BYTES]
        except (OSError, EOFError):
            return None
    head = body[:1000].lower()
    if b"<urlset" in body[:5000].lower() or b"<sitemapindex" in body[:5000].lower():
        count = len(_LOC.findall(body))
        newest = None
        for raw in _LASTMOD.findall(body):
            d = parse_iso_datetime(raw.decode("ascii", "ignore"))
            if d and (newest is None or d > newest):
                newest = d
        return count, newest
    if b"<html" in head or b"<!doctype" in head:
        return None
    lines = [ln for ln in body.splitlines() if ln.strip().lower().startswith((b"http://", b"https://"))]
    return (len(lines), None) if lines else None


async def fetch_sitemap(fetcher: Fetcher, url: str) -> Sitemap:
    """Fetch and summarise one sitemap; never raises."""
    with purpose("sitemap"):
        result = await fetcher.fetch(url, max_bytes=MAX_SITEMAP_BYTES)
    sitemap = Sitemap(url=url, result=result)
    if result.http_status and result.http_status < 300 and result.status in ("completed", "too_large"):
        parsed = parse_sitemap(result.body)
        if parsed is not None:
            sitemap.present = True
            sitemap.url_count, sitemap.newest_lastmod = parsed
    return sitemap
