"""Helpers shared by the tests that run real scans in subprocesses (hostile web, kill and resume), and the
session's one sandbox demo (``demo``) whose outputs the end-to-end and report tests read."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pytest

# Payload keys that are timings (they differ between two scans of the same web).
TIMING_KEYS = frozenset({"ttfb_ms", "elapsed_ms", "load_ms"})
# ... and what identifies one sandbox server run rather than the site: the DNS server's port (dns probe)
SERVER_RUN_KEYS = frozenset({"nameserver"})
# the sandbox CA's name is random per server run (trustme): "OU=Testing CA #IGgGcPW2e6GGNe6j"
_RUN_CA = re.compile(r"Testing CA #[A-Za-z0-9_-]+")


@dataclass
class Finished:
    """A finished (or killed) ``govlens`` subprocess."""

    returncode: int
    seconds: float
    max_rss_mb: float
    stderr: str


def stable_observations(store: Path, platform_ids: set[str] | None = None) -> dict[str, Counter]:
    """Per platform, the multiset of its observations without what varies between runs (timings, times)."""
    con = duckdb.connect(str(store), read_only=True)
    try:
        rows = con.execute("SELECT platform_id, probe, kind, url, status, http_status, data FROM observations").fetchall()
    finally:
        con.close()
    out: dict[str, Counter] = {}
    for pid, probe, kind, url, status, http_status, data in rows:
        if platform_ids is not None and pid not in platform_ids:
            continue
        payload = json.loads(data) if isinstance(data, str) else (data or {})
        payload = {k: v for k, v in payload.items() if k not in TIMING_KEYS and k not in SERVER_RUN_KEYS}
        text = _RUN_CA.sub("Testing CA #", json.dumps(payload, sort_keys=True, ensure_ascii=False))
        key = (probe, kind, url, status, http_status, text)
        out.setdefault(pid, Counter())[key] += 1
    return out


def start_govlens(args: list[str], log: Path) -> subprocess.Popen:
    env = {**os.environ, "COLUMNS": "120", "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "govlens", *args], stdout=subprocess.DEVNULL,
                            stderr=open(log, "wb"), stdin=subprocess.DEVNULL, env=env)


def _hwm_mb(pid: int) -> float | None:
    """The process's own peak RSS so far (``VmHWM``), or None when it is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        return None
    return None


def wait_govlens(proc: subprocess.Popen, log: Path, started: float, timeout: float = 900) -> Finished:
    """Wait for ``proc`` and read its own peak RSS.

    ``VmHWM`` of ``/proc/<pid>/status``, read while it runs (it only grows), not ``wait4``'s
    ``ru_maxrss``: Linux carries the pre-``exec`` image's high-water mark into ``ru_maxrss``, and
    that image is a copy of this (large, long-running) pytest process.
    """
    deadline = time.monotonic() + timeout
    peak: float | None = None
    while True:
        hwm = _hwm_mb(proc.pid)
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if hwm is not None:
            peak = hwm
        if time.monotonic() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.05)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Finished(returncode=proc.returncode, seconds=time.monotonic() - started,
                    max_rss_mb=peak if peak is not None else usage.ru_maxrss / 1024,
                    stderr=log.read_text(encoding="utf-8", errors="replace"))


def run_govlens(args: list[str], log: Path, timeout: float = 900) -> Finished:
    started = time.monotonic()
    return wait_govlens(start_govlens(args, log), log, started, timeout)


@pytest.fixture(scope="session")
def scan_tools() -> Any:
    """``run`` / ``start`` + ``wait`` a govlens subprocess; ``stable`` observations of a store."""
    from types import SimpleNamespace
    return SimpleNamespace(run=run_govlens, start=start_govlens, wait=wait_govlens, stable=stable_observations)


DEMO_SITES = 220        # websites of the session's demo: the first of the shipped registry


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One ``govlens demo --sites 220`` for the whole session, through the real CLI; its output directory.

    Every test that reads a demo output (the end-to-end checks, the notice's documents, open data, the
    dashboard, the language scan, the layout) shares it, so the suite runs the sandbox web once.
    """
    out = tmp_path_factory.mktemp("demo")
    proc = subprocess.run([sys.executable, "-m", "govlens", "demo", "--out", str(out), "--sites", str(DEMO_SITES)],
                          capture_output=True, text=True, timeout=900, env={**os.environ, "COLUMNS": "120"})
    assert proc.returncode == 0, proc.stderr[-4000:]
    print(proc.stderr[-3000:])
    return out


# ------------------------------------------------------------------ test tiers (make test-quick)
# A test is tiered by what it needs, so a new test is tiered without anyone remembering: the session's
# demo → e2e; Chromium (a module that drives Playwright, or the `chromium` fixture) → browser; the modules
# below run whole scans, kill loops or timed windows in subprocesses → slow. `make test` runs every tier.
SLOW_MODULES = frozenset({
    "test_hostile_scan.py", "test_kill_resume.py", "test_series_678.py", "test_output_safety.py",
    "test_disk_failures.py", "test_warc_replay.py", "test_monitor.py", "test_hostile.py", "test_parsers.py",
    "test_link_check.py", "test_atheris.py", "test_check.py", "test_end_to_end.py", "test_open_data_demo.py",
    "test_demo_documents.py", "test_newmedia_detection.py", "test_realweb.py", "test_cli_index.py",
})
BROWSER_WORDS = ("playwright", "chromium")


def _module_text(path: Path, cache: dict[Path, str] = {}) -> str:   # noqa: B006 - a per-session cache
    if path not in cache:
        cache[path] = path.read_text(encoding="utf-8", errors="replace").lower()
    return cache[path]


def tiers_of(item: pytest.Item) -> set[str]:
    """The tiers (e2e, browser, slow) a collected test belongs to."""
    names = set(getattr(item, "fixturenames", ()))
    path = Path(str(item.fspath))
    tiers = set()
    if "demo" in names:
        tiers.add("e2e")
    if "chromium" in names or any(w in _module_text(path) for w in BROWSER_WORDS) or "browser" in path.parts:
        tiers.add("browser")
    if path.name in SLOW_MODULES:
        tiers.add("slow")
    return tiers


def pytest_configure(config: pytest.Config) -> None:
    for name, why in (("e2e", "reads the session's sandbox demo (govlens demo --sites 220)"),
                      ("browser", "drives headless Chromium through Playwright"),
                      ("slow", "runs whole scans, kill loops or timed windows in subprocesses")):
        config.addinivalue_line("markers", f"{name}: {why}")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        for tier in tiers_of(item):
            item.add_marker(getattr(pytest.mark, tier))
