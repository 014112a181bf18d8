"""The site a webmaster asks to check: its URL checked, its homepage fetched once, its name found.

The homepage is fetched through the campaign fetcher (:class:`govlens.probes.net.fetch.Fetcher`) with the
same settings the scan then uses, so the public-address guard is the scan's own: outside sandbox mode
a name that resolves to a loopback, private or link-local address is refused before any request is
sent, and the check stops with one zh-CN sentence (exit 2) instead of scanning a site that cannot be
reached. The page's title (or its footer's 主办单位) names the site when ``--name`` is not given.
"""
from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from govlens.contract import statuses as S
from govlens.errors import InputError
from govlens.report.locale import Locale
from govlens.settings import Settings

MAX_NAME = 60          # characters of a page title kept as the site's name


class CheckInputError(InputError):
    """A URL the self-check cannot check; the message is already in the user's locale."""


@dataclass(frozen=True)
class Target:
    url: str               # as given, with a path
    final_url: str         # where the homepage answered (after redirects)
    name: str              # the site's name (``--name``, else the title or the sponsor on the page)
    status: str            # the visit status of the first fetch


def normalise_url(url: str, L: Locale) -> str:
    """``url`` with a scheme and a path, or :class:`CheckInputError` (bad scheme, no host, a space)."""
    raw = (url or "").strip()
    if raw and "://" not in raw:
        raw = "http://" + raw                        # `govlens check www.example.gov.cn` is meant as a site
    try:
        parts = urlsplit(raw)
        parts.port                                   # noqa: B018 - raises for a port out of range
    except ValueError:
        raise CheckInputError(L.t("check.bad_url", url=url)) from None
    if parts.scheme not in ("http", "https") or not parts.hostname or any(c.isspace() for c in raw):
        raise CheckInputError(L.t("check.bad_url", url=url))
    return raw if parts.path else raw + "/"


def probe_homepage(url: str, settings: Settings, sandbox_state: dict[str, Any] | None, L: Locale,
                   name: str | None = None) -> Target:
    """Fetch the homepage once; refuse a blocked (non-public) target and an unreachable site."""
    from govlens.probes.extract.explain import explain_page
    from govlens.probes.net.fetch import Fetcher

    host = (urlsplit(url).hostname or "").lower()
    async def fetch() -> Any:
        async with Fetcher(settings, sandbox_state=sandbox_state) as fetcher:
            return await fetcher.fetch(url)

    r = asyncio.run(fetch())
    if r.status == S.BLOCKED_TARGET:
        key = "check.blocked_sandbox" if sandbox_state is not None else "check.blocked"
        raise CheckInputError(L.t(key, host=host))
    if not r.body or r.status not in (S.COMPLETED, S.HTTP_ERROR, S.TOO_LARGE):
        reason = L.t(f"check.visit.{r.status}") if L.has(f"check.visit.{r.status}") else L.t("check.visit.other")
        raise CheckInputError(L.t("check.unreachable", url=url, reason=reason))
    found = name
    if not found:
        try:
            page = explain_page(r.body, r.content_type, r.final_url or url, platform_host=host)
        except Exception:  # noqa: BLE001 - a page we cannot read still gets checked; its host names it
            page = {}
        identity = page.get("site_identity") or {}
        found = _clean(page.get("title")) or _clean(identity.get("sponsor")) or host
    return Target(url=url, final_url=r.final_url or url, name=_clean(found) or host, status=r.status)


def _clean(text: Any) -> str:
    """One line of at most ``MAX_NAME`` characters; the title's site part when it has separators."""
    if not isinstance(text, str):
        return ""
    line = " ".join(text.split())
    for sep in (" - ", "—", "－", "|", "_"):
        if sep in line:                               # "首页 - 某某市人民政府" → the longest part names the site
            line = max((p.strip() for p in line.split(sep)), key=len)
    return line[:MAX_NAME]
