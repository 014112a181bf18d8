"""Pages from WARC archives instead of the network: the index of the archives and their records.

An office that crawled its sites with any crawler (``wget --warc-file``, Heritrix,
browsertrix, or ``govlens scan --capture-warc``) evaluates the crawl offline: the scan runs
the same probes through :class:`~govlens.probes.warc.replay.WarcFetcher`, which answers from
the index built here and never touches the network.

- **One index, built once.** :class:`WarcIndex` reads every archive once (warcio's
  ``ArchiveIterator``) and keeps, per (method, normalised ``WARC-Target-URI``), where the
  record is (file, offset): no body stays in memory; a fetch seeks and reads one record.
  ``request`` records give a response its method (paired by ``WARC-Concurrent-To``; GET
  when there is none, as in most crawls). A complete record wins over a truncated one
  (``WARC-Truncated``), a later one over an earlier one.
- **Revisit records** (deduplicated crawls) take their payload from the record they refer
  to (``WARC-Refers-To-Target-URI``, else the same ``WARC-Payload-Digest``), their status
  and headers from themselves when they carry them.

Bad input never stops the scan: a truncated or corrupt archive, a record without a target URI
are :class:`WarcRecordError` problems naming the file and the record's byte offset, and the
index goes on with the next readable record (gzip members are found again by their magic).
A missing archive is an error naming its full path.

Hand-written around warcio (the index, the replay): warcio reads and writes records but has no
random-access replay of HTTP exchanges; pywb does, as a web server with its own index format,
far more than a scan needs.
"""
from __future__ import annotations

import contextlib
import io
import logging
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import idna
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from govlens import messages
from govlens.errors import InputError
from govlens.probes.net.fetch_result import KEPT_HEADERS

logging.getLogger("warcio").setLevel(logging.ERROR)    # it logs a hostile archive's text as warnings
ORIG_PREFIX = "x-archive-orig-"        # headers a capture renamed because the payload is stored decoded
_RESYNC_BLOCK = 1 << 20
MAX_HEADERS = 128                      # HTTP headers read from one record (aiohttp's own limit)
MAX_HEADER_VALUE = 8190                # ... and characters of one value (aiohttp's max_field_size)


class WarcRecordError(InputError):
    """A WARC file or record govlens cannot use; ``key`` names the report's locale string (``warc.<key>``)
    and the messages catalogue's (``warc_record.<key>``), in which the error's own text is worded."""

    def __init__(self, key: str, *, file: str, offset: int | None = None, url: str | None = None,
                 detail: str = "") -> None:
        self.key, self.offset, self.url, self.detail = key, offset, url, detail
        super().__init__(_worded(key, offset, url, detail), file=file)

    def params(self) -> dict[str, Any]:
        """Placeholders of the locale string: file, offset, url, detail."""
        return {"file": self.file, "offset": "" if self.offset is None else self.offset, "url": self.url or "",
                "detail": self.detail}


#: the problems a WARC file or record can have (``warc_record.<key>`` of the messages catalogue)
KEYS = ("missing_file", "unreadable", "corrupt", "no_target_uri", "not_html", "not_a_response", "not_in_archive")


def _worded(key: str, offset: int | None, url: str | None, detail: str) -> str:
    """The problem in the process's language; a detail code (``truncated``) in words, any other detail as given."""
    code = f"warc_record.detail.{detail}"
    shown = messages.t(code) if detail and messages.has(code) else (detail or messages.t("format.none"))
    if key not in KEYS:
        return key
    return messages.t(f"warc_record.{key}", offset="" if offset is None else offset, url=url or "", detail=shown)


def normalise_uri(uri: str) -> str:
    """The form both sides of a lookup use: ``<…>`` dropped (WARC 1.0 writers), scheme and host
    lower-cased, IDN hosts in punycode, default ports and fragments dropped, an empty path as ``/``."""
    uri = uri.strip()
    if uri.startswith("<") and uri.endswith(">"):
        uri = uri[1:-1].strip()
    try:
        parts = urlsplit(uri)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return uri
    scheme = parts.scheme.lower()
    if host and not host.isascii():
        try:
            host = idna.encode(host, uts46=True).decode("ascii")     # IDNA 2008, as the fetcher sends it
        except (idna.IDNAError, UnicodeError):
            pass
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


@dataclass(slots=True)
class Entry:
    """Where one archived response is: file number, byte offset, and how complete it is."""

    file: int
    offset: int
    truncated: bool
    revisit: bool = False


@dataclass
class WarcIndex:
    """(method, URL) → record, over several archives; ``problems`` are the bad records met."""

    files: list[Path]
    entries: dict[tuple[str, str], Entry] = field(default_factory=dict)
    digests: dict[str, Entry] = field(default_factory=dict)
    problems: list[WarcRecordError] = field(default_factory=list)
    records: int = 0

    @classmethod
    def build(cls, paths: Iterable[str | Path]) -> "WarcIndex":
        """Index ``paths``; a missing or unreadable file raises (naming its full path), a bad record does not."""
        files = [Path(p) for p in paths]
        for p in files:
            if not p.is_file():
                raise WarcRecordError("missing_file", file=str(p.resolve()))
        index = cls(files)
        # warcio writes the text of a malformed record to stderr itself: hostile bytes on the user's terminal
        with contextlib.redirect_stderr(io.StringIO()):
            for number, path in enumerate(files):
                index._read(number, path)
        return index

    def _read(self, number: int, path: Path) -> None:
        methods: dict[str, str] = {}            # request record id → method; response id → method
        pending: list[tuple[str, str | None, str, Entry, str]] = []   # (key uri, concurrent, id, entry, digest)
        try:
            fh = path.open("rb")
        except OSError as exc:
            raise WarcRecordError("unreadable", file=str(path.resolve()), detail=type(exc).__name__) from None
        with fh:
            start = 0
            while start is not None:
                start = self._scan(fh, start, number, path, methods, pending)
        for uri, concurrent, rid, entry, digest in pending:
            method = methods.get(rid) or (methods.get(concurrent) if concurrent else None) or "GET"
            key = (method, uri)
            old = self.entries.get(key)
            if old is None or not entry.truncated or old.truncated:
                self.entries[key] = entry
            if digest and not entry.revisit:
                self.digests.setdefault(digest, entry)

    def _scan(self, fh: Any, start: int, number: int, path: Path, methods: dict[str, str],
              pending: list[Any]) -> int | None:
        """Read records from byte ``start``; the offset to resume from after a bad one, or None at the end."""
        fh.seek(start)
        iterator = ArchiveIterator(fh, ensure_http_headers=False)
        last: int | None = None                 # offset of the last record read in this pass
        try:
            for record in iterator:
                last = iterator.get_record_offset()           # absolute: warcio starts at fh.tell()
                self.records += 1
                self._add(record, number, last, path, methods, pending)
            end = start if last is None else last + iterator.get_record_length()
        except (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError, AttributeError) as exc:
            # the bad record is the next one after the last good one (found by its gzip / WARC magic);
            # when there is none, the last one itself was cut off (a truncated file)
            bad = start if last is None else _resync(fh, last + 1)
            if bad is None:
                bad = last
                if pending and pending[-1][3].offset == last:
                    pending[-1][3].truncated = True
            self.problems.append(WarcRecordError(_why(fh, bad), file=str(path), offset=bad, detail=_short(exc)))
            return None if bad is None else _resync(fh, bad + 1)
        size = path.stat().st_size
        if last is not None and _cut_member(fh, last):
            if pending and pending[-1][3].offset == last:
                pending[-1][3].truncated = True
            self.problems.append(WarcRecordError("corrupt", file=str(path), offset=last, detail="truncated"))
            return None
        if end < size and fh.seek(end) == end and fh.read(64).strip(b"\r\n\x00"):
            # warcio stops quietly at a gzip member cut short: the rest of the file is a record it could not read
            self.problems.append(WarcRecordError("corrupt", file=str(path), offset=end, detail="unparsable"))
            return _resync(fh, end + 1)
        return None

    def _add(self, record: Any, number: int, offset: int, path: Path, methods: dict[str, str],
             pending: list[Any]) -> None:
        kind = record.rec_type
        h = record.rec_headers
        if not record.format.startswith("warc"):
            # warcio takes any line of text for an ARC header: this is not a WARC record at all
            self.problems.append(WarcRecordError("corrupt", file=str(path), offset=offset, detail="not_warc"))
            return
        if kind == "request":
            method = _request_method(record)
            if method:
                methods[h.get_header("WARC-Record-ID") or ""] = method
                concurrent = h.get_header("WARC-Concurrent-To")
                if concurrent:
                    methods[concurrent] = method
            return
        if kind not in ("response", "revisit"):
            return
        uri = h.get_header("WARC-Target-URI")
        if not uri or not uri.strip():
            self.problems.append(WarcRecordError("no_target_uri", file=str(path), offset=offset))
            return
        if not uri.strip().lstrip("<").lower().startswith(("http://", "https://")):
            return                               # dns:, whois:, screenshots … are not pages
        if record.http_headers is None and kind == "response":
            return
        entry = Entry(number, offset, truncated=bool(h.get_header("WARC-Truncated")), revisit=kind == "revisit")
        pending.append((normalise_uri(uri), h.get_header("WARC-Concurrent-To"), h.get_header("WARC-Record-ID") or "",
                        entry, h.get_header("WARC-Payload-Digest") or ""))

    def lookup(self, method: str, url: str) -> Entry | None:
        """The record answering ``method url`` (a HEAD is answered by a GET's headers), or None."""
        key = normalise_uri(url)
        found = self.entries.get((method, key))
        if found is None and method == "HEAD":
            found = self.entries.get(("GET", key))
        return found

    def urls(self) -> list[str]:
        return sorted({uri for _, uri in self.entries})


@dataclass(slots=True)
class Response:
    """One archived response, read: status, headers (lower-cased names), payload, and the record's id."""

    status: int
    headers: dict[str, str]
    body: bytes
    truncated: bool
    record_id: str
    target_uri: str
    date: str


def read_response(path: Path, offset: int, cap: int, index: WarcIndex | None = None) -> Response:
    """The response record at ``offset`` of ``path``, its payload cut after ``cap`` + 1 bytes."""
    with path.open("rb") as fh:
        fh.seek(offset)
        try:
            record = next(iter(ArchiveIterator(fh, ensure_http_headers=False)))
            return _response(record, cap, path, offset, index)
        except StopIteration:
            raise WarcRecordError("corrupt", file=str(path), offset=offset, detail="unparsable") from None
        except (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError) as exc:
            raise WarcRecordError("corrupt", file=str(path), offset=offset, detail=_short(exc)) from None


def _response(record: Any, cap: int, path: Path, offset: int, index: WarcIndex | None) -> Response:
    h = record.rec_headers
    if record.rec_type not in ("response", "revisit") or record.http_headers is None \
            and record.rec_type == "response":
        raise WarcRecordError("not_a_response", file=str(path), offset=offset, detail=record.rec_type)
    http = record.http_headers
    headers: dict[str, str] = {}
    status = 200
    if http is not None:
        try:
            status = int(http.get_statuscode() or 200)
        except ValueError:
            raise WarcRecordError("corrupt", file=str(path), offset=offset, detail="bad_status") from None
        pairs = http.headers[:MAX_HEADERS]           # an archive is hostile input too: bounded like aiohttp's parser
        renamed = {n.lower()[len(ORIG_PREFIX):] for n, _ in pairs if n.lower().startswith(ORIG_PREFIX)}
        for name, value in pairs:
            low = name.lower()
            if low.startswith(ORIG_PREFIX):
                low = low[len(ORIG_PREFIX):]
            elif low in renamed:
                continue
            if low in KEPT_HEADERS or low == "retry-after":
                headers.setdefault(low, value[:100] if low == "retry-after" else value[:MAX_HEADER_VALUE])
    truncated = bool(h.get_header("WARC-Truncated"))
    if record.rec_type == "revisit":
        body, truncated = _revisit_payload(record, cap, index, truncated)
    else:
        body = record.content_stream().read(cap + 1)
    return Response(status, headers, body, truncated, h.get_header("WARC-Record-ID") or "",
                    h.get_header("WARC-Target-URI") or "", h.get_header("WARC-Date") or "")


def _revisit_payload(record: Any, cap: int, index: WarcIndex | None, truncated: bool) -> tuple[bytes, bool]:
    """The payload a revisit record stands for: the record it refers to, by URI or by digest."""
    if index is None:
        return b"", truncated
    h = record.rec_headers
    target = h.get_header("WARC-Refers-To-Target-URI") or h.get_header("WARC-Target-URI") or ""
    digest = h.get_header("WARC-Payload-Digest") or ""
    entry = index.digests.get(digest) if digest else None
    if entry is None:
        found = index.entries.get(("GET", normalise_uri(target)))
        entry = found if found is not None and not found.revisit else None
    if entry is None:
        return b"", truncated
    original = read_response(index.files[entry.file], entry.offset, cap, None)
    return original.body, truncated or original.truncated


def _request_method(record: Any) -> str | None:
    http = record.http_headers
    line = getattr(http, "protocol", "") if http is not None else ""
    method = (line or "").split(" ", 1)[0].upper()
    return method if method.isalpha() else None


def _resync(fh: Any, at: int) -> int | None:
    """The offset of the next gzip member or ``WARC/`` header after ``at``, or None (end of file)."""
    fh.seek(at)
    pos = at
    tail = b""
    while True:
        block = fh.read(_RESYNC_BLOCK)
        if not block:
            return None
        data = tail + block
        base = pos - len(tail)
        hits = [i for i in (data.find(b"\x1f\x8b\x08"), data.find(b"WARC/1.")) if i >= 0]
        if hits:
            return base + min(hits)
        tail = data[-8:]
        pos += len(block)


def _cut_member(fh: Any, offset: int) -> bool:
    """True when the gzip member at ``offset`` (the file's last record) ends before its trailer."""
    fh.seek(offset)
    if fh.read(2) != b"\x1f\x8b":
        return False
    fh.seek(offset)
    inflate = zlib.decompressobj(31)
    try:
        while not inflate.eof and (block := fh.read(_RESYNC_BLOCK)):
            inflate.decompress(block, 1 << 16)
            while inflate.unconsumed_tail and not inflate.eof:
                inflate.decompress(inflate.unconsumed_tail, 1 << 16)
    except zlib.error:
        return True
    return not inflate.eof


def _why(fh: Any, offset: int | None) -> str:
    """``no_target_uri`` when the record at ``offset`` is a response without one, else ``corrupt``."""
    if offset is None:
        return "corrupt"
    try:
        fh.seek(offset)
        record = next(iter(ArchiveIterator(fh, no_record_parse=True)))
        if record.format.startswith("warc") and record.rec_type in ("response", "revisit") \
                and not record.rec_headers.get_header("WARC-Target-URI"):
            return "no_target_uri"
    except Exception:  # noqa: BLE001 - a record that cannot even be read this way is corrupt
        pass
    return "corrupt"


def _short(exc: BaseException) -> str:
    """What went wrong, as a code of ``warc.detail`` (never the exception's text: it quotes the archive's bytes)."""
    if isinstance(exc, EOFError) or "truncat" in str(exc).lower() or "end of" in str(exc).lower():
        return "truncated"
    if isinstance(exc, zlib.error):
        return "bad_gzip"
    return "unparsable"
