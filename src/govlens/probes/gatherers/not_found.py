"""The not-found probe: what a site answers for a page that cannot exist (soft 404 check).

A site that answers "page not found" with ``200 OK`` tells search engines and link checkers
that every broken link works. The probe requests one made-up path per site,
``/govlens-404-<hash>.html`` (the hash of the platform id, so reruns ask the same path),
and writes a ``not_found`` observation ``{"path", "final_url", "title", "bytes",
"content_type"}`` with the answer's status. Judging (200 for a path that cannot exist) is
the indicator's.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from govlens.contract.observation import Observation
from govlens.probes.base import FollowUpProbe, ProbeContext, earlier_homepage
from govlens.registry.model import Platform

NAME = "not_found"


def made_up_path(platform_id: str) -> str:
    return f"/govlens-404-{hashlib.sha256(platform_id.encode('utf-8')).hexdigest()[:16]}.html"


class NotFoundProbe(FollowUpProbe):
    """Follows ``http_site`` (it needs a site that answers at all)."""

    name = NAME

    async def setup(self, ctx: ProbeContext) -> None:
        self.ctx = ctx

    def prepare(self, platform: Platform) -> bool:
        return bool(platform.host) and platform.kind in ("website", "column", "foreign_site", "mobile_portal", "")

    async def follow_up(self, platform: Platform, earlier: Sequence[Observation]) -> list[Observation]:
        assert self.ctx is not None, "setup() first"
        home = earlier_homepage(earlier)
        if earlier and home is None:
            return []                    # the homepage never loaded: a 404 check would say nothing
        base = ((home.data or {}).get("final_url") or home.url) if home is not None else platform.url
        parts = urlsplit(base)
        path = made_up_path(platform.id)
        url = f"{parts.scheme}://{parts.netloc}{path}"
        r = await self.ctx.fetcher.fetch(url, max_bytes=200_000)
        title = None
        if r.body and r.is_html:
            text, _, _ = r.text()
            node = LexborHTMLParser(text).css_first("title")
            title = " ".join(node.text().split())[:120] if node is not None else None
        data = {"path": path, "final_url": r.final_url, "title": title, "bytes": len(r.body),
                "content_type": r.content_type[:80], "error": r.error}
        return [Observation(platform_id=platform.id, probe=NAME, kind="not_found", url=url, status=r.status,
                            http_status=r.http_status, elapsed_ms=r.elapsed_ms, data=data)]
