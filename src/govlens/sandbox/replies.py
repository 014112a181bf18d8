"""The sandbox's answers as values: :class:`Reply`, the 503 page, and the bytes several routes share.

Kept apart from the routing so the server (time-dependent outages) and every route build replies
the same way: one place encodes a site's page in its charset and adds its headers.
"""
from __future__ import annotations

from dataclasses import dataclass

from govlens.contract import defects as D
from govlens.sandbox import render
from govlens.sandbox.site import Site

GIF = (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00"
       b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")
# the smallest thing that opens as a Word document: the OLE2 signature and padding
DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
HEAVY_IMAGE_BYTES = 6 * 1024 * 1024     # a heavy_page banner: a valid GIF padded with comment blocks
_heavy: list[bytes] = []


@dataclass(frozen=True, slots=True)
class Reply:
    """One answer: status, headers and body; ``home`` marks a homepage served with content."""

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    home: bool = False


UNAVAILABLE = Reply(503, (("Content-Type", "text/html; charset=utf-8"), ("Retry-After", "120")),
                    "<html><body><h1>503 Service Unavailable</h1><p>服务暂时不可用</p></body></html>\n"
                    .encode("utf-8"))


def heavy_gif() -> bytes:
    """A 1×1 GIF of :data:`HEAVY_IMAGE_BYTES` bytes (comment-extension padding; built once)."""
    if not _heavy:
        head, tail = GIF[:-1], GIF[-1:]          # the trailer byte ";" closes the file
        n = (HEAVY_IMAGE_BYTES - len(GIF) - 3) // 256
        _heavy.append(head + b"\x21\xfe" + (b"\xff" + b"x" * 255) * n + b"\x00" + tail)
    return _heavy[0]


def not_found_reply(site: Site) -> Reply:
    """The site's 404 page; a soft_404 site says "not found" with 200 OK."""
    if site.has(D.SOFT_404):
        return Reply(200, (("Content-Type", "text/html; charset=utf-8"), ("Server", site.server)),
                     render.not_found(site.name).encode("utf-8"))
    return Reply(404, (("Content-Type", "text/html; charset=utf-8"), ("Server", site.server)),
                 render.not_found(site.name).encode("utf-8"))


def html_reply(site: Site, text: str, *, home: bool = False) -> Reply:
    """Encode a page in the site's encoding and declare it where the site declares it."""
    label = site.charset_label
    errors = "xmlcharrefreplace"      # only a shipped name outside GBK would need it; our own text is GBK
    if site.encoding == "gbk":
        if label.lower() == "gb2312":
            try:
                text.encode("gb2312")
            except UnicodeEncodeError:        # a character outside GB2312: declare the superset
                text = text.replace(f"charset={label}", "charset=gbk").replace(f'charset="{label}"', 'charset="gbk"')
                label = "gbk"
        body = text.encode("gbk", errors)
    else:
        body = text.encode("utf-8")
    ctype = "text/html"
    if site.charset_decl in ("header", "both"):
        ctype = f"text/html; charset={label}"
    headers: tuple[tuple[str, str], ...] = (("Content-Type", ctype), ("Server", site.server))
    if (site.scheme == "https" or not site.has(D.NO_HTTPS_REDIRECT)) and not site.has(D.NO_HSTS):
        headers += (("Strict-Transport-Security", "max-age=31536000"),)
    return Reply(200, headers, body, home=home)
