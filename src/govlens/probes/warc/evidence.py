"""``evidence.warc.gz``: every page behind a finding, as the scan received it.

An inspected unit disputes a finding; the answer is the page exactly as govlens saw it. The
scan keeps what it fetched in a bounded spool WARC (:class:`~govlens.probes.warc.capture.WarcRecorder`,
``EVIDENCE_PAGE_BYTES`` per response, ``EVIDENCE_SPOOL_BYTES`` in all). After the indicators
ran, :func:`write_evidence` copies from the spool the records of the URLs that have findings
(a redirect's record and the page it leads to) into ``evidence.warc.gz`` — at most
``EVIDENCE_TOTAL_BYTES`` — and fills the ``evidence_records`` table: per (platform, finding
URL) the ``WARC-Record-ID`` of the page's record, which the scorecards show next to the
finding. Records are copied as they are (same ids), so the evidence file is a plain WARC any
replay tool opens.

A finding whose URL the spool does not hold (the spool was full, a page fetched by another
user agent, a finding about a whole site) has no record id; the scorecard then shows none.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.warcwriter import WARCWriter

from govlens.probes.net.fetch import REDIRECT_CODES
from govlens.probes.warc.source import WarcIndex
from govlens.store.campaign_store import CampaignStore
from govlens.store.queries import finding_evidence_urls

EVIDENCE_NAME = "evidence.warc.gz"
MAX_HOPS = 11                 # records followed from a finding's URL (redirects, then the page)


def write_evidence(store: CampaignStore, spool: Path, out: Path, settings: Mapping[str, Any]) -> dict[str, Any]:
    """Copy the spool's records behind the store's findings into ``out``; returns what it did."""
    store.delete("evidence_records")
    if not spool.is_file():
        return {"evidence_records": 0, "evidence_file": None}
    rows = finding_evidence_urls(store)
    if not rows:
        out.unlink(missing_ok=True)
        return {"evidence_records": 0, "evidence_file": None}
    index = WarcIndex.build([spool])
    limit = int(settings["EVIDENCE_TOTAL_BYTES"])
    copied: dict[int, str] = {}                   # spool offset → record id (each record written once)
    found: list[dict[str, Any]] = []
    tmp = out.with_name(out.name + ".part")
    out.parent.mkdir(parents=True, exist_ok=True)
    with spool.open("rb") as src, tmp.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        full = False
        for pid, url in sorted(rows):
            chain = _chain(index, src, url)
            if not chain:
                continue
            if not full and any(off not in copied for off, _ in chain) and limit > 0 and fh.tell() >= limit:
                full = True
            if full and any(off not in copied for off, _ in chain):
                continue
            for off, _ in chain:
                if off not in copied:
                    copied[off] = _copy(src, off, writer)
            page_offset, target = chain[-1]
            found.append({"platform_id": pid, "url": url, "record_id": copied[page_offset], "target_uri": target,
                          "file": EVIDENCE_NAME})
    if not copied:
        tmp.unlink(missing_ok=True)
        out.unlink(missing_ok=True)
        return {"evidence_records": 0, "evidence_file": None}
    tmp.replace(out)
    store.insert("evidence_records", found)
    return {"evidence_records": len(copied), "evidence_findings": len(found), "evidence_file": str(out),
            "evidence_bytes": out.stat().st_size}


def _chain(index: WarcIndex, src: Any, url: str) -> list[tuple[int, str]]:
    """(offset, target URI) of ``url``'s record and of the redirects it leads through, to the page."""
    from urllib.parse import urljoin
    out: list[tuple[int, str]] = []
    current = url
    for _ in range(MAX_HOPS):
        entry = index.lookup("GET", current)
        if entry is None or any(off == entry.offset for off, _ in out):
            break
        record = _record_at(src, entry.offset)
        target = record.rec_headers.get_header("WARC-Target-URI") or current
        out.append((entry.offset, target))
        status = int(record.http_headers.get_statuscode() or 0) if record.http_headers else 0
        location = record.http_headers.get_header("Location") if record.http_headers else None
        if status not in REDIRECT_CODES or not location or len(out) >= MAX_HOPS:
            break
        current = urljoin(current, location.strip())
    return out


def _record_at(src: Any, offset: int) -> Any:
    src.seek(offset)
    return next(iter(ArchiveIterator(src, ensure_http_headers=False)))


def _copy(src: Any, offset: int, writer: WARCWriter) -> str:
    """Write the spool's record at ``offset`` into the evidence file unchanged; its record id."""
    record = _record_at(src, offset)
    writer.write_record(record)
    return record.rec_headers.get_header("WARC-Record-ID") or ""

