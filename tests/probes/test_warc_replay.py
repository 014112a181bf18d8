"""WARC in and out, through the real CLI: the sandbox web scanned live (with `--capture-warc`), then
the same campaign scanned from that WARC with no network, must give the same observations and
findings; and every page behind a finding is in `evidence.warc.gz` with its record id on the scorecard.

What a WARC cannot carry, and so is left out of the comparison (each named here, nothing else):

- timings: ``elapsed_ms`` and ``ttfb_ms`` (null in WARC mode), and the findings computed from them
  (:data:`TIMING_KINDS`);
- the probes an archive cannot answer, skipped in WARC mode (``UNARCHIVABLE_PROBES``: tls, dns,
  mobile_portal, browser) — the WARC store must hold none of their observations;
- network failures: a request that got no HTTP response (DNS error, refused, reset, timeout, TLS
  error) has no record, so WARC mode says ``not_in_archive`` where the live scan said how it failed;
  the error text of such observations differs accordingly.

The sandbox is served without the sites whose answers depend on the order of requests
(``intermittent_outage``, the inspection web's flaky sites) and without the slow ones (their
findings are timings), as in tests/test_kill_resume.py.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from datetime import date
from pathlib import Path

import duckdb
import pytest
from warcio.archiveiterator import ArchiveIterator

from govlens.contract import defects as D
from govlens.pipeline.campaign import write_campaign
from govlens.probes.warc.replay import UNARCHIVABLE_PROBES
from govlens.registry import load_registry
from govlens.registry.shipped import shipped_registry
from govlens.registry.write import write_registry_csv
from govlens.sandbox.platforms import generate_platforms
from govlens.sandbox.process import sandbox_process
from govlens.sandbox.web import build_sandbox

SITES = 24
SEED = 2013
AS_OF = date(2013, 12, 15)
SETTINGS = {"CONCURRENCY_SITES": 8, "AVAILABILITY_VISITS": 2, "AVAILABILITY_SPACING": 0.0,
            "CRAWL_MAX_PAGES": 14, "LINKS_MAX_PER_SITE": 60, "BROWSER_ENABLED": False}
TIMING_KEYS = {"elapsed_ms", "ttfb_ms"}
NETWORK_FAILURES = {"dns_error", "connection_refused", "connection_reset", "connection_error", "timeout",
                    "tls_error", "protocol_error"}
TIMING_KINDS = {D.SLOW_RESPONSE} | {k for k in D.ALL_KINDS if "slow" in k or "ttfb" in k}


def _registry(folder: Path) -> list:
    candidates = generate_platforms(load_registry(shipped_registry()).platforms, SITES + 20, SEED)
    web = build_sandbox(candidates, SEED, AS_OF)
    left_out = {s.platform.id for s in web.sites if {D.INTERMITTENT_OUTAGE, D.SLOW_RESPONSE} & set(s.flags)
                or getattr(getattr(s, "inspection", None), "flaky_rate", 0)}
    platforms = [p for p in candidates if p.id not in left_out][:SITES]
    write_registry_csv(platforms, folder / "registry.csv")
    return platforms


def _campaign(folder: Path, name: str, **extra) -> Path:
    write_campaign(folder / f"{name}.toml", {"name": name, "check_date": AS_OF.isoformat(),
                                             "registry": "registry.csv", "out": name, **extra}, SETTINGS)
    return folder / f"{name}.toml"


@pytest.fixture(scope="module")
def scans(tmp_path_factory, scan_tools):
    folder = tmp_path_factory.mktemp("warc")
    platforms = _registry(folder)
    with sandbox_process(folder / "registry.csv", sites=len(platforms), seed=SEED, as_of=AS_OF,
                         state_dir=folder / "sandbox"):
        live = _campaign(folder, "live", sandbox="sandbox/sandbox.json")
        done = scan_tools.run(["scan", str(live), "--capture-warc", str(folder / "crawl.warc.gz")],
                              folder / "live.log")
        assert done.returncode == 0, done.stderr[-3000:]
    # the server is gone: the WARC scan cannot reach anything even if it tried
    replay = _campaign(folder, "replay", warc=["crawl.warc.gz"])
    done = scan_tools.run(["scan", str(replay)], folder / "replay.log")
    assert done.returncode == 0, done.stderr[-3000:]
    for name in ("live", "replay"):
        done = scan_tools.run(["score", str(folder / f"{name}.toml")], folder / f"{name}-score.log")
        assert done.returncode == 0, done.stderr[-3000:]
        done = scan_tools.run(["report", str(folder / f"{name}.toml")], folder / f"{name}-report.log")
        assert done.returncode == 0, done.stderr[-3000:]
    return folder


def _rows(store: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(store), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _observations(store: Path) -> Counter:
    out: Counter = Counter()
    for pid, probe, kind, url, status, http_status, data in _rows(
            store, "SELECT platform_id, probe, kind, url, status, http_status, data FROM observations"):
        if probe in UNARCHIVABLE_PROBES or kind == "deadline":
            continue
        payload = {k: v for k, v in (json.loads(data) if isinstance(data, str) else data or {}).items()
                   if k not in TIMING_KEYS}
        if status in NETWORK_FAILURES or status == "not_in_archive":
            status, http_status = "no response", None
            payload.pop("error", None)
            payload.pop("cause", None)
        out[(pid, probe, kind, url, status, http_status, json.dumps(_no_failures(payload), sort_keys=True,
                                                                      ensure_ascii=False))] += 1
    return out


def _no_failures(value):
    """Nested payloads (link lists) say how a request failed: a WARC says only that it has no record."""
    if isinstance(value, dict):
        if value.get("status") in NETWORK_FAILURES | {"not_in_archive"}:
            value = {**value, "status": "no response", "error": None, "http_status": None}
        return {k: _no_failures(v) for k, v in value.items() if k not in TIMING_KEYS and k != "cause"}
    if isinstance(value, list):
        return [_no_failures(v) for v in value]
    return value


def test_replay_equals_the_live_scan(scans: Path) -> None:
    live, replay = _observations(scans / "live" / "campaign.duckdb"), _observations(scans / "replay" / "campaign.duckdb")
    assert sum(live.values()) > 500, "the live scan saw too little to compare"
    only_live, only_replay = live - replay, replay - live
    assert not only_live and not only_replay, (list(only_live)[:5], list(only_replay)[:5])
    # the probes an archive cannot answer were skipped, and the scan says so
    store = scans / "replay" / "campaign.duckdb"
    assert not _rows(store, "SELECT * FROM observations WHERE probe IN ('tls', 'dns', 'mobile_portal', 'browser')")
    meta = json.loads(_rows(store, "SELECT value FROM meta WHERE key = 'scan'")[0][0])
    assert meta["source"] == "warc" and set(meta["skipped_probes"]) == {"tls", "dns", "mobile_portal"}


def test_replay_findings_equal_the_live_findings(scans: Path) -> None:
    sql = "SELECT platform_id, kind, url, detail, indicator_id, evidence_url, snippet FROM findings"
    live = Counter(r for r in _rows(scans / "live" / "campaign.duckdb", sql) if r[1] not in TIMING_KINDS)
    replay = Counter(r for r in _rows(scans / "replay" / "campaign.duckdb", sql) if r[1] not in TIMING_KINDS)
    # findings of the skipped probes (certificates, DNS, the phone site) exist only live
    skipped = {r for r in live if r[4].startswith(("certificate", "hsts", "ipv6", "mobile", "phone", "tap"))}
    assert sum(live.values()) > 20
    assert Counter({k: v for k, v in live.items() if k not in skipped}) == replay


def test_evidence_file_holds_every_page_behind_a_finding(scans: Path) -> None:
    out = scans / "live"
    ids = {}
    with (out / "evidence.warc.gz").open("rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type == "response":
                ids[record.rec_headers.get_header("WARC-Record-ID")] = record.rec_headers.get_header("WARC-Target-URI")
    rows = _rows(out / "campaign.duckdb", "SELECT platform_id, url, record_id FROM evidence_records")
    assert rows and all(rid in ids for _, _, rid in rows)
    # every finding whose page the scan fetched as HTML has its record (the default bounds are not reached)
    pages = {(pid, url) for pid, url in _rows(out / "campaign.duckdb",
             "SELECT DISTINCT platform_id, json_extract_string(data, '$.final_url') FROM observations "
             "WHERE kind = 'page' AND status = 'completed'")}
    behind = {(pid, url) for pid, url in _rows(out / "campaign.duckdb",
              "SELECT DISTINCT platform_id, evidence_url FROM findings")}
    kept = {(pid, url) for pid, url, _ in rows}
    assert behind & pages and behind & pages <= kept
    # the scorecard shows the record id next to the finding, escaped
    pid, url, rid = sorted(rows)[0]
    card = (out / "scorecards" / f"{pid}.html").read_text(encoding="utf-8")
    assert rid.replace("<", "&lt;").replace(">", "&gt;") in card and rid not in card


def test_a_warc_written_by_wget_is_read(tmp_path: Path, scan_tools) -> None:
    """Another writer: GNU wget's --warc-file (``<…>`` target URIs, raw chunked/encoded payloads), through
    the sandbox as an HTTP proxy so the records carry the sites' own URLs. The homepages read from it
    must give the same ``page`` observations as a live govlens scan of the same sites (timings aside)."""
    wget = shutil.which("wget")
    if wget is None:
        pytest.skip("wget is not installed (apt-get install wget)")
    candidates = generate_platforms(load_registry(shipped_registry()).platforms, 80, SEED)
    web = build_sandbox(candidates, SEED, AS_OF)
    # sites that answer http:// themselves (wget through a plain HTTP proxy cannot follow a redirect to https)
    plain = {s.platform.id for s in web.sites if D.NO_HTTPS_REDIRECT in s.flags}
    from dataclasses import replace
    platforms = [replace(p, url=p.url.replace("https://", "http://")) for p in candidates if p.id in plain]
    assert len(platforms) >= 3
    write_registry_csv(platforms, tmp_path / "registry.csv")
    with sandbox_process(tmp_path / "registry.csv", sites=len(platforms), seed=SEED, as_of=AS_OF,
                         state_dir=tmp_path / "sandbox") as state:
        proxy = f"http://127.0.0.1:{state['http_port']}"
        subprocess.run([wget, "-q", "--tries=1", "--timeout=10", "-e", "robots=off", "-e", f"http_proxy={proxy}",
                        "--warc-file", str(tmp_path / "wget"), "--no-warc-keep-log", "-O", "/dev/null",
                        *[p.url for p in platforms]], check=False, timeout=120)
        live = scan_tools.run(["scan", str(_campaign(tmp_path, "live", sandbox="sandbox/sandbox.json"))],
                              tmp_path / "live.log")
        assert live.returncode == 0, live.stderr[-3000:]
    archive = tmp_path / "wget.warc.gz"
    assert archive.is_file()
    done = scan_tools.run(["scan", str(_campaign(tmp_path, "wget")), "--from-warc", str(archive)], tmp_path / "wget.log")
    assert done.returncode == 0, done.stderr[-3000:]
    sql = ("SELECT platform_id, url, status, http_status, data FROM observations "
           "WHERE kind = 'page' AND json_extract_string(data, '$.role') = 'home'")

    def homes(store: Path) -> dict:
        return {pid: (url, status, http_status, _no_failures(json.loads(data) if isinstance(data, str) else data))
                for pid, url, status, http_status, data in _rows(store, sql)}

    from_wget, from_live = homes(tmp_path / "wget" / "campaign.duckdb"), homes(tmp_path / "live" / "campaign.duckdb")
    assert len(from_wget) == len(platforms) and all(h[1] == "completed" and h[3]["title"] for h in from_wget.values())
    assert from_wget == from_live
