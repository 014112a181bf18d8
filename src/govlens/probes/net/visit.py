"""A cheap visit: does the homepage open? A small GET through the campaign's fetcher.

The availability monitor makes 147 visits per site over a week (census: > 20 a day), 14.7 million
for 100,000 sites. A visit needs the census's answer only, "did the page open within 15 s", not
the page: :func:`peek` sends a GET, follows redirects, and reads the status, the kept headers and
the first ``read_bytes`` of the body, then drops the connection (a body that fits is read whole and
its connection kept alive as usual). Nothing is decoded or extracted.

Why a small GET and not HEAD: a HEAD answer does not show that the page itself is served. Servers
answer HEAD from a cache or a front end while the page behind them fails (the sandbox's
``intermittent_outage`` answers every HEAD and every other GET), some CMS front ends refuse HEAD
(405) for pages that open, and a page that never sends its body still opens for HEAD. The census
judges what a visitor gets: an answered GET with the first bytes of the page.

Why through :meth:`Fetcher.fetch` (its ``max_bytes`` cap): the visit keeps every guard of the
campaign's requests (target checks on every hop, sandbox resolution, bounds, the time budget of
``MONITOR_TIMEOUT`` redirects included). ``fetch`` calls a body longer than its cap ``too_large``;
for a visit that cap is ours, so such an answer opened: :func:`opened` says so.
"""
from __future__ import annotations

from govlens.contract import statuses as S
from govlens.contract.observation import COMPLETED
from govlens.probes.net.fetch import Fetcher
from govlens.probes.net.fetch_result import FetchResult


async def peek(fetcher: Fetcher, url: str, read_bytes: int, timeout: float) -> FetchResult:
    """GET ``url`` reading at most ``read_bytes`` of the body, within ``timeout`` seconds."""
    return opened(await fetcher.fetch(url, max_bytes=max(1, read_bytes), timeout=timeout))


def opened(result: FetchResult) -> FetchResult:
    """A body cut at the visit's own cap is a page that opened (or an HTTP error that answered)."""
    if result.status == S.TOO_LARGE and result.http_status is not None:
        if result.http_status >= 400:
            result.status, result.error = S.HTTP_ERROR, f"HTTP {result.http_status}"
        else:
            result.status, result.error = COMPLETED, None
    return result
