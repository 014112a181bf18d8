"""The availability monitor against a real sandbox: the census rule, and a window that survives SIGKILL."""
from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from govlens.contract import defects as D
from govlens.pipeline.campaign import write_campaign
from govlens.registry.write import write_registry_csv
from govlens.sandbox.platforms import generate_platforms
from govlens.sandbox.server import run_in_thread
from govlens.sandbox.web import build_sandbox

N_SITES, VISITS, DURATION = 24, 12, 6.0


@pytest.fixture(scope="module")
def sandbox_campaign(tmp_path_factory):
    root = tmp_path_factory.mktemp("monitor")
    platforms = generate_platforms([], N_SITES, 7)
    write_registry_csv(platforms, root / "registry.csv")
    web = build_sandbox(platforms, 7, dt.date(2013, 12, 15), slow_delay=0.2)
    with run_in_thread(web, root / "sandbox"):
        write_campaign(root / "campaign.toml", {"name": "monitor test", "check_date": "2013-12-15",
                                                "registry": "registry.csv", "out": ".",
                                                "sandbox": "sandbox/sandbox.json"},
                       {"MONITOR_DURATION": DURATION, "MONITOR_VISITS": VISITS, "MONITOR_TIMEOUT": 5.0})
        yield root, web


def govlens(root: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "govlens", "monitor", str(root / "campaign.toml"), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "COLUMNS": "120"})


def ledger(root: Path) -> list[tuple]:
    con = duckdb.connect(str(root / "campaign.duckdb"), read_only=True)
    try:
        return con.execute("SELECT platform_id, seq, scheduled_at, visited_at, status FROM monitor_visits "
                           "ORDER BY platform_id, seq").fetchall()
    finally:
        con.close()


def test_window_records_every_visit_once_and_down_sites_fail(sandbox_campaign):
    root, web = sandbox_campaign
    proc = govlens(root, "--restart")
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err[-2000:]
    rows = ledger(root)
    assert len(rows) == N_SITES * VISITS and len({(r[0], r[1]) for r in rows}) == len(rows)
    by_site: dict[str, list[str]] = {}
    for pid, _, scheduled, visited, status in rows:
        by_site.setdefault(pid, []).append(status)
        assert (visited - scheduled).total_seconds() < 2.0          # made on schedule
    for s in web.sites:
        statuses = by_site[s.platform.id]
        if s.has(D.SITE_DOWN):
            assert all(x != "completed" for x in statuses)
        elif s.healthy:
            assert all(x == "completed" for x in statuses)
    spacing = sorted(r[2] for r in rows if r[0] == rows[0][0])
    gaps = {round((b - a).total_seconds(), 1) for a, b in zip(spacing, spacing[1:])}
    assert gaps == {round(DURATION / VISITS, 1)}


def test_killed_monitor_resumes_the_same_window(sandbox_campaign):
    root, _ = sandbox_campaign
    rng = random.Random(2013)
    mid_window = 0
    for attempt in range(8):
        proc = govlens(root, "--restart")
        assert proc.stderr is not None
        line = proc.stderr.readline()                     # the window is open: the visits start now
        while line and not line.startswith("监测窗口已开启"):   # (progress lines of the stages before it)
            line = proc.stderr.readline()
        assert line.startswith("监测窗口已开启"), line
        time.sleep(rng.uniform(0.3, DURATION - 0.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        before = ledger(root)
        if not 0 < len(before) < N_SITES * VISITS:
            continue                                      # killed before the first or after the last write
        mid_window += 1
        again = govlens(root)                             # without --resume an unfinished window is refused
        _, err = again.communicate(timeout=60)
        assert again.returncode == 2 and "--resume" in err
        resumed = govlens(root, "--resume")
        _, err = resumed.communicate(timeout=120)
        assert resumed.returncode == 0, err[-2000:]
        after = ledger(root)
        assert len(after) == N_SITES * VISITS and len({(r[0], r[1]) for r in after}) == len(after)
        assert set(before) <= set(after), "a visit made before the kill was changed or lost"
        starts = {r[2] - dt.timedelta(seconds=r[1] * DURATION / VISITS) for r in after}
        assert max(starts) - min(starts) < dt.timedelta(seconds=DURATION / VISITS + 0.01)   # one window
        if mid_window == 3:
            break
    assert mid_window == 3, "the monitor was never killed in the middle of its window"
    con = duckdb.connect(str(root / "campaign.duckdb"), read_only=True)
    try:
        summaries = con.execute("SELECT count(*), min(json_extract(data, '$.visits')::INT), "
                                "max(json_extract(data, '$.visits')::INT) FROM observations WHERE kind = 'monitor'"
                                ).fetchone()
    finally:
        con.close()
    assert summaries == (N_SITES, VISITS, VISITS)
