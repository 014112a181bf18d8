"""The hostile web's bodies: pages, compression bombs, huge and binary payloads, the calendar trap.

Built once and cached where they are large, so a repeated request costs no recompression; the
server (:mod:`govlens.sandbox.hostile_server`) only decides which one to send and how to frame it.
"""
from __future__ import annotations

import gzip
import random
import struct
import zlib
from functools import cache

from govlens.sandbox import hostile as H

BOMB_BYTES = 100_000_000


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
