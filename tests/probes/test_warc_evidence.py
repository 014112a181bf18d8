"""evidence.warc.gz: the spool's records behind the findings are copied, redirects with their page,
within EVIDENCE_TOTAL_BYTES; the store maps each finding URL to its record id."""
from __future__ import annotations

from warcio.archiveiterator import ArchiveIterator

from govlens.probes.warc.evidence import write_evidence
from govlens.probes.warc.capture import WarcRecorder
from govlens.settings import Settings
from govlens.store.campaign_store import CampaignStore


def _finding(pid: str, url: str) -> dict:
    return {"platform_id": pid, "kind": "stale_column", "url": url, "detail": "d", "indicator_id": "x",
            "evidence_url": url, "snippet": ""}


def _spool(path, pages: int, size: int) -> None:
    rec = WarcRecorder(path, page_bytes=size)
    rec("GET", "http://a.gov.cn/old", 301, {"location": "/col/1.html"}, b"")
    for i in range(pages):
        rec("GET", f"http://a.gov.cn/col/{i}.html", 200, {"content-type": "text/html"},
            (f"<html><title>栏目{i}</title>" + "".join(f"<p>{i}-{j} {j * 7919 % 104729}</p>" for j in range(size)))
            .encode())
    rec.close()


def _responses(path) -> dict[str, str]:
    with path.open("rb") as fh:
        return {r.rec_headers.get_header("WARC-Record-ID"): r.rec_headers.get_header("WARC-Target-URI")
                for r in ArchiveIterator(fh) if r.rec_type == "response"}


def test_the_pages_behind_findings_and_only_they(tmp_path):
    _spool(tmp_path / "spool.warc.gz", 6, 200)
    store = CampaignStore(tmp_path / "c.duckdb")
    store.insert("findings", [_finding("p1", "http://a.gov.cn/old"), _finding("p2", "http://a.gov.cn/col/3.html"),
                              _finding("p2", "http://a.gov.cn/never-fetched.html")])
    facts = write_evidence(store, tmp_path / "spool.warc.gz", tmp_path / "evidence.warc.gz", Settings())
    kept = _responses(tmp_path / "evidence.warc.gz")
    assert sorted(kept.values()) == ["http://a.gov.cn/col/1.html", "http://a.gov.cn/col/3.html", "http://a.gov.cn/old"]
    rows = {(r["platform_id"], r["url"]): r for r in store.rows("evidence_records")}
    assert set(rows) == {("p1", "http://a.gov.cn/old"), ("p2", "http://a.gov.cn/col/3.html")}
    # a redirect's finding points at the page it leads to
    assert kept[rows[("p1", "http://a.gov.cn/old")]["record_id"]] == "http://a.gov.cn/col/1.html"
    assert facts["evidence_records"] == 3


def test_evidence_total_bytes_bounds_the_file(tmp_path):
    _spool(tmp_path / "spool.warc.gz", 40, 3000)
    store = CampaignStore(tmp_path / "c.duckdb")
    store.insert("findings", [_finding("p", f"http://a.gov.cn/col/{i}.html") for i in range(40)])
    write_evidence(store, tmp_path / "spool.warc.gz", tmp_path / "all.warc.gz", Settings())
    whole = (tmp_path / "all.warc.gz").stat().st_size
    limit = whole // 4
    write_evidence(store, tmp_path / "spool.warc.gz", tmp_path / "evidence.warc.gz",
                   Settings({"EVIDENCE_TOTAL_BYTES": limit}))
    size = (tmp_path / "evidence.warc.gz").stat().st_size
    kept = len(_responses(tmp_path / "evidence.warc.gz"))
    # it stops at the first record past the limit: within one record of it
    assert limit <= size < limit + whole / 40 * 2 and 0 < kept < 40
    assert store.count("evidence_records") == kept


def test_the_spool_cuts_pages_and_stops_at_its_size(tmp_path):
    rec = WarcRecorder(tmp_path / "spool.warc.gz", page_bytes=500, total_bytes=20_000)
    for i in range(200):
        rec("GET", f"http://a.gov.cn/{i}.html", 200, {"content-type": "text/html"},
            bytes((i * 31 + j * 7) % 251 for j in range(4000)))
    rec.close()
    size = (tmp_path / "spool.warc.gz").stat().st_size
    assert size < 20_000 + 2 * 1500 and rec.dropped > 0 and rec.written + rec.dropped == 200
    with (tmp_path / "spool.warc.gz").open("rb") as fh:
        for r in ArchiveIterator(fh):
            if r.rec_type == "response":
                assert r.rec_headers.get_header("WARC-Truncated") == "length"
                assert len(r.content_stream().read()) == 500
