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
import datetime as dt
import gzip
import random
import socket
import ssl
import struct
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import trustme

from govlens.sandbox import hostile as H

READ_LIMIT = 65536
BOMB_BYTES = 100_000_000
HUGE_BYTES = 50 * 1024 * 1024
BLOCK = 65536
SLOW_INTERVAL = 2.0


# ---------------------------------------------------------------------------- bodies
def page(title: str, body: str = "", *, extra_head: str = "") -> str:
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta name="viewport" content="width=device-width">'
            f"{extra_head}<title>{title}</title></head>\n<body><h1>{title}</h1>{body}"
            '<p><a href="/about.html">关于我们</a></p></body></html>\n')


@cache
def bomb(encoding: str) -> bytes:
    """100 MB of zeros, compressed (computed once, on first use)."""
    raw = b"\0" * BOMB_BYTES
    if encoding == "gzip":
        return gzip.compress(raw, 9)
    if encoding == "deflate":
        return zlib.compress(raw, 9)
    import brotli
    return brotli.compress(raw, quality=5)


@cache
def huge_robots() -> bytes:
    lines = [f"Disallow: /private/{i:07d}/\n".encode() for i in range(10 * 1024 * 1024 // 26 + 1)]
    return b"User-agent: *\n" + b"".join(lines)


@cache
def garbage(n: int, seed: str) -> bytes:
    return random.Random(seed).randbytes(n)


def binary_png() -> bytes:
    head = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">IIBBBBB", 640, 480, 8, 2, 0, 0, 0)
    return head + garbage(20_000, "png")


def deep_html() -> bytes:
    return (f"<html><head><title>{H.TITLE_DEEP}</title></head><body>".encode()
            + b"<div><span><p>" * 33_334 + "深".encode())


def calendar_page(month: str) -> str:
    year, mon = (int(x) for x in month.split("-"))
    nxt = f"{year + (mon == 12)}-{mon % 12 + 1:02d}"
    prv = f"{year - (mon == 1)}-{(mon - 2) % 12 + 1:02d}"
    days = "".join(f'<li><a href="/calendar/{month}/day_{i:04d}.html">活动安排 第{i}项</a>'
                   f"<span>{month}-{i % 28 + 1:02d}</span></li>" for i in range(1, 3001))
    return page(f"日程安排 {month}", f'<p><a href="/calendar/{prv}/index.html">上个月</a> '
                f'<a href="/calendar/{nxt}/index.html">下个月</a></p><ul class="list">{days}</ul>')


def injection_page() -> str:
    body = ('<p>\u202e通报正文\u202c <a href="javascript:alert(document.cookie)">javascript 链接</a> '
            '<a href="JaVaScRiPt:alert(1)">混写</a> <a href="data:text/html,<script>alert(1)</script>">data 链接</a>'
            '<a href="/col/\u202enews/index.html" title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">'
            '<script>alert("正文")</script>栏目</a></p><script>document.write("x")</script>')
    head = '<meta name="description" content="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;=HYPERLINK(&quot;x&quot;)">'
    # the title is raw text inside <title> (RCDATA): the browser shows it as text, so does the scanner
    return page(H.TITLE_INJECTION, body, extra_head=head)


# ---------------------------------------------------------------------------- the server
@dataclass
class Request:
    method: str
    path: str
    host: str
    headers: dict[str, str]


@dataclass
class HostileServer:
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

    async def plain(self, req: Request, w: asyncio.StreamWriter, site: H.HostileSite) -> None:
        """A small, well-formed site (TLS kinds' pages, robots kinds' homepages, other paths)."""
        if site.scheme == "https" and not isinstance(w.get_extra_info("ssl_object"), ssl.SSLObject):
            await send(w, req, 301, "text/html", b"", [("Location", f"https://{req.host}{req.path}")])
        elif req.path in ("/", "/index.html"):
            await send(w, req, 200, "text/html; charset=utf-8", page(f"测试站点 {site.kind}").encode())
        else:
            await send(w, req, 404, "text/html; charset=utf-8", page("404 页面不存在").encode())

    # ------------------------------------------------------------ the network
    async def k_reset_mid_body(self, req: Request, w: asyncio.StreamWriter) -> None:
        w.write(_head(200, "text/html; charset=utf-8", [("Content-Length", "200000")]))
        if req.method != "HEAD":
            w.write(page("连接中断").encode().ljust(20_000, b" "))
        await w.drain()
        sock = w.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        w.transport.abort()

    async def k_empty_reply(self, req: Request, w: asyncio.StreamWriter) -> None:
        return None

    async def k_never_answers(self, req: Request, w: asyncio.StreamWriter) -> None:
        await self._stop.wait()

    async def k_slowloris(self, req: Request, w: asyncio.StreamWriter) -> None:
        w.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
        while not self._stop.is_set():
            w.write(b"a")
            await w.drain()
            try:
                await asyncio.wait_for(self._stop.wait(), SLOW_INTERVAL)
            except asyncio.TimeoutError:
                pass

    # ------------------------------------------------------------ size
    async def k_endless_body(self, req: Request, w: asyncio.StreamWriter) -> None:
        w.write(_head(200, "text/html; charset=utf-8", [("Transfer-Encoding", "chunked")], length=None))
        if req.method == "HEAD":
            return
        block = b"<p>" + b"\xe6\x97\xa0" * (BLOCK // 3 - 2) + b"</p>"
        chunk = f"{len(block):x}\r\n".encode() + block + b"\r\n"
        first = "<html><head><title>无尽</title></head><body>".encode()
        w.write(f"{len(first):x}\r\n".encode() + first + b"\r\n")
        while not self._stop.is_set():
            w.write(chunk)
            await w.drain()

    async def k_huge_page(self, req: Request, w: asyncio.StreamWriter) -> None:
        await self._huge(req, w, declared=True)

    async def k_huge_page_undeclared(self, req: Request, w: asyncio.StreamWriter) -> None:
        await self._huge(req, w, declared=False)

    async def _huge(self, req: Request, w: asyncio.StreamWriter, declared: bool) -> None:
        extra = [("Content-Length", str(HUGE_BYTES))] if declared else []
        w.write(_head(200, "text/html; charset=utf-8", extra, length=None))
        if req.method == "HEAD":
            return
        block = (b"<p>" + b"x" * (BLOCK - 8) + b"</p>\n")[:BLOCK]
        sent = 0
        while sent < HUGE_BYTES and not self._stop.is_set():
            w.write(block)
            sent += len(block)
            await w.drain()

    async def _bomb(self, req: Request, w: asyncio.StreamWriter, encoding: str) -> None:
        body = await asyncio.to_thread(bomb, encoding)
        await send(w, req, 200, "text/html; charset=utf-8", body, [("Content-Encoding", encoding)])

    async def k_gzip_bomb(self, req: Request, w: asyncio.StreamWriter) -> None:
        await self._bomb(req, w, "gzip")

    async def k_deflate_bomb(self, req: Request, w: asyncio.StreamWriter) -> None:
        await self._bomb(req, w, "deflate")

    async def k_brotli_bomb(self, req: Request, w: asyncio.StreamWriter) -> None:
        await self._bomb(req, w, "br")

    # ------------------------------------------------------------ redirects and targets
    async def k_redirect_loop(self, req: Request, w: asyncio.StreamWriter) -> None:
        target = {"/": "/a", "/a": "/b", "/b": "/a"}.get(req.path)
        if target is None:
            await send(w, req, 404, "text/plain", b"no\n")
        else:
            await send(w, req, 302, "text/html", b"", [("Location", target)])

    async def k_redirect_chain(self, req: Request, w: asyncio.StreamWriter) -> None:
        n = 0 if req.path == "/" else int(req.path.rsplit("/", 1)[-1]) if req.path.startswith("/r/") and \
            req.path.rsplit("/", 1)[-1].isdigit() else -1
        if n < 0:
            await send(w, req, 404, "text/plain", b"no\n")
        elif n >= 50:
            await send(w, req, 200, "text/html; charset=utf-8", page("终点").encode())
        else:
            await send(w, req, 301, "text/html", b"", [("Location", f"/r/{n + 1}")])

    async def k_redirect_private(self, req: Request, w: asyncio.StreamWriter) -> None:
        await send(w, req, 302, "text/html", b"", [("Location", "http://10.0.0.1/admin/")])

    async def k_redirect_metadata(self, req: Request, w: asyncio.StreamWriter) -> None:
        await send(w, req, 302, "text/html", b"", [("Location", f"http://redirect-target.{H.DOMAIN}/latest/meta-data/")])

    async def k_redirect_bad_scheme(self, req: Request, w: asyncio.StreamWriter) -> None:
        await send(w, req, 302, "text/html", b"", [("Location", "file:///etc/passwd")])

    # ------------------------------------------------------------ HTTP framing
    async def k_wrong_content_length(self, req: Request, w: asyncio.StreamWriter) -> None:
        w.write(_head(200, "text/html; charset=utf-8", [("Content-Length", "50000")], length=None))
        if req.method != "HEAD":
            w.write(page("长度不符").encode()[:1000].ljust(1000, b" "))
        await w.drain()                     # then close (FIN): 49,000 bytes short

    async def k_invalid_chunked(self, req: Request, w: asyncio.StreamWriter) -> None:
        w.write(_head(200, "text/html; charset=utf-8", [("Transfer-Encoding", "chunked")], length=None))
        if req.method != "HEAD":
            w.write(b"zz\r\n<html><title>x</title></html>\r\n0\r\n\r\n")
        await w.drain()

    async def k_garbage_response(self, req: Request, w: asyncio.StreamWriter) -> None:
        w.write(b"SSH-2.0-OpenSSH_8.9p1\r\n" + garbage(4000, "garbage-response"))
        await w.drain()

    async def k_huge_header(self, req: Request, w: asyncio.StreamWriter) -> None:
        w.write(b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 100_000 + b"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        await w.drain()

    # ------------------------------------------------------------ content
    async def _home_or_404(self, req: Request, w: asyncio.StreamWriter, ctype: str, body: bytes) -> None:
        if req.path in ("/", "/index.html"):
            await send(w, req, 200, ctype, body)
        else:
            await send(w, req, 404, "text/html; charset=utf-8", page("404 页面不存在").encode())

    async def k_invalid_utf8(self, req: Request, w: asyncio.StreamWriter) -> None:
        text = page(H.TITLE_BAD_UTF8, "<p>正文第一段。</p><p>坏字节：@@ 之后的正文仍然可读。</p>" * 20).encode()
        await self._home_or_404(req, w, "text/html; charset=utf-8", text.replace(b"@@", b"\xff\xfe\xc3\x28\x80"))

    async def k_mislabelled_gbk(self, req: Request, w: asyncio.StreamWriter) -> None:
        text = page(H.TITLE_GBK, "<p>本页以 GBK 编码，却声明为 UTF-8。</p>" * 20, extra_head='<meta charset="utf-8">')
        await self._home_or_404(req, w, "text/html; charset=utf-8", text.encode("gbk"))

    async def k_no_charset(self, req: Request, w: asyncio.StreamWriter) -> None:
        text = page(H.TITLE_NO_CHARSET, "<p>本页以 GBK 编码，未声明字符集。</p>" * 20)
        await self._home_or_404(req, w, "text/html", text.encode("gbk"))

    async def k_binary_as_html(self, req: Request, w: asyncio.StreamWriter) -> None:
        await self._home_or_404(req, w, "text/html; charset=utf-8", binary_png())

    async def k_deep_html(self, req: Request, w: asyncio.StreamWriter) -> None:
        await self._home_or_404(req, w, "text/html; charset=utf-8", deep_html())

    async def k_calendar_trap(self, req: Request, w: asyncio.StreamWriter) -> None:
        if req.path in ("/", "/index.html"):
            body = page("日程安排", '<ul class="nav"><li><a href="/calendar/2013-12/index.html">日程安排</a></li></ul>')
        elif req.path.startswith("/calendar/") and req.path.endswith("/index.html"):
            month = req.path.split("/")[2]
            try:
                body = calendar_page(month)
            except ValueError:
                body = page("日程")
        elif req.path.startswith("/calendar/"):
            body = page("活动安排", f'<p><a href="{req.path.rsplit("/", 1)[0]}/index.html">返回</a></p>')
        else:
            await send(w, req, 404, "text/html; charset=utf-8", page("404 页面不存在").encode())
            return
        await send(w, req, 200, "text/html; charset=utf-8", body.encode())

    async def k_script_injection(self, req: Request, w: asyncio.StreamWriter) -> None:
        await self._home_or_404(req, w, "text/html; charset=utf-8", injection_page().encode())

    # ------------------------------------------------------------ robots.txt
    async def k_robots_huge(self, req: Request, w: asyncio.StreamWriter) -> None:
        if req.path == "/robots.txt":
            await send(w, req, 200, "text/plain", await asyncio.to_thread(huge_robots))
        else:
            await self.plain(req, w, H.BY_HOST[req.host])

    async def k_robots_garbage(self, req: Request, w: asyncio.StreamWriter) -> None:
        if req.path == "/robots.txt":
            await send(w, req, 200, "text/plain", garbage(20_000, "robots") + b"\nUser-agent: \x00\xff*\nDisallow")
        else:
            await self.plain(req, w, H.BY_HOST[req.host])

    # ------------------------------------------------------------ politeness
    async def k_rate_limited(self, req: Request, w: asyncio.StreamWriter) -> None:
        key = (req.host, req.method, req.path)
        if key not in self._seen:
            self._seen.add(key)
            await send(w, req, 429, "text/plain; charset=utf-8", "请求过多\n".encode(),
                       [("Retry-After", str(H.RETRY_AFTER_SHORT))])
        else:
            await self.plain(req, w, H.BY_HOST[req.host])

    async def k_rate_limited_long(self, req: Request, w: asyncio.StreamWriter) -> None:
        await send(w, req, 429, "text/plain; charset=utf-8", "请求过多\n".encode(),
                   [("Retry-After", str(H.RETRY_AFTER_LONG))])

    async def k_flapping_503(self, req: Request, w: asyncio.StreamWriter) -> None:
        if req.method == "GET" and req.path == "/":
            n = self._flap[req.host] = self._flap.get(req.host, 0) + 1
            if n % 2 == 1:
                await send(w, req, 503, "text/html; charset=utf-8", page("503 服务暂不可用").encode())
                return
        await self.plain(req, w, H.BY_HOST[req.host])


def _head(status: int, ctype: str, extra: list[tuple[str, str]] | None = None, *, length: int | None = 0) -> bytes:
    reason = {200: "OK", 301: "Moved Permanently", 302: "Found", 404: "Not Found", 429: "Too Many Requests",
              503: "Service Unavailable"}.get(status, "Status")
    lines = [f"HTTP/1.1 {status} {reason}", f"Content-Type: {ctype}", "Connection: close", "Server: hostile/1.0"]
    lines += [f"{k}: {v}" for k, v in extra or []]
    if length is not None and not any(k.lower() in ("content-length", "transfer-encoding") for k, _ in extra or []):
        lines.append(f"Content-Length: {length}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


async def send(w: asyncio.StreamWriter, req: Request, status: int, ctype: str, body: bytes,
               extra: list[tuple[str, str]] | None = None) -> None:
    """A well-formed response (body omitted for HEAD), then close."""
    w.write(_head(status, ctype, extra, length=len(body)))
    if req.method != "HEAD" and body:
        w.write(body)
    await w.drain()


# ---------------------------------------------------------------------------- TLS
def _self_signed(host: str, folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=365))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(host)]), critical=False)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = folder / "self-signed.pem", folder / "self-signed.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file


def tls_context(ca: trustme.CA, folder: Path) -> ssl.SSLContext:
    """A server context choosing the certificate by SNI (expired, self-signed, wrong host, good)."""
    folder.mkdir(parents=True, exist_ok=True)

    def ctx_with(cert: trustme.LeafCert | None = None, files: tuple[Path, Path] | None = None) -> ssl.SSLContext:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        if cert is not None:
            cert.configure_cert(ctx)
        elif files is not None:
            ctx.load_cert_chain(str(files[0]), str(files[1]))
        return ctx

    good = ctx_with(ca.issue_cert(*H.served_hosts()))
    by_name = {
        f"tls-expired.{H.DOMAIN}": ctx_with(ca.issue_cert(f"tls-expired.{H.DOMAIN}",
                                                          not_before=dt.datetime(2000, 1, 1),
                                                          not_after=dt.datetime(2001, 1, 1))),
        f"tls-self-signed.{H.DOMAIN}": ctx_with(files=_self_signed(f"tls-self-signed.{H.DOMAIN}", folder)),
        f"tls-wrong-host.{H.DOMAIN}": ctx_with(ca.issue_cert("www.another-site.gov.cn")),
    }

    def pick(sslobj: ssl.SSLObject, server_name: str | None, _ctx: ssl.SSLContext) -> None:
        chosen = by_name.get((server_name or "").lower())
        if chosen is not None:
            sslobj.context = chosen

    good.sni_callback = pick  # type: ignore[assignment]
    return good


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
