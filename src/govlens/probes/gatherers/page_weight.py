"""The page-weight probe: how heavy the homepage is and how many requests it makes.

The homepage's sub-resources (scripts, stylesheets, images: the ``resources`` the page
extraction lists, at most ``MAX_RESOURCES``) are asked for with ``HEAD``, and their
``Content-Length`` summed with the HTML's own size. One ``page_weight`` observation per
site: ``{"html_bytes", "requests", "resource_bytes", "total_bytes", "unknown_sizes",
"failed", "largest": [{"url", "bytes"}]}``; ``requests`` counts the HTML and every
sub-resource. A resource without a length is counted as a request of unknown size.
The browser probe measures the same as a browser does; this is what one HTTP pass can.
"""
from __future__ import annotations

import asyncio
from collections.abc import Sequence

from govlens.contract.observation import COMPLETED, Observation
from govlens.probes.base import FollowUpProbe, ProbeContext, earlier_homepage
from govlens.registry.model import Platform

NAME = "page_weight"


class PageWeightProbe(FollowUpProbe):
    """Follows ``http_site``: sizes of the homepage's sub-resources."""

    name = NAME

    async def setup(self, ctx: ProbeContext) -> None:
        self.ctx = ctx

    def prepare(self, platform: Platform) -> bool:
        return platform.kind in ("website", "column", "foreign_site", "mobile_portal", "")

    async def follow_up(self, platform: Platform, earlier: Sequence[Observation]) -> list[Observation]:
        assert self.ctx is not None, "setup() first"
        home = earlier_homepage(earlier)
        if home is None:
            return []
        data = home.data or {}
        urls = list((data.get("resources") or {}).get("urls") or [])
        results = await asyncio.gather(*(self.ctx.fetcher.fetch(u, method="HEAD") for u in urls))
        sizes: list[tuple[str, int]] = []
        unknown = failed = 0
        for url, r in zip(urls, results):
            if r.status != COMPLETED:
                failed += 1
                continue
            length = r.headers.get("content-length", "")
            if length.isdigit():
                sizes.append((url, int(length)))
            else:
                unknown += 1
        html_bytes = int(data.get("bytes") or 0)
        resource_bytes = sum(b for _, b in sizes)
        largest = [{"url": u, "bytes": b} for u, b in sorted(sizes, key=lambda x: -x[1])[:5]]
        payload = {"html_bytes": html_bytes, "requests": 1 + len(urls), "resource_bytes": resource_bytes,
                   "total_bytes": html_bytes + resource_bytes, "unknown_sizes": unknown, "failed": failed,
                   "largest": largest}
        return [Observation(platform_id=platform.id, probe=NAME, kind="page_weight",
                            url=data.get("final_url") or home.url, status=COMPLETED, data=payload)]
