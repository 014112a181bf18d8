"""The hostile web's misbehaviours: one ``k_<kind>`` handler per kind of :data:`govlens.sandbox.hostile.HOSTILE_SITES`.

A mixin of :class:`govlens.sandbox.hostile_server.HostileServer`, which finds a host's handler by
its kind and falls back to :meth:`HostileKinds.plain`; the only state is the stop event and the
two counters the truth depends on (503 flapping, 429 once per URL).
"""
from __future__ import annotations

import asyncio
import socket
import ssl
import struct

from govlens.sandbox import hostile as H
from govlens.sandbox.hostile_bodies import (
    binary_png,
    bomb,
    calendar_page,
    deep_html,
    garbage,
    huge_robots,
    injection_page,
    page,
)
from govlens.sandbox.hostile_wire import Request, head, send

HUGE_BYTES = 50 * 1024 * 1024
BLOCK = 65536
SLOW_INTERVAL = 2.0


class HostileKinds:
    """The handlers; ``_stop``, ``_flap`` and ``_seen`` are fields of the server."""

    _stop: asyncio.Event
    _flap: dict[str, int]
    _seen: set[tuple[str, str, str]]

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
        w.write(head(200, "text/html; charset=utf-8", [("Content-Length", "200000")]))
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
        w.write(head(200, "text/html; charset=utf-8", [("Transfer-Encoding", "chunked")], length=None))
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
        w.write(head(200, "text/html; charset=utf-8", extra, length=None))
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
        w.write(head(200, "text/html; charset=utf-8", [("Content-Length", "50000")], length=None))
        if req.method != "HEAD":
            w.write(page("长度不符").encode()[:1000].ljust(1000, b" "))
        await w.drain()                     # then close (FIN): 49,000 bytes short

    async def k_invalid_chunked(self, req: Request, w: asyncio.StreamWriter) -> None:
        w.write(head(200, "text/html; charset=utf-8", [("Transfer-Encoding", "chunked")], length=None))
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
