"""A forward proxy on loopback through which Chromium reaches the web outside sandbox mode.

Why a proxy, and not Playwright's ``route``: a route handler sees the first request of a
navigation only — Playwright does not fire routes for redirects — and it can only check a
name that Chromium then resolves *again* on its own. So a public page answering
``302 Location: http://169.254.169.254/`` (or a name that resolves to a public address for
the check and to 127.0.0.1 a second later: DNS rebinding) would make the browser fetch an
internal address. With ``--proxy-server`` every connection Chromium makes — navigations,
each redirect hop, sub-resources, WebSockets — is a request to this proxy naming a host,
and the proxy resolves that host with the scanner's own
:class:`~govlens.probes.net.resolver.GuardedResolver` (``HTTP_ALLOW_PRIVATE``,
``HTTP_ALLOW_NETWORKS``, ``HTTP_DNS_SERVERS``) and connects to exactly the address it
checked; a host written as an address in any spelling (full-width digits, ``0x7f.1``,
``[::ffff:127.0.0.1]``) is judged as that address (:mod:`govlens.hosts`). A refused host gets ``403`` with ``X-Govlens-Blocked``; Chromium reports the
navigation as ``ERR_TUNNEL_CONNECTION_FAILED`` (https) or shows the 403 (http), which the
probe records as ``blocked_target``.

Written by hand (about a hundred lines of asyncio) because the job is narrow: CONNECT
tunnels and plain-HTTP requests, one per connection (``Connection: close``), no caching, no
rewriting beyond the request line; proxy libraries bring far more than this needs.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from govlens.contract import statuses as S
from govlens.hosts import host_key
from govlens.probes.net.resolver import AddressPolicy, BlockedTargetError, GuardedResolver

log = logging.getLogger(__name__)

HEAD_LIMIT = 64 * 1024          # bytes of a request head
HEAD_TIMEOUT = 30.0             # seconds for Chromium to send a request head
FAILURES_KEPT = 1024            # hosts whose last failure is remembered (the render asks which it was)
BLOCKED_HEADER = "X-Govlens-Blocked"
_HOP_HEADERS = frozenset({"proxy-connection", "connection", "keep-alive", "proxy-authorization", "te", "trailer",
                          "upgrade"})


def guard_resolver(settings: Mapping[str, Any]) -> GuardedResolver:
    """The HTTP probe's guard, built from the same settings (allow-list, own DNS servers)."""
    policy = AddressPolicy.from_entries(settings["HTTP_ALLOW_NETWORKS"] or (),
                                        allow_private=bool(settings["HTTP_ALLOW_PRIVATE"]))
    inner = None
    servers = [str(x) for x in settings["HTTP_DNS_SERVERS"] or ()]
    if servers:
        from govlens.probes.net.fetch import _dns_resolver
        inner = _dns_resolver(servers)
    return GuardedResolver(inner, policy=policy)


class GuardProxy:
    """``start()`` listens on 127.0.0.1 (any free port); ``url`` is what ``--proxy-server`` takes."""

    def __init__(self, resolver: GuardedResolver, connect_timeout: float = 15.0) -> None:
        self.resolver = resolver
        self.connect_timeout = connect_timeout
        self.refused = 0                       # connections refused by the guard (for tests and logs)
        self.failures: OrderedDict[str, str] = OrderedDict()   # host → visit status of its last failure
        self._server: asyncio.base_events.Server | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def failure(self, host: str) -> str | None:
        """The visit status of the last connection to ``host`` this proxy could not make, if any."""
        return self.failures.get(host_key(host))

    def _failed(self, host: str, status: str) -> None:
        key = host_key(host)
        self.failures[key] = status
        self.failures.move_to_end(key)
        while len(self.failures) > FAILURES_KEPT:
            self.failures.popitem(last=False)

    async def start(self) -> "GuardProxy":
        self._server = await asyncio.start_server(self._client, "127.0.0.1", 0, limit=HEAD_LIMIT)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 5)
            self._server = None
        with contextlib.suppress(Exception):
            await self.resolver.close()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        upstream: asyncio.StreamWriter | None = None
        try:
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), HEAD_TIMEOUT)
            try:      # Chromium sends ASCII; a raw client's UTF-8 host is judged as what it spells
                codec, text = "utf-8", head[:-4].decode("utf-8")
            except UnicodeDecodeError:
                codec, text = "latin-1", head[:-4].decode("latin-1")
            line, *fields = text.split("\r\n")
            method, target, version = line.split(" ", 2)
            if method.upper() == "CONNECT":
                host, _, port = target.rpartition(":")
                up_reader, upstream = await self._open(host.strip("[]"), int(port or 443), writer)
                if upstream is None:
                    return
                writer.write(b"HTTP/1.1 200 Connection Established\r\n\r\n")
                await writer.drain()
            else:
                parts = urlsplit(target)
                if parts.scheme != "http" or not parts.hostname:
                    await _answer(writer, 400, "only absolute http:// URLs or CONNECT")
                    return
                up_reader, upstream = await self._open(parts.hostname, parts.port or 80, writer)
                if upstream is None:
                    return
                path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
                kept = [f for f in fields if f.split(":", 1)[0].strip().lower() not in _HOP_HEADERS]
                upstream.write(f"{method} {path} {version}\r\n".encode(codec)
                               + "".join(f"{f}\r\n" for f in kept).encode(codec)
                               + b"Connection: close\r\n\r\n")
            # one exchange per connection: when either side is done, so is the other
            pipes = [asyncio.ensure_future(_pipe(reader, upstream)), asyncio.ensure_future(_pipe(up_reader, writer))]
            _, pending = await asyncio.wait(pipes, return_when=asyncio.FIRST_COMPLETED)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, asyncio.TimeoutError, ValueError,
                ConnectionError, OSError):
            pass
        finally:
            for w in (upstream, writer):
                if w is not None:
                    w.close()

    async def _open(self, host: str, port: int, client: asyncio.StreamWriter
                    ) -> tuple[asyncio.StreamReader | None, asyncio.StreamWriter | None]:
        """Resolve through the guard and connect to the address it allowed (or answer the client)."""
        try:
            allowed = await self.resolver.resolve(host, port)
        except BlockedTargetError as exc:
            self.refused += 1
            self._failed(host, S.BLOCKED_TARGET)
            await _answer(client, 403, str(exc), blocked=True)
            return None, None
        except OSError as exc:
            self._failed(host, S.DNS_ERROR)
            await _answer(client, 502, f"cannot resolve {host}: {exc}")
            return None, None
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection(allowed[0]["host"], allowed[0]["port"]),
                                                    self.connect_timeout)
        except asyncio.TimeoutError:
            self._failed(host, S.TIMEOUT)
            await _answer(client, 502, f"cannot connect to {host}: timeout")
            return None, None
        except OSError as exc:
            self._failed(host, S.CONNECTION_REFUSED if isinstance(exc, ConnectionRefusedError) else S.CONNECTION_ERROR)
            await _answer(client, 502, f"cannot connect to {host}: {type(exc).__name__}")
            return None, None
        self.failures.pop(host_key(host), None)
        return reader, writer


async def _answer(writer: asyncio.StreamWriter, status: int, reason: str, *, blocked: bool = False) -> None:
    body = reason.encode("utf-8", "replace")[:500]
    extra = f"{BLOCKED_HEADER}: 1\r\n" if blocked else ""
    writer.write(f"HTTP/1.1 {status} {'Forbidden' if status == 403 else 'Proxy Error'}\r\n{extra}"
                 f"Content-Type: text/plain; charset=utf-8\r\nContent-Length: {len(body)}\r\n"
                 f"Connection: close\r\n\r\n".encode("latin-1") + body)
    with contextlib.suppress(ConnectionError, OSError):
        await writer.drain()


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while chunk := await reader.read(65536):
            writer.write(chunk)
            await writer.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        with contextlib.suppress(Exception):
            if writer.can_write_eof():
                writer.write_eof()
