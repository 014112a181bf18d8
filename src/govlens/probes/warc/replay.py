"""The fetcher of a WARC-mode scan: :class:`WarcFetcher` answers every request from a
:class:`~govlens.probes.warc.source.WarcIndex`, with the one method probes call on a
:class:`~govlens.probes.net.fetch.Fetcher` — ``fetch(url, method=…, allow_redirects=…, max_bytes=…)``.

- **Redirects** are the archived 3xx responses with their ``Location``, followed hop by hop
  with the live fetcher's rules (``HTTP_MAX_REDIRECTS``, 303 → GET).
- **Bounds** as live: a body over the request's cap is cut and ``too_large``; a record the
  crawler truncated (``WARC-Truncated``) is ``too_large`` too.
- **Not in the archive** is a visit status of its own (``not_in_archive``), never a network
  fetch. Timings are unknown (``elapsed_ms`` and ``ttfb_ms`` are null).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urljoin

from govlens.contract import statuses as S
from govlens.hosts import is_literal
from govlens.probes.net.fetch import REDIRECT_CODES, http_url_host
from govlens.probes.net.fetch_result import FetchResult
from govlens.probes.warc.source import WarcIndex, WarcRecordError, read_response
from govlens.settings import Settings


class WarcFetcher:
    """The fetcher of a WARC-mode scan: same ``fetch`` contract as :class:`Fetcher`, no network.

    ``recorder`` (as on :class:`Fetcher`) sees every hop it answers, so the evidence spool
    works the same from an archive.
    """

    sandbox_resolver = None

    def __init__(self, index: WarcIndex, settings: Settings | Mapping[str, Any] | None = None) -> None:
        self.index = index
        self.settings = settings if isinstance(settings, Settings) else Settings(settings or {})
        s = self.settings
        self.max_bytes = s.getint("HTTP_MAX_BODY_BYTES")
        self.max_inflated = s.getint("HTTP_MAX_DECOMPRESSED_BYTES")
        self.max_redirects = s.getint("HTTP_MAX_REDIRECTS")
        self.user_agent = s["HTTP_USER_AGENT"]
        self.requests = 0
        self.answered = 0                          # hops answered from the archive
        self.missing = 0                           # hops the archive has no record of
        self.recorder: Callable[..., None] | None = None

    async def start(self) -> "WarcFetcher":
        return self

    async def close(self) -> None:
        return None

    async def __aenter__(self) -> "WarcFetcher":
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None

    async def fetch(self, url: str, *, method: str = "GET", allow_redirects: bool = True,
                    max_bytes: int | None = None, timeout: float | None = None,
                    data: Mapping[str, str] | None = None) -> FetchResult:
        """Answer ``url`` from the archive, following archived redirects; never raises for a record."""
        method = method.upper()
        cap = max(self.max_inflated, self.max_bytes) if max_bytes is None else max_bytes
        wire_cap = self.max_bytes if max_bytes is None else max_bytes
        result = FetchResult(url=url, status=S.COMPLETED, method=method, final_url=url)
        current = url
        while True:
            refusal = _refuse(current)
            if refusal:
                result.status, result.error = refusal
                result.final_url = current
                return result
            self.requests += 1
            entry = self.index.lookup(method, current)
            result.final_url = current
            if entry is None:
                self.missing += 1
                result.status, result.error = S.NOT_IN_ARCHIVE, "not in the archive"
                result.http_status, result.headers, result.body = None, {}, b""
                return result
            try:
                resp = read_response(self.index.files[entry.file], entry.offset, cap, self.index)
            except WarcRecordError as exc:
                result.status, result.error = S.PROTOCOL_ERROR, str(exc)[:500]
                result.http_status, result.headers, result.body = None, {}, b""
                return result
            self.answered += 1
            body = b"" if method == "HEAD" else resp.body
            too_large = None
            if len(body) > wire_cap:
                body, too_large = body[:wire_cap], f"body larger than {wire_cap} bytes"
            elif resp.truncated and method != "HEAD":
                too_large = f"body larger than {wire_cap} bytes"
            result.http_status, result.headers, result.body = resp.status, resp.headers, body
            if self.recorder is not None:
                self.recorder(method, current, resp.status, resp.headers, body, too_large)
            location = resp.headers.get("location")
            if allow_redirects and resp.status in REDIRECT_CODES and location:
                result.redirects.append(current)
                if len(result.redirects) > self.max_redirects:
                    result.status = S.TOO_MANY_REDIRECTS
                    result.error = f"more than {self.max_redirects} redirects"
                    return result
                try:
                    current = urljoin(current, location.strip())
                except ValueError as exc:
                    result.status, result.error = S.INVALID_URL, f"bad Location: {exc}"[:500]
                    return result
                if (resp.status == 303 and method != "HEAD") or (method == "POST" and resp.status in (301, 302)):
                    method = "GET"
                continue
            if too_large:
                result.status, result.error = S.TOO_LARGE, too_large
            elif resp.status >= 400:
                result.status, result.error = S.HTTP_ERROR, f"HTTP {resp.status}"
            return result


def _refuse(url: str) -> tuple[str, str] | None:
    """What the live fetcher refuses before any request (bad URLs; address literals, as in sandbox mode)."""
    host, bad = http_url_host(url)
    if bad is not None:
        return bad
    if not is_literal(host):           # every spelling of an address, as the live fetcher judges it
        return None
    return S.BLOCKED_TARGET, f"{host}: address literals are not replayed"


# Probes an archive cannot answer, with why (the scan skips them and records this in its summary).
UNARCHIVABLE_PROBES: dict[str, str] = {
    "tls": "the certificate and handshake are not in a WARC",
    "dns": "DNS records are not in a WARC",
    "mobile_portal": "a phone user agent's pages are not told apart in a WARC",
    "browser": "rendering needs a live browser",
}
