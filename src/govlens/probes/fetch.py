"""The one HTTP client every HTTP probe goes through.

Why a wrapper around aiohttp rather than aiohttp itself:

- **It never raises for the network.** A national scan meets every failure the internet
  has; each one becomes a visit status from
  :data:`~govlens.probes.observation.VISIT_STATUSES` on a :class:`FetchResult`, the
  foreign exceptions being translated here, at the boundary (STYLE, rule 9).
- **Bounds are enforced per hop.** Redirects are followed by hand, so
  ``HTTP_MAX_REDIRECTS`` is ours and every hop goes through the same target checks;
  bodies are read in chunks and cut at ``HTTP_MAX_BODY_BYTES`` (``too_large``).
- **Time spent queueing is not the site's fault.** Requests wait for a global and a
  per-host slot (``CONCURRENCY_TOTAL``, ``CONCURRENCY_PER_HOST``) *before* the clock of
  ``HTTP_TIMEOUT`` starts, so a busy scanner does not report healthy sites as timing out
  (the census fails a visit only when the *site* takes more than 15 s).
- **One session, one connector, one TLS context** for the whole campaign: keep-alive,
  the DNS cache and the TLS context are reused; nothing is built per request.
- **Sandbox mode** swaps the resolver for :class:`~govlens.probes.resolver.SandboxResolver`
  and trusts the sandbox CA; outside it, :class:`~govlens.probes.resolver.GuardedResolver`
  refuses private targets (``blocked_target``).

Use::

    async with Fetcher(settings, sandbox_state=state) as fetcher:
        result = await fetcher.fetch("https://www.example.gov.cn/")
"""
from __future__ import annotations

import asyncio
import errno
import ipaddress
import json
import ssl
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import aiohttp

from govlens.probes.charset import decode_html
from govlens.probes.observation import COMPLETED
from govlens.probes.resolver import (BlockedTargetError, GuardedResolver, SandboxResolver,
                                     UnknownSandboxHostError, is_blocked_address)
from govlens.settings import Settings

REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
KEPT_HEADERS = ("content-type", "content-length", "content-encoding", "last-modified", "location",
                "server", "strict-transport-security", "x-powered-by")
_CHUNK = 65536
_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@dataclass(slots=True)
class FetchResult:
    """How one fetch ended; ``status`` is a visit status, never an exception."""

    url: str
    status: str
    method: str = "GET"
    http_status: int | None = None
    final_url: str = ""
    redirects: list[str] = field(default_factory=list)   # URLs that answered with a redirect, in order
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    elapsed_ms: float | None = None
    ttfb_ms: float | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == COMPLETED

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    @property
    def is_html(self) -> bool:
        """HTML by header, or by a sniff when the header is missing or generic."""
        ctype = self.content_type.lower()
        if "html" in ctype:
            return True
        if ctype and not ctype.startswith(("application/octet-stream", "text/plain")):
            return False
        head = self.body[:512].lstrip().lower()
        return head.startswith((b"<!doctype html", b"<html", b"<head", b"<meta", b"<!--", b"<body", b"<title"))

    def text(self) -> tuple[str, str, str]:
        """``(text, codec, source)`` of the body; see :func:`govlens.probes.charset.decode_html`."""
        return decode_html(self.body, self.content_type)


def load_sandbox_state(path: str | Path) -> dict[str, Any]:
    """Read ``sandbox.json`` (written by the sandbox server); relative ``ca_file`` is from its folder."""
    path = Path(path)
    state = json.loads(path.read_text(encoding="utf-8"))
    ca = state.get("ca_file")
    if ca and not Path(ca).is_absolute():
        state["ca_file"] = str(path.parent / ca)
    return state


class _Gates:
    """A global and a per-host concurrency limit; per-host semaphores are dropped when idle."""

    def __init__(self, total: int, per_host: int) -> None:
        self.total = asyncio.Semaphore(max(1, total))
        self.per_host = max(1, per_host)
        self.hosts: dict[str, list[Any]] = {}   # host -> [semaphore, users]

    async def acquire(self, host: str) -> None:
        entry = self.hosts.get(host)
        if entry is None:
            entry = self.hosts[host] = [asyncio.Semaphore(self.per_host), 0]
        entry[1] += 1
        try:
            await entry[0].acquire()
        except BaseException:
            self._drop(host, entry)
            raise
        try:
            await self.total.acquire()
        except BaseException:
            entry[0].release()
            self._drop(host, entry)
            raise

    def release(self, host: str) -> None:
        self.total.release()
        entry = self.hosts[host]
        entry[0].release()
        self._drop(host, entry)

    def _drop(self, host: str, entry: list[Any]) -> None:
        entry[1] -= 1
        if entry[1] == 0:
            self.hosts.pop(host, None)


class Fetcher:
    """Campaign-wide HTTP client: one session, bounded, never raising for the network."""

    def __init__(self, settings: Settings | Mapping[str, Any] | None = None,
                 sandbox_state: Mapping[str, Any] | None = None) -> None:
        self.settings = settings if isinstance(settings, Settings) else Settings(settings or {})
        s = self.settings
        self.sandbox_state = dict(sandbox_state) if sandbox_state else None
        self.timeout = s.getfloat("HTTP_TIMEOUT")
        self.max_bytes = s.getint("HTTP_MAX_BODY_BYTES")
        self.max_redirects = s.getint("HTTP_MAX_REDIRECTS")
        self.allow_private = s.getbool("HTTP_ALLOW_PRIVATE")
        self.user_agent = s["HTTP_USER_AGENT"]
        self.requests = 0                      # HTTP requests sent (every hop counts)
        self._session: aiohttp.ClientSession | None = None
        self._gates: _Gates | None = None
        self.sandbox_resolver = SandboxResolver.from_state(self.sandbox_state) if self.sandbox_state else None

    # ------------------------------------------------------------ lifecycle
    async def start(self) -> "Fetcher":
        """Create the session (inside the running loop); idempotent."""
        if self._session is None:
            s = self.settings
            total, per_host = s.getint("CONCURRENCY_TOTAL"), s.getint("CONCURRENCY_PER_HOST")
            if self.sandbox_resolver is not None:
                resolver: aiohttp.abc.AbstractResolver = self.sandbox_resolver
                ca = self.sandbox_state.get("ca_file") if self.sandbox_state else None
                tls: ssl.SSLContext | bool = ssl.create_default_context(cafile=ca) if ca else True
            else:
                resolver = GuardedResolver(allow_private=self.allow_private)
                tls = ssl.create_default_context()
            connector = aiohttp.TCPConnector(limit=total, limit_per_host=per_host, use_dns_cache=True,
                                             ttl_dns_cache=600, resolver=resolver, ssl=tls,
                                             enable_cleanup_closed=False)
            # aiohttp's own clocks only guard sockets; the visit's clock is ours (see _hop).
            timeout = aiohttp.ClientTimeout(total=None, connect=None, sock_connect=self.timeout,
                                            sock_read=self.timeout)
            self._session = aiohttp.ClientSession(
                connector=connector, timeout=timeout, cookie_jar=aiohttp.DummyCookieJar(),
                headers={"User-Agent": self.user_agent, "Accept": _ACCEPT,
                         "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5"},
                trust_env=False, raise_for_status=False)
            self._gates = _Gates(total, per_host)
        return self

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def __aenter__(self) -> "Fetcher":
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # ------------------------------------------------------------ fetching
    async def fetch(self, url: str, *, method: str = "GET", allow_redirects: bool = True,
                    max_bytes: int | None = None, timeout: float | None = None,
                    data: Mapping[str, str] | None = None) -> FetchResult:
        """Fetch ``url``; every outcome is a :class:`FetchResult` with a visit status.

        ``data`` is a form sent with a POST (urlencoded); a redirect after it is followed with a GET.
        """
        if self._session is None:
            await self.start()
        method = method.upper()
        cap = self.max_bytes if max_bytes is None else max_bytes
        remaining = self.timeout if timeout is None else timeout
        result = FetchResult(url=url, status=COMPLETED, method=method, final_url=url)
        elapsed = 0.0
        current = url
        try:
            while True:
                refusal = self._refuse(current)
                if refusal:
                    result.status, result.error = refusal
                    break
                hop_start_elapsed = elapsed
                spent, ttfb, resp_status, headers, body, truncated = await self._hop(
                    current, method, cap, remaining, data if method == "POST" else None)
                elapsed += spent
                remaining -= spent
                result.http_status, result.headers, result.body = resp_status, headers, body
                result.final_url = current
                result.ttfb_ms = round((hop_start_elapsed + ttfb) * 1000, 2)
                location = headers.get("location")
                if allow_redirects and resp_status in REDIRECT_CODES and location:
                    result.redirects.append(current)
                    if len(result.redirects) > self.max_redirects:
                        result.status = "too_many_redirects"
                        result.error = f"more than {self.max_redirects} redirects"
                        break
                    current = urljoin(current, location.strip())
                    if (resp_status == 303 and method != "HEAD") or (method == "POST" and resp_status in (301, 302)):
                        method = "GET"
                    if remaining <= 0:
                        raise asyncio.TimeoutError()
                    continue
                if truncated:
                    result.status, result.error = "too_large", f"body larger than {cap} bytes"
                elif resp_status >= 400:
                    result.status, result.error = "http_error", f"HTTP {resp_status}"
                break
        except Exception as exc:  # the boundary: foreign errors become statuses
            result.status, result.error = classify_error(exc)
            result.final_url = current
            # no full response: no time to it (and no status or headers of an earlier hop)
            result.http_status, result.ttfb_ms, result.headers, result.body = None, None, {}, b""
            result.elapsed_ms = None
            return result
        result.elapsed_ms = round(elapsed * 1000, 2)
        return result

    def _refuse(self, url: str) -> tuple[str, str] | None:
        """A status for URLs we must not request at all, else None."""
        try:
            parts = urlsplit(url)
            host = parts.hostname
            parts.port  # noqa: B018 - raises ValueError on a bad port
        except ValueError as exc:
            return "invalid_url", str(exc)
        if parts.scheme not in ("http", "https") or not host:
            return "invalid_url", f"not an http(s) URL: {url[:200]}"
        try:
            ipaddress.ip_address(host)
        except ValueError:
            return None
        if self.sandbox_resolver is not None:
            return "blocked_target", f"{host}: address literals are not served in sandbox mode"
        if not self.allow_private and is_blocked_address(host):
            return "blocked_target", f"{host} is not a public address"
        return None

    async def _hop(self, url: str, method: str, cap: int, budget: float,
                   data: Mapping[str, str] | None = None) -> tuple[float, float, int, dict[str, str], bytes, bool]:
        """One request without redirects; returns (seconds, ttfb, status, headers, body, truncated)."""
        assert self._session is not None and self._gates is not None
        host = urlsplit(url).hostname or ""
        await self._gates.acquire(host)
        start = time.perf_counter()
        try:
            if budget <= 0:
                raise asyncio.TimeoutError()
            self.requests += 1
            async with asyncio.timeout(budget):
                async with self._session.request(method, url, allow_redirects=False,
                                                 data=dict(data) if data is not None else None) as resp:
                    ttfb = time.perf_counter() - start
                    headers = {k: resp.headers[k] for k in KEPT_HEADERS if k in resp.headers}
                    body, truncated = b"", False
                    if method != "HEAD":
                        chunks: list[bytes] = []
                        size = 0
                        async for chunk in resp.content.iter_chunked(_CHUNK):
                            chunks.append(chunk)
                            size += len(chunk)
                            if size > cap:
                                truncated = True
                                break
                        body = b"".join(chunks)[:cap] if truncated else b"".join(chunks)
                    status = resp.status
        finally:
            self._gates.release(host)
        return time.perf_counter() - start, ttfb, status, headers, body, truncated


def classify_error(exc: BaseException) -> tuple[str, str]:
    """Map an aiohttp / asyncio / OS error to ``(visit status, error text)``."""
    text = f"{type(exc).__name__}: {exc}"[:500]
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        if isinstance(exc.os_error, BlockedTargetError):
            return "blocked_target", text
        return "dns_error", text
    if isinstance(exc, BlockedTargetError):
        return "blocked_target", text
    if isinstance(exc, UnknownSandboxHostError):
        return "dns_error", text
    if isinstance(exc, (aiohttp.ClientSSLError, ssl.SSLError, aiohttp.ServerFingerprintMismatch)):
        return "tls_error", text
    if isinstance(exc, (asyncio.TimeoutError, TimeoutError)):
        return "timeout", f"{type(exc).__name__}: no complete response in time"
    if isinstance(exc, aiohttp.InvalidURL) or (isinstance(exc, ValueError) and not isinstance(exc, OSError)):
        return "invalid_url", text
    os_error = getattr(exc, "os_error", None) if isinstance(exc, aiohttp.ClientConnectorError) else exc
    if isinstance(os_error, ConnectionRefusedError) or getattr(os_error, "errno", None) == errno.ECONNREFUSED:
        return "connection_refused", text
    if isinstance(os_error, ssl.SSLError):
        return "tls_error", text
    if isinstance(exc, (aiohttp.ServerDisconnectedError, ConnectionResetError)) or \
            getattr(os_error, "errno", None) in (errno.ECONNRESET, errno.EPIPE):
        return "connection_reset", text
    if isinstance(exc, aiohttp.ClientPayloadError) and "reset" in str(exc).lower():
        return "connection_reset", text
    return "connection_error", text


class ThreadedFetcher:
    """A :class:`Fetcher` running on its own event loop in a background thread.

    Why: availability visits are *timings* (the census fails a visit after 15 s; a slow
    homepage is a finding). On the scan's main loop, a response waits behind every other
    ready callback — the extraction of other sites' pages, hundreds of link checks — so a
    busy scanner would report healthy sites as slow, even as timing out. On its own loop a
    visit waits at most for a GIL switch (``sys.getswitchinterval()``, 5 ms), not for a queue.
    """

    def __init__(self, settings: Settings | Mapping[str, Any] | None = None,
                 sandbox_state: Mapping[str, Any] | None = None) -> None:
        self.inner = Fetcher(settings, sandbox_state=sandbox_state)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: Any = None

    @property
    def requests(self) -> int:
        return self.inner.requests

    async def start(self) -> "ThreadedFetcher":
        if self._loop is None:
            import threading

            self._loop = asyncio.new_event_loop()
            self._thread = threading.Thread(target=self._loop.run_forever, name="govlens-visits", daemon=True)
            self._thread.start()
            await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(self.inner.start(), self._loop))
        return self

    async def fetch(self, url: str, **kwargs: Any) -> FetchResult:
        if self._loop is None:
            await self.start()
        assert self._loop is not None
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(self.inner.fetch(url, **kwargs),
                                                                          self._loop))

    async def close(self) -> None:
        if self._loop is None:
            return
        loop, self._loop = self._loop, None
        try:
            await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(self.inner.close(), loop))
        finally:
            loop.call_soon_threadsafe(loop.stop)
            await asyncio.to_thread(self._thread.join, 5)
            loop.close()

    async def __aenter__(self) -> "ThreadedFetcher":
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
