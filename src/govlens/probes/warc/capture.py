"""Write what a scan fetched as WARC records (warcio): the capture option and the evidence spool.

:class:`WarcRecorder` is the ``recorder`` a :class:`~govlens.probes.net.fetch.Fetcher` (or a
:class:`~govlens.probes.warc.source.WarcFetcher`) calls once per hop with
``(method, url, http status, headers, body, why too large or None)``. It writes a ``request``
and a ``response`` record per hop (paired by ``WARC-Concurrent-To``, as wget and warcio do),
each record one gzip member, so any WARC reader — and ``govlens scan --from-warc`` — reads it.

What a capture cannot hold exactly as it came: the fetcher keeps only some response headers
(:data:`~govlens.probes.net.fetch.KEPT_HEADERS`) and the body *decoded* (aiohttp inflates gzip /
br). So the record's payload is stored decoded, with ``Content-Encoding`` and
``Content-Length`` renamed ``X-Archive-Orig-…`` (the wayback convention) and restored on
replay; a body cut at a cap is marked ``WARC-Truncated: length``. Timings are not stored.

Bounds: ``page_bytes`` cuts each payload (marked truncated), ``total_bytes`` stops writing
once the file is that large (``dropped`` counts what was not written); None = unbounded (a
capture is bounded by the fetcher's own caps). ``pages_only`` (the evidence spool) keeps the
answers a finding can point at — GET pages, redirects, error answers — and no request records.
Records are written by a thread of the recorder's own, through a short queue: the hook is
called from the scan's event loop and from the availability visits' thread.
"""
from __future__ import annotations

import io
import queue
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any, BinaryIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from govlens.probes.warc.source import ORIG_PREFIX

QUEUE = 16                     # records waiting for the writer thread (the hook waits beyond)
_REASONS = {200: "OK", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified",
            307: "Temporary Redirect", 308: "Permanent Redirect", 400: "Bad Request", 403: "Forbidden",
            404: "Not Found", 410: "Gone", 429: "Too Many Requests", 500: "Internal Server Error",
            502: "Bad Gateway", 503: "Service Unavailable"}


class WarcRecorder:
    """Appends request/response pairs to one ``.warc.gz``; ``records`` maps URL → first response record id."""

    def __init__(self, path: str | Path, *, page_bytes: int | None = None, total_bytes: int | None = None,
                 append: bool = False, user_agent: str = "govlens", pages_only: bool = False) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.page_bytes = page_bytes if page_bytes and page_bytes > 0 else None
        self.total_bytes = total_bytes if total_bytes and total_bytes > 0 else None
        self.user_agent = user_agent
        self.pages_only = pages_only
        self._fh: BinaryIO = self.path.open("ab" if append else "wb")
        self._writer = WARCWriter(self._fh, gzip=True)
        self.written = 0          # response records written
        self.dropped = 0          # responses not written: the file reached total_bytes (or the disk is full)
        if self._fh.tell() == 0:
            info = self._writer.create_warcinfo_record(self.path.name, {"software": "govlens",
                                                                         "format": "WARC File Format 1.1"})
            self._writer.write_record(info)
        # records are built and compressed on a thread of their own (warcio costs ~1 ms a record: not on the
        # scan's event loop); the queue is short, so at most QUEUE bodies wait in memory
        self._queue: queue.Queue[tuple[Any, ...] | None] = queue.Queue(QUEUE)
        self._thread = threading.Thread(target=self._run, name="govlens-warc", daemon=True)
        self._thread.start()

    def __call__(self, method: str, url: str, status: int, headers: Mapping[str, str], body: bytes,
                 too_large: str | None = None) -> None:
        """Record one hop (the fetcher's hook); never raises for the scan (a full disk stops recording)."""
        if self.pages_only and not _page_like(method, status, headers):
            return
        truncated = bool(too_large)
        if self.page_bytes is not None and len(body) > self.page_bytes:
            body, truncated = body[: self.page_bytes], True
        self._queue.put((method, url, status, dict(headers), body, truncated))

    def append_file(self, data: bytes, records: int) -> None:
        """Append another recorder's closed file (whole gzip members, ``records`` responses): a shard of a
        cluster scan, recorded on its worker (:mod:`govlens.probes.distributed`); within ``total_bytes``."""
        self._queue.put(("file", data, records))

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            records = item[2] if item[0] == "file" else 1
            if self._fh.closed or (self.total_bytes is not None and self._fh.tell() >= self.total_bytes):
                self.dropped += records
                continue
            try:
                if item[0] == "file":
                    self._fh.write(item[1])
                    self.written += records
                    continue
                self._write(*item)
            except OSError:
                self.dropped += records
                self._fh.close()

    def _write(self, method: str, url: str, status: int, headers: Mapping[str, str], body: bytes,
               truncated: bool) -> None:
        pairs: list[tuple[str, str]] = []
        encoded = "content-encoding" in headers
        head = method == "HEAD"                  # no payload: the headers stay as they came
        for name, value in headers.items():
            if name in ("content-encoding", "content-length") and encoded and not head:
                pairs.append((ORIG_PREFIX + name, value))
            elif name != "content-length" or head:
                pairs.append((name, value))
        if not head:
            pairs.append(("content-length", str(len(body))))
        http = StatusAndHeaders(f"{status} {_REASONS.get(status, 'Status')}", pairs, protocol="HTTP/1.1")
        extra = {"WARC-Truncated": "length"} if truncated else {}
        response = self._writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                                   http_headers=http, warc_headers_dict=extra)
        parts = _split(url)
        request_http = StatusAndHeaders(f"{method} {parts[1]} HTTP/1.1",
                                        [("Host", parts[0]), ("User-Agent", self.user_agent)],
                                        is_http_request=True)
        self._writer.write_record(response)
        if not self.pages_only:          # the method of a HEAD or POST answer, for the replay's index
            request = self._writer.create_warc_record(url, "request", http_headers=request_http)
            request.rec_headers.add_header("WARC-Concurrent-To", response.rec_headers.get_header("WARC-Record-ID"))
            self._writer.write_record(request)
        self.written += 1

    def close(self) -> None:
        """Write what is queued, then close the file."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        if not self._fh.closed:
            self._fh.close()


def _page_like(method: str, status: int, headers: Mapping[str, str]) -> bool:
    """What a finding can point at: a GET's page, redirect or error answer (not HEADs, files, images)."""
    if method == "HEAD":
        return False
    ctype = headers.get("content-type", "").lower()
    return status >= 300 or not ctype or "html" in ctype or ctype.startswith(("text/", "application/xml"))


def _split(url: str) -> tuple[str, str]:
    """(Host header, request target) of ``url``."""
    from urllib.parse import urlsplit
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return parts.netloc, target
