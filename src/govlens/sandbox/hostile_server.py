"""Serve the hostile sandbox (:mod:`govlens.sandbox.hostile`) on loopback.

Why raw sockets rather than aiohttp: most of these misbehaviours (a reset mid-body, a request
never answered, a byte every two seconds, a Content-Length that lies, chunked encoding that is
not, bytes that are not HTTP at all) are exactly what an HTTP server library exists to prevent.
So the hostile web is one small ``asyncio`` stream server that reads a request head, looks at the
Host header and misbehaves accordingly, writing every byte itself. It listens on:

- one plain port (every hostile host's port 80);
- one TLS port (every hostile host's port 443) whose certificate is chosen by SNI: an expired one,
  a self-signed one, one for another host, or a good one from the sandbox CA for the rest;
- one port that is bound but never listens (connection refused).

Every answer closes the connection (``Connection: close``), so no state is kept between requests
except the two counters the truth depends on (503 flapping, 429 once per URL).
"""
from __future__ import annotations

import asyncio
import socket
import ssl
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import trustme

from govlens.sandbox import hostile as H
from govlens.sandbox.hostile_kinds import HostileKinds
from govlens.sandbox.hostile_tls import tls_context
from govlens.sandbox.hostile_wire import Request, send

READ_LIMIT = 65536


@dataclass
class HostileServer(HostileKinds):
    """The listening hostile web; ``state()`` is merged into the sandbox's ``sandbox.json``."""

    host: str
    http_port: int = 0
    tls_port: int = 0
    refused_port: int = 0
    _servers: list[asyncio.base_events.Server] = field(default_factory=list, repr=False)
    _refused: socket.socket | None = field(default=None, repr=False)
    _stop: asyncio.Event = field(default_factory=asyncio.Event, repr=False)
    _writers: set[asyncio.StreamWriter] = field(default_factory=set, repr=False)
    _flap: dict[str, int] = field(default_factory=dict, repr=False)
    _seen: set[tuple[str, str, str]] = field(default_factory=set, repr=False)

    def state(self) -> dict[str, Any]:
        ports: dict[str, dict[str, int]] = {}
        for s in H.HOSTILE_SITES:
            if s.transport == "none":
                continue
            if s.transport == "refused":
                ports[s.host] = {"80": self.refused_port, "443": self.refused_port}
            else:
                ports[s.host] = {"80": self.http_port, "443": self.tls_port}
        for name in H.SPECIAL_ADDRESSES:
            ports.setdefault(name, {"80": self.http_port, "443": self.tls_port})
        return {"hosts": H.served_hosts(), "host_ports": ports, "host_addresses": dict(H.SPECIAL_ADDRESSES)}

    async def stop(self) -> None:
        self._stop.set()
        for server in self._servers:
            server.close()
        for w in list(self._writers):
            w.close()
        for server in self._servers:
            try:
                await asyncio.wait_for(server.wait_closed(), 5)
            except (asyncio.TimeoutError, RuntimeError):
                pass
        if self._refused is not None:
            self._refused.close()

    # ------------------------------------------------------------ connection handling
    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        try:
            req = await self._read_request(reader)
            if req is not None:
                await self.respond(req, writer)
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ssl.SSLError, OSError):
            pass
        finally:
            self._writers.discard(writer)
            try:
                writer.close()
            except Exception:  # noqa: BLE001 - already broken
                pass

    async def _read_request(self, reader: asyncio.StreamReader) -> Request | None:
        try:
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 30)
        except (asyncio.TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            return None
        lines = head.decode("latin-1").split("\r\n")
        parts = lines[0].split(" ")
        if len(parts) < 2:
            return None
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                k, v = line.split(":", 1)
                headers[k.strip().lower()] = v.strip()
        host = headers.get("host", "").lower()
        if host.count(":") == 1:
            host = host.split(":", 1)[0]
        return Request(method=parts[0].upper(), path=parts[1].split("?", 1)[0], host=host.rstrip("."),
                       headers=headers)

    async def respond(self, req: Request, w: asyncio.StreamWriter) -> None:
        site = H.BY_HOST.get(req.host)
        if site is None:
            await send(w, req, 404, "text/plain; charset=utf-8", b"unknown host\n")
            return
        handler = getattr(self, f"k_{site.kind}", None)
        if handler is None:
            await self.plain(req, w, site)
            return
        await handler(req, w)


async def start_hostile(ca: trustme.CA, state_dir: Path, host: str = "127.0.0.1") -> HostileServer:
    """Listen on loopback (plain, TLS, and a refused port) and return the running server."""
    server = HostileServer(host=host)
    handler: Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]] = server.handle
    plain = await asyncio.start_server(handler, host, 0, limit=READ_LIMIT)
    tls = await asyncio.start_server(handler, host, 0, limit=READ_LIMIT,
                                     ssl=tls_context(ca, state_dir / "hostile-tls"), ssl_handshake_timeout=10)
    server._servers = [plain, tls]
    server.http_port = plain.sockets[0].getsockname()[1]
    server.tls_port = tls.sockets[0].getsockname()[1]
    refused = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    refused.bind((host, 0))                 # bound, never listening: every connect is refused
    server._refused = refused
    server.refused_port = refused.getsockname()[1]
    return server
