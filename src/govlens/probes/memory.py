"""Keep the scanner's resident memory close to what it actually uses.

Two measured causes of a scanner's RSS that no library setting reaches (figures: peak RSS of
``govlens scan`` on 200 sandbox sites, 2 cores):

- **asyncio's TLS read buffer.** Every TLS connection holds a ``bytearray`` of
  ``asyncio.sslproto.SSLProtocol.max_size`` (256 KiB) and every read allocates that much
  again. A scan keeps hundreds of connections (``CONCURRENCY_TOTAL``, per-host keep-alive):
  tens of megabytes of buffers for responses that aiohttp consumes in 64 KiB chunks anyway.
  :func:`tune_tls_buffers` sets it to 64 KiB (about 40 MB less).
- **glibc's dynamic mmap threshold.** glibc serves the first large buffers with ``mmap``,
  then raises its threshold to their size and serves the rest from the heap, where small
  long-lived objects allocated in between pin the freed space. :func:`tune_allocator` fixes
  the threshold at glibc's default (128 KiB), so large buffers go back to the system when
  freed (tens of MB less). It is one ``mallopt`` call, a no-op off glibc.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import sys

M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 128 * 1024
TLS_READ_BUFFER = 64 * 1024
_done = False


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


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None
    return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None


def tune_allocator() -> bool:
    """Fix glibc's mmap threshold (once per process); True when it was applied."""
    global _done
    if _done:
        return True
    libc = _libc()
    if libc is None:
        return False
    _done = bool(libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD))
    return _done


def release_free_memory() -> None:
    """Return the heap's free pages to the system (``malloc_trim``), e.g. after a large batch."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
