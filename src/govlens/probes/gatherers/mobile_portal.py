"""The mobile-portal probe: what a phone sees of a mobile portal (移动门户, series 3).

Lifecycle (see :mod:`govlens.probes.base`): ``setup`` opens a fetcher of its own that sends a
phone's user agent (``MOBILE_USER_AGENT``) through the same bounds, resolver and sandbox mode
as the campaign's; ``prepare`` accepts platforms of kind ``mobile_portal``; ``probe``:

a. fetches the homepage → ``mobile_page``: viewport, fixed layout widths wider than
   ``MOBILE_SCREEN_PX`` (inline ``width:…px`` styles and ``width`` attributes of block elements),
   the homepage's bytes and time;
b. fetches its stylesheets, scripts and images (``MOBILE_MAX_RESOURCES``), concurrently as a
   browser would → ``mobile_resource`` each (bytes, time); the page weight is the sum, the load
   time the homepage's time plus the slowest resource;
c. checks every internal link of the homepage with a GET → ``mobile_link`` each.

It never scores; payloads are documented in ``docs/observations.md``.
"""
from __future__ import annotations

import asyncio
import re
from typing import Any
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from govlens.contract.observation import COMPLETED, Observation
from govlens.probes.base import Probe, ProbeContext
from govlens.probes.net.fetch import Fetcher
from govlens.probes.net.fetch_result import FetchResult
from govlens.registry.model import Platform
from govlens.settings import Settings

NAME = "mobile_portal"
MAX_LINKS = 60
_WIDTH = re.compile(r"(?<![-\w])width\s*:\s*(\d{3,5})px", re.I)
_BLOCKS = ("body", "div", "table", "section", "main", "header", "footer", "center", "form", "ul")


def page_facts(html: str, base_url: str, screen_px: int) -> dict[str, Any]:
    """Viewport, fixed widths, resources and internal links of a mobile homepage."""
    tree = LexborHTMLParser(html)
    viewport = None
    for meta in tree.css("meta[name]"):
        if (meta.attributes.get("name") or "").strip().lower() == "viewport":
            viewport = (meta.attributes.get("content") or "").strip()[:200]
            break
    fixed: list[dict[str, Any]] = []
    for node in tree.css(",".join(_BLOCKS)):
        style = node.attributes.get("style") or ""
        for m in _WIDTH.finditer(style):
            if int(m.group(1)) > screen_px:
                fixed.append({"tag": node.tag, "width": int(m.group(1)), "source": "style"})
        attr = (node.attributes.get("width") or "").strip()
        if attr.isdigit() and int(attr) > screen_px:
            fixed.append({"tag": node.tag, "width": int(attr), "source": "attribute"})
    resources: list[dict[str, str]] = []
    for node in tree.css("link[rel][href]"):
        if "stylesheet" in (node.attributes.get("rel") or "").lower():
            resources.append({"url": urljoin(base_url, node.attributes["href"] or ""), "type": "css"})
    for node in tree.css("script[src]"):
        resources.append({"url": urljoin(base_url, node.attributes["src"] or ""), "type": "script"})
    for node in tree.css("img[src]"):
        resources.append({"url": urljoin(base_url, node.attributes["src"] or ""), "type": "image"})
    host = (urlsplit(base_url).hostname or "").lower()
    links: list[str] = []
    for node in tree.css("a[href]"):
        url = urljoin(base_url, (node.attributes.get("href") or "").strip()).split("#", 1)[0]
        if url.startswith(("http://", "https://")) and (urlsplit(url).hostname or "").lower() == host \
                and url not in links and url != base_url:
            links.append(url)
    seen: set[str] = set()
    unique = [r for r in resources if not (r["url"] in seen or seen.add(r["url"]))]
    return {"viewport": viewport, "has_viewport": viewport is not None and "width" in viewport.lower(),
            "fixed_widths": fixed[:20], "resources": unique, "links": links[:MAX_LINKS]}


class MobilePortalProbe(Probe):
    """One mobile portal at a time, with a phone's user agent."""

    name = NAME

    async def setup(self, ctx: ProbeContext) -> None:
        self.ctx = ctx
        s = ctx.settings
        phone = s.copy() if isinstance(s, Settings) else Settings(dict(s))
        phone.set("HTTP_USER_AGENT", s["MOBILE_USER_AGENT"], "cmdline")
        self.fetcher = Fetcher(phone, sandbox_state=ctx.sandbox_state)
        await self.fetcher.start()
        self.screen = s.getint("MOBILE_SCREEN_PX")
        self.max_resources = s.getint("MOBILE_MAX_RESOURCES")

    def prepare(self, platform: Platform) -> bool:
        return platform.kind == "mobile_portal" and platform.url.startswith(("http://", "https://"))

    async def teardown(self) -> None:
        await self.fetcher.close()

    async def probe(self, platform: Platform) -> list[Observation]:
        out: list[Observation] = []

        def obs(kind: str, r: FetchResult, data: dict[str, Any]) -> None:
            out.append(Observation(platform_id=platform.id, probe=NAME, kind=kind, url=r.url, status=r.status,
                                   http_status=r.http_status, elapsed_ms=r.elapsed_ms, data=data))

        home = await self.fetcher.fetch(platform.url.strip())
        if not home.ok or not home.is_html:
            obs("mobile_page", home, {"final_url": home.final_url, "bytes": len(home.body), "error": home.error
                                      or ("not HTML" if home.ok else None), "has_viewport": None})
            return out
        text, _, _ = home.text()
        facts = page_facts(text, home.final_url or home.url, self.screen)
        wanted = facts["resources"][: self.max_resources]
        results = await asyncio.gather(*(self.fetcher.fetch(r["url"]) for r in wanted))
        total = len(home.body)
        slowest = 0.0
        for r, res in zip(wanted, results):
            total += len(res.body)
            slowest = max(slowest, res.elapsed_ms or 0.0)
            obs("mobile_resource", res, {"type": r["type"], "bytes": len(res.body),
                                         "error": res.error})
        links = await asyncio.gather(*(self.fetcher.fetch(u) for u in facts["links"]))
        for res in links:
            obs("mobile_link", res, {"found_on": home.final_url or home.url, "error": res.error})
        obs("mobile_page", home, {"final_url": home.final_url, "bytes": len(home.body), "error": None,
                                  "has_viewport": facts["has_viewport"], "viewport": facts["viewport"],
                                  "fixed_widths": facts["fixed_widths"], "resources": len(wanted),
                                  "total_bytes": total,
                                  "load_ms": round((home.elapsed_ms or 0.0) + slowest, 1),
                                  "links": len(facts["links"]),
                                  "user_agent": self.fetcher.user_agent})
        return out


__all__ = ["COMPLETED", "MobilePortalProbe", "page_facts"]
