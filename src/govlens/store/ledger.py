"""The scan's visit ledger: what makes a killed scan resumable without loss or duplicates.

A national scan runs for hours; a machine reboot, an OOM kill or a Ctrl-C must not cost it.
The rules, each enforced by one DuckDB transaction:

1. **Begin** (``govlens scan``): a new ``scan_id`` is recorded in ``meta['scan_run']``, the
   probes' earlier observations of the platforms to scan are deleted and the ledger is
   emptied, together.
2. **Commit a site**: its observations and its ledger row are inserted together. A site
   either has all its observations and a ledger row, or neither — a kill between the two is
   impossible, because there is no "between".
3. **Resume** (``govlens scan --resume``): continue the recorded ``scan_id``; observations of
   platforms without a ledger row (there should be none, rule 2) are deleted, and only those
   platforms are scanned.

So after any number of kills and resumes the store holds each platform's observations
exactly once, as an uninterrupted scan would (sites are scanned independently; a resumed
site is scanned again from the start).

Each set of probes has its own run: the HTTP scan (``PROBES``, with ``http_site``) is
``meta['scan_run']``, a pass of other probes (the browser pass renders a sample after the
HTTP scan) is ``meta['scan_run:browser']``, and their ledger rows are told apart by their
``probes`` column, so beginning or resuming one never touches the other's.
"""
from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import pandas as pd

from govlens.store.campaign_store import CampaignStore

META_KEY = "scan_run"


def run_key(probes: Sequence[str]) -> str:
    """The meta key of the run of ``probes`` (``scan_run`` for the HTTP scan)."""
    return META_KEY if "http_site" in probes else f"{META_KEY}:" + "+".join(probes)


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


@dataclass
class ScanRun:
    scan_id: str
    probes: list[str]
    resumed: bool
    done: set[str]                  # platforms already committed under this scan_id


def _with_ids(store: CampaignStore, platform_ids: Iterable[str]) -> None:
    store.con.register("_govlens_ids", pd.DataFrame({"platform_id": list(platform_ids)}, dtype=object))


def _drop_ids(store: CampaignStore) -> None:
    store.con.unregister("_govlens_ids")


def begin_scan(store: CampaignStore, probes: Sequence[str], platform_ids: Sequence[str]) -> ScanRun:
    """Start a new scan: forget the probes' old observations of these platforms, and the ledger."""
    scan_id = uuid.uuid4().hex
    marks = ", ".join("?" * len(probes))
    _with_ids(store, platform_ids)
    try:
        with store.transaction():
            store.con.execute(f"DELETE FROM observations WHERE probe IN ({marks}) "
                              f"AND platform_id IN (SELECT platform_id FROM _govlens_ids)", list(probes))
            if run_key(probes) == META_KEY:       # every earlier HTTP scan's rows, whatever its probe list
                store.con.execute("DELETE FROM scan_ledger WHERE list_contains(string_split(probes, ','), 'http_site')")
            else:
                store.con.execute("DELETE FROM scan_ledger WHERE probes = ?", [",".join(probes)])
            store.set_meta(run_key(probes), {"scan_id": scan_id, "probes": list(probes), "platforms": len(platform_ids),
                                      "started_at": _now().isoformat(timespec="seconds"), "finished": False,
                                      "resumes": 0})
    finally:
        _drop_ids(store)
    return ScanRun(scan_id=scan_id, probes=list(probes), resumed=False, done=set())


def _renamed_run(store: CampaignStore, probes: Sequence[str],
                 renamed: Mapping[str, str]) -> Mapping[str, Any] | None:
    """The recorded run of ``probes`` under the names they had before (``renamed``: old → new), moved to the
    current names — its observations, ledger rows and meta key — so a scan killed before a rename resumes."""
    old_name = {new: old for old, new in renamed.items()}
    before = [old_name.get(p, p) for p in probes]
    run: Mapping[str, Any] | None = store.get_meta(run_key(before))
    if before == list(probes) or not run or list(run.get("probes") or []) != before:
        return None
    with store.transaction():
        for old, new in renamed.items():
            if old in before:
                store.con.execute("UPDATE observations SET probe = ? WHERE probe = ?", [new, old])
        store.con.execute("UPDATE scan_ledger SET probes = ? WHERE scan_id = ?", [",".join(probes), run["scan_id"]])
        run = {**run, "probes": list(probes)}
        store.set_meta(run_key(probes), run)
    return run


def resume_scan(store: CampaignStore, probes: Sequence[str], platform_ids: Sequence[str], *,
                renamed: Mapping[str, str] | None = None) -> ScanRun | None:
    """Continue the recorded scan (None when there is none, or it ran other probes). ``renamed`` (old → new
    probe names) lets a run recorded under the probes' former names resume under the current ones."""
    run: Mapping[str, Any] | None = store.get_meta(run_key(probes))
    if (not run or list(run.get("probes") or []) != list(probes)) and renamed:
        run = _renamed_run(store, probes, renamed)
    if not run or list(run.get("probes") or []) != list(probes):
        return None
    scan_id = str(run["scan_id"])
    marks = ", ".join("?" * len(probes))
    _with_ids(store, platform_ids)
    try:
        with store.transaction():
            # rows without a ledger row cannot exist (commit_sites is atomic); remove any anyway
            store.con.execute(
                f"DELETE FROM observations WHERE probe IN ({marks}) "
                f"AND platform_id IN (SELECT platform_id FROM _govlens_ids) "
                f"AND platform_id NOT IN (SELECT platform_id FROM scan_ledger WHERE scan_id = ?)",
                [*probes, scan_id])
            store.set_meta(run_key(probes), {**run, "resumes": int(run.get("resumes") or 0) + 1, "finished": False})
    finally:
        _drop_ids(store)
    done = {r[0] for r in store.con.execute("SELECT platform_id FROM scan_ledger WHERE scan_id = ?",
                                            [scan_id]).fetchall()}
    return ScanRun(scan_id=scan_id, probes=list(probes), resumed=True, done=done)


def commit_sites(store: CampaignStore, run: ScanRun, sites: Sequence[tuple[str, str, list[dict[str, Any]]]]) -> int:
    """Insert each site's observation rows and its ledger row, all in one transaction.

    ``sites`` holds ``(platform_id, status, rows)``; ``status`` is the homepage's visit status.
    Returns the number of observation rows written.
    """
    rows = [row for _, _, site_rows in sites for row in site_rows]
    ledger = [{"scan_id": run.scan_id, "platform_id": pid, "probes": ",".join(run.probes), "status": status,
               "observations": len(site_rows), "finished_at": _now()} for pid, status, site_rows in sites]
    with store.transaction():
        store.insert("observations", rows)
        store.insert("scan_ledger", ledger)
    run.done.update(pid for pid, _, _ in sites)
    return len(rows)


def finish_scan(store: CampaignStore, run: ScanRun, summary: Mapping[str, Any], meta_key: str = "scan") -> None:
    """Mark the run finished and store the scan's summary under ``meta_key``."""
    key = run_key(run.probes)
    meta = store.get_meta(key) or {}
    store.set_meta(key, {**meta, "finished": True, "finished_at": _now().isoformat(timespec="seconds"),
                         "committed": len(run.done)})
    store.set_meta(meta_key, dict(summary))
