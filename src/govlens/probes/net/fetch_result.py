"""What one fetch gives a probe: the final URL, status, kept headers, the (bounded) body and its timing.

A body whose bytes are never text (a known binary magic, NUL or control bytes) is not decoded as HTML,
whatever its Content-Type says (:func:`looks_binary`).
"""
from __future__ import annotations

from dataclasses import dataclass, field


from govlens.contract.observation import COMPLETED
from govlens.probes.extract.charset import decode_html

KEPT_HEADERS = ("content-type", "content-length", "content-encoding", "last-modified", "location",
                "server", "strict-transport-security", "x-powered-by")
# Magic numbers of formats that are never HTML, whatever the Content-Type says.
_BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf",
                 b"\xd0\xcf\x11\xe0", b"MZ", b"\x7fELF", b"BM", b"ID3", b"OggS", b"RIFF", b"\x00\x00\x01\x00")


def looks_binary(body: bytes) -> bool:
    """A body that is not text whatever its Content-Type: a known binary magic, or NUL/control bytes."""
    head = body[:1024]
    if not head:
        return False
    if head.startswith(_BINARY_MAGIC):
        return True
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):   # UTF-16 text has NULs
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) // 10


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
    cause: str | None = None             # finer cause of a failure (TLS: cert_expired, cert_untrusted …)
    retries: int = 0                     # 429/503 retries after waiting for Retry-After

    @property
    def ok(self) -> bool:
        return self.status == COMPLETED

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    @property
    def is_html(self) -> bool:
        """HTML by header, or by a sniff when the header is missing or generic; never binary."""
        ctype = self.content_type.lower()
        if looks_binary(self.body):
            return False
        if "html" in ctype:
            return True
        if ctype and not ctype.startswith(("application/octet-stream", "text/plain")):
            return False
        head = self.body[:512].lstrip().lower()
        return head.startswith((b"<!doctype html", b"<html", b"<head", b"<meta", b"<!--", b"<body", b"<title"))

    def text(self) -> tuple[str, str, str]:
        """``(text, codec, source)`` of the body; see :func:`govlens.probes.extract.charset.decode_html`."""
        return decode_html(self.body, self.content_type)

    def without_body(self) -> "FetchResult":
        """The same result with no body (what caches and link checks keep)."""
        return FetchResult(url=self.url, status=self.status, method=self.method, http_status=self.http_status,
                           final_url=self.final_url, redirects=list(self.redirects), headers=dict(self.headers),
                           elapsed_ms=self.elapsed_ms, ttfb_ms=self.ttfb_ms, error=self.error, cause=self.cause,
                           retries=self.retries)
