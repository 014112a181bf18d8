"""The one HTTP client every HTTP probe goes through.

Why a wrapper around aiohttp rather than aiohttp itself:

- **It never raises for the network.** A national scan meets every failure the internet
  has; each one becomes a visit status from
  :data:`~govlens.contract.observation.VISIT_STATUSES` on a :class:`FetchResult`, the
  foreign exceptions being translated here, at the boundary (STYLE, rule 9).
- **Bounds are enforced per hop.** Redirects are followed by hand, so
  ``HTTP_MAX_REDIRECTS`` is ours and every hop goes through the same target checks;
  bodies are read in chunks and cut at ``HTTP_MAX_BODY_BYTES`` on the wire and at
  ``HTTP_MAX_DECOMPRESSED_BYTES`` once inflated (aiohttp inflates gzip, deflate and brotli
  in bounded steps, so a decompression bomb never sits in memory whole) → ``too_large``;
  the head of a cut body is kept for analysis. ``HTTP_TIMEOUT`` is the
  time to a *complete* response, redirects included: a server dripping one byte every few
  seconds (slowloris) times out like one that never answers.
- **Rate limits are honoured, within reason.** A 429 or 503 whose ``Retry-After`` is at most
  ``HTTP_RETRY_AFTER_MAX`` seconds (and fits the request's time budget) is waited for and
  retried, ``HTTP_RETRY_TIMES`` times at most; a longer one is recorded as it came.
  ``CONCURRENCY_HOST_DELAY`` spaces the requests to one host.
- **Time spent queueing is not the site's fault.** Requests wait for a global and a
  per-host slot (``CONCURRENCY_TOTAL``, ``CONCURRENCY_PER_HOST``) *before* the clock of
  ``HTTP_TIMEOUT`` starts, so a busy scanner does not report healthy sites as timing out
  (the census fails a visit only when the *site* takes more than 15 s).
- **One session, one connector, one TLS context** for the whole campaign: keep-alive,
  the DNS cache and the TLS context are reused; nothing is built per request. An idle
  connection is kept ``HTTP_KEEPALIVE`` seconds, long enough to outlast the pauses between a
  site's stages (robots, crawl waves, link checks), so a host's pages, robots.txt and link
  checks ride a few TLS connections instead of a handshake each. Python's ``ssl`` offers
  asyncio no client-side session resumption, so connection reuse is how handshakes are saved.
- **Requests are counted by purpose** (:func:`purpose`: page, link check, robots, sitemap,
  availability visit, tls …, set by the caller around its fetches in a context variable, so
  no signature changes) and the connections opened are counted beside them:
  ``requests - connections`` requests rode a kept-alive connection.
- **Sandbox mode** swaps the resolver for :class:`~govlens.probes.net.resolver.SandboxResolver`
  and trusts the sandbox CA; outside it, :class:`~govlens.probes.net.resolver.GuardedResolver`
  refuses private targets after resolution, on every hop (``blocked_target``), except what
  ``HTTP_ALLOW_PRIVATE`` / ``HTTP_ALLOW_NETWORKS`` allow.
- **Precise statuses.** A reset is not a malformed response, and an expired certificate
  is not a self-signed one: :func:`classify_error` maps each failure to one status of
  :mod:`govlens.contract.statuses`.

Use::

    async with Fetcher(settings, sandbox_state=state) as fetcher:
        result = await fetcher.fetch("https://www.example.gov.cn/")
"""
from __future__ import annotations

import asyncio
import json
import ssl
import time
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import aiohttp

from govlens import messages
from govlens.contract import statuses as S
from govlens.contract.observation import COMPLETED
from govlens.errors import SettingsError
from govlens.hosts import connection_host, is_literal
from govlens.probes.net.fetch_counts import CountingConnector, current_purpose
from govlens.probes.net.fetch_errors import classify_error, failure_cause, parse_retry_after
from govlens.probes.net.fetch_result import KEPT_HEADERS, FetchResult
from govlens.probes.net.resolver import AddressPolicy, GuardedResolver, SandboxResolver
from govlens.settings import Settings

REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
_CHUNK = 65536
_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
RETRY_STATUSES = frozenset({429, 503})


def _accept_encoding() -> str:
    try:
        import brotli  # noqa: F401 - aiohttp inflates br in bounded steps only with Brotli >= 1.2
        return "gzip, deflate, br"
    except ImportError:
        return "gzip, deflate"


def load_sandbox_state(path: str | Path) -> dict[str, Any]:
    """Read ``sandbox.json`` (written by the sandbox server); relative ``ca_file`` is from its folder."""
    path = Path(path)
    state = json.loads(path.read_text(encoding="utf-8"))
    ca = state.get("ca_file")
    if ca and not Path(ca).is_absolute():
        state["ca_file"] = str(path.parent / ca)
    return state


class _Gates:
    """A global and a per-host concurrency limit, and a delay between requests to one host.

    Per-host entries are dropped when idle, so a national scan does not keep one per host
    it ever visited (the delay is then counted from the host's last request still in memory).
    """

    def __init__(self, total: int, per_host: int, delay: float = 0.0) -> None:
        self.total = asyncio.Semaphore(max(1, total))
        self.per_host = max(1, per_host)
        self.delay = max(0.0, delay)
        self.hosts: dict[str, list[Any]] = {}   # host -> [semaphore, users, time of the last start]

    async def acquire(self, host: str) -> None:
        entry = self.hosts.get(host)
        if entry is None:
            entry = self.hosts[host] = [asyncio.Semaphore(self.per_host), 0, 0.0]
        entry[1] += 1
        try:
            await entry[0].acquire()
        except BaseException:
            self._drop(host, entry)
            raise
        try:
            if self.delay:
                while (wait := entry[2] + self.delay - time.monotonic()) > 0:
                    await asyncio.sleep(wait)
                entry[2] = time.monotonic()
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


def http_url_host(url: str) -> tuple[str, tuple[str, str] | None]:
    """The host of an http(s) URL, or the refusal of a URL that is not one (bad port, other scheme, no host)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        return "", (S.INVALID_URL, str(exc))
    if parts.scheme not in ("http", "https") or not host:
        return "", (S.INVALID_URL, f"not an http(s) URL: {url[:200]}")
    return host, None


class Fetcher:
    """Campaign-wide HTTP client: one session, bounded, never raising for the network."""

    def __init__(self, settings: Settings | Mapping[str, Any] | None = None,
                 sandbox_state: Mapping[str, Any] | None = None, *,
                 resolver: aiohttp.abc.AbstractResolver | None = None) -> None:
        """``resolver`` replaces the system resolver *inside* the guard (a campaign's own DNS)."""
        self.settings = settings if isinstance(settings, Settings) else Settings(settings or {})
        s = self.settings
        self.sandbox_state = dict(sandbox_state) if sandbox_state else None
        self.timeout = s.getfloat("HTTP_TIMEOUT")
        self.max_bytes = s.getint("HTTP_MAX_BODY_BYTES")
        self.max_inflated = s.getint("HTTP_MAX_DECOMPRESSED_BYTES")
        self.max_redirects = s.getint("HTTP_MAX_REDIRECTS")
        self.retry_after_max = s.getfloat("HTTP_RETRY_AFTER_MAX")
        self.retry_times = max(0, s.getint("HTTP_RETRY_TIMES"))
        self.allow_private = s.getbool("HTTP_ALLOW_PRIVATE")
        try:
            self.policy = AddressPolicy.from_entries(s["HTTP_ALLOW_NETWORKS"], allow_private=self.allow_private)
        except ValueError as exc:
            raise SettingsError(str(exc), field="HTTP_ALLOW_NETWORKS") from None
        self.user_agent = s["HTTP_USER_AGENT"]
        self.requests = 0                      # HTTP requests sent (every hop counts)
        self.by_purpose: Counter[str] = Counter()   # the same requests by purpose (see purpose())
        self.keepalive = s.getfloat("HTTP_KEEPALIVE")
        # called once per answered hop with (method, url, status, headers, body, too_large): WARC capture
        self.recorder: Callable[..., None] | None = None
        self._session: aiohttp.ClientSession | None = None
        self._connector: CountingConnector | None = None
        self._gates: _Gates | None = None
        self._inner_resolver = resolver
        self._dns_servers = [str(x) for x in s["HTTP_DNS_SERVERS"]]
        self._guard: GuardedResolver | None = None
        self.sandbox_resolver = SandboxResolver.from_state(self.sandbox_state) if self.sandbox_state else None

    def target_resolver(self) -> aiohttp.abc.AbstractResolver:
        """The resolver this fetcher connects through (sandbox, or guarded with the campaign's allow-list
        and DNS servers), for probes that open their own connections (the TLS handshake).

        Built on first use, inside the running loop: aiodns binds its channel to the loop it is
        created on, and a resolver made in ``__init__`` (outside any loop, or on the scan's loop for
        the visits' own thread) fails every lookup with "attached to a different loop".
        """
        if self.sandbox_resolver is not None:
            return self.sandbox_resolver
        if self._guard is None:
            inner = self._inner_resolver
            if inner is None and self._dns_servers:
                inner = self._inner_resolver = _dns_resolver(self._dns_servers)
            self._guard = GuardedResolver(inner, policy=self.policy)
        return self._guard

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
                resolver = self.target_resolver()
                tls = ssl.create_default_context()
            # idle connections are kept HTTP_KEEPALIVE seconds (each holds asyncio's TLS read buffer, cut
            # to 64 KiB by tls_buffers); limit_per_host bounds what one host holds, busy or idle
            connector = CountingConnector(limit=total, limit_per_host=per_host, use_dns_cache=True,
                                           ttl_dns_cache=600, resolver=resolver, ssl=tls,
                                           keepalive_timeout=self.keepalive, enable_cleanup_closed=False,
                                           socket_factory=getattr(resolver, "socket_factory", None))
            self._connector = connector
            # aiohttp's own clocks only guard sockets; the visit's clock is ours (see _hop).
            timeout = aiohttp.ClientTimeout(total=None, connect=None, sock_connect=self.timeout,
                                            sock_read=self.timeout)
            self._session = aiohttp.ClientSession(
                connector=connector, timeout=timeout, cookie_jar=aiohttp.DummyCookieJar(),
                headers={"User-Agent": self.user_agent, "Accept": _ACCEPT, "Accept-Encoding": _accept_encoding(),
                         "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5"},
                trust_env=False, raise_for_status=False, auto_decompress=True)
            self._gates = _Gates(total, per_host, s.getfloat("CONCURRENCY_HOST_DELAY"))
        return self

    @property
    def connections(self) -> int:
        """TCP (and TLS) connections opened so far; the other requests reused a kept-alive one."""
        return self._connector.opened if self._connector is not None else 0

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

        ``max_bytes`` caps the body kept (wire and inflated alike); by default the wire cap is
        ``HTTP_MAX_BODY_BYTES`` and the inflated cap ``HTTP_MAX_DECOMPRESSED_BYTES``.
        ``data`` is a form sent with a POST (urlencoded); a redirect after it is followed with a GET,
        and a POST is never repeated for a ``Retry-After``.
        """
        if self._session is None:
            await self.start()
        method = method.upper()
        wire_cap = self.max_bytes if max_bytes is None else max_bytes
        inflated_cap = max(self.max_inflated, wire_cap) if max_bytes is None else max_bytes
        remaining = self.timeout if timeout is None else timeout
        result = FetchResult(url=url, status=COMPLETED, method=method, final_url=url)
        elapsed = 0.0
        current = url
        retries = 0
        try:
            while True:
                refusal = self._refuse(current)
                if refusal:
                    result.status, result.error = refusal
                    result.final_url = current
                    break
                hop_start_elapsed = elapsed
                spent, ttfb, resp_status, headers, body, too_large = await self._hop(
                    current, method, wire_cap, inflated_cap, remaining, data if method == "POST" else None)
                elapsed += spent
                remaining -= spent
                if self.recorder is not None:
                    self.recorder(method, current, resp_status, headers, body, too_large)
                result.http_status, result.headers, result.body = resp_status, headers, body
                result.final_url = current
                result.ttfb_ms = round((hop_start_elapsed + ttfb) * 1000, 2)
                wait = None if method == "POST" else self._retry_wait(resp_status, headers, retries, remaining)
                if wait is not None:
                    retries += 1
                    result.retries = retries
                    await asyncio.sleep(wait)
                    elapsed += wait
                    remaining -= wait
                    continue
                location = headers.get("location")
                if allow_redirects and resp_status in REDIRECT_CODES and location:
                    result.redirects.append(current)
                    if len(result.redirects) > self.max_redirects:
                        result.status = S.TOO_MANY_REDIRECTS
                        result.error = f"more than {self.max_redirects} redirects"
                        break
                    try:
                        current = urljoin(current, location.strip())
                    except ValueError as exc:
                        result.status, result.error = S.INVALID_URL, f"bad Location: {exc}"[:500]
                        break
                    if (resp_status == 303 and method != "HEAD") or (method == "POST" and resp_status in (301, 302)):
                        method = "GET"
                    if remaining <= 0:
                        raise asyncio.TimeoutError()
                    continue
                if too_large:
                    result.status, result.error = S.TOO_LARGE, too_large
                elif resp_status >= 400:
                    result.status, result.error = S.HTTP_ERROR, f"HTTP {resp_status}"
                break
        except Exception as exc:  # the boundary: foreign errors become statuses
            result.status, result.error = classify_error(exc)
            result.cause = failure_cause(exc)
            result.final_url = current
            # no full response: no time to it (and no status or headers of an earlier hop)
            result.http_status, result.ttfb_ms, result.headers, result.body = None, None, {}, b""
            result.elapsed_ms = None
            return result
        result.elapsed_ms = round(elapsed * 1000, 2)
        return result

    def _retry_wait(self, status: int, headers: Mapping[str, str], retries: int, remaining: float) -> float | None:
        """Seconds to wait before retrying a 429/503 that asked for it, or None (do not retry)."""
        if status not in RETRY_STATUSES or retries >= self.retry_times:
            return None
        wait = parse_retry_after(headers.get("retry-after"))
        if wait is None or wait > self.retry_after_max or wait >= remaining:
            return None
        return wait

    def _refuse(self, url: str) -> tuple[str, str] | None:
        """A status for URLs we must not request at all, else None."""
        host, bad = http_url_host(url)
        if bad is not None:
            return bad
        try:
            connection_host(host)          # what the connector will be given (govlens.hosts)
        except ValueError as exc:
            return S.INVALID_URL, f"unusable host: {exc}"[:500]
        if not is_literal(host):
            return None
        if self.sandbox_resolver is not None:
            return S.BLOCKED_TARGET, f"{host}: address literals are not served in sandbox mode"
        reason = self.policy.refusal(host)
        return (S.BLOCKED_TARGET, reason) if reason else None

    async def _hop(self, url: str, method: str, wire_cap: int, inflated_cap: int, budget: float,
                   data: Mapping[str, str] | None = None) -> tuple[float, float, int, dict[str, str], bytes, str | None]:
        """One request without redirects: (seconds, ttfb, status, headers, body, why too large or None)."""
        assert self._session is not None and self._gates is not None
        host = urlsplit(url).hostname or ""
        await self._gates.acquire(host)
        start = time.perf_counter()
        try:
            if budget <= 0:
                raise asyncio.TimeoutError()
            self.requests += 1
            self.by_purpose[current_purpose()] += 1
            async with asyncio.timeout(budget):
                async with self._session.request(method, url, allow_redirects=False,
                                                 data=dict(data) if data is not None else None) as resp:
                    ttfb = time.perf_counter() - start
                    headers = {k: resp.headers[k] for k in KEPT_HEADERS if k in resp.headers}
                    if "retry-after" in resp.headers:
                        headers["retry-after"] = resp.headers["retry-after"][:100]
                    body, too_large, keep = b"", None, inflated_cap
                    if method != "HEAD":
                        chunks: list[bytes] = []
                        size = 0
                        async for chunk in resp.content.iter_chunked(_CHUNK):
                            chunks.append(chunk)
                            size += len(chunk)
                            compressed = getattr(resp.content, "total_compressed_bytes", None)
                            if (size if compressed is None else compressed) > wire_cap:
                                too_large = f"body larger than {wire_cap} bytes"
                                keep = wire_cap if compressed is None else inflated_cap
                                break
                            if size > inflated_cap:
                                too_large = f"body inflates to more than {inflated_cap} bytes"
                                break
                        body = b"".join(chunks)
                        del chunks
                        if too_large:              # keep the head (a cut page is still analysed), drop the rest
                            body = body[:keep]
                            resp.close()
                    status = resp.status
        finally:
            self._gates.release(host)
        return time.perf_counter() - start, ttfb, status, headers, body, too_large


def _dns_resolver(servers: list[str]) -> aiohttp.abc.AbstractResolver:
    """aiohttp's c-ares resolver asking ``servers`` ("ip" or "ip:port"); a settings error without aiodns."""
    try:
        from aiohttp.resolver import AsyncResolver
        return AsyncResolver(nameservers=servers)
    except (ImportError, RuntimeError):
        raise SettingsError(messages.t("probe_errors.needs_aiodns"), field="HTTP_DNS_SERVERS") from None
