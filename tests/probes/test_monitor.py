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

import asyncio

import duckdb
import pytest
from aiohttp import web as aioweb

from govlens.contract import defects as D
from govlens.pipeline.campaign import write_campaign
from govlens.pipeline.scan_stages import share_text
from govlens.probes.gatherers.monitor import Monitor
from govlens.probes.net.fetch import Fetcher, load_sandbox_state
from govlens.probes.net.visit import peek
from govlens.registry.write import write_registry_csv
from govlens.sandbox.platforms import generate_platforms
from govlens.sandbox.server import run_in_thread
from govlens.sandbox.web import build_sandbox
from govlens.settings import Settings
from govlens.store import CampaignStore
from govlens.store.queries import visit_lateness

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
    on_time = sum((visited - scheduled).total_seconds() <= 1.0 for _, _, scheduled, visited, _ in rows)
    assert f"1 秒内准时开始 {share_text(on_time / len(rows))}" in err        # the share is said, from the visits made
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


def test_share_is_never_rounded_up_to_all():
    assert share_text(0.99951) == "99.9%" and share_text(1.0) == "100.0%" and share_text(None) is None


def test_a_visit_reads_the_status_and_the_start_of_the_page(serve, settings):
    """A small GET: a page longer than MONITOR_READ_BYTES opens (its head read, the rest left unread);
    an error page stays an error however long; a short page is read whole."""
    async def big(_):
        return aioweb.Response(body=b"<html>" + b"x" * 2_000_000, content_type="text/html")

    async def gone(_):
        return aioweb.Response(status=500, body=b"e" * 100_000, content_type="text/html")

    async def small(_):
        return aioweb.Response(text="<html>ok</html>", content_type="text/html")

    app = aioweb.Application()
    app.router.add_get("/big", big)
    app.router.add_get("/gone", gone)
    app.router.add_get("/small", small)

    async def main():
        async with serve(app) as port, Fetcher(settings()) as f:
            base = f"http://127.0.0.1:{port}"
            opened, failed, short = [await peek(f, base + p, 4096, 3.0) for p in ("/big", "/gone", "/small")]
            return opened, failed, short

    opened, failed, short = asyncio.run(main())
    assert opened.status == "completed" and opened.http_status == 200 and opened.error is None
    assert 0 < len(opened.body) <= 4096 and opened.body.startswith(b"<html>")
    assert failed.status == "http_error" and failed.http_status == 500
    assert short.status == "completed" and short.body == b"<html>ok</html>"


def test_a_slice_of_the_window_then_the_rest_resumed(sandbox_campaign, tmp_path):
    """``stop_after`` keeps only the start of the window (the benchmark's slice): the window stays open, the
    visits made are on time and in the ledger once, and a resumed run makes exactly the others."""
    root, _ = sandbox_campaign
    state = load_sandbox_state(root / "sandbox" / "sandbox.json")
    settings = Settings({"MONITOR_DURATION": 2.0, "MONITOR_VISITS": 4, "MONITOR_TIMEOUT": 5.0})
    with CampaignStore(tmp_path / "slice.duckdb") as store:
        platforms = generate_platforms([], N_SITES, 7)
        store.write_platforms(platforms)
        first = asyncio.run(Monitor(platforms, store, settings, state).run(restart=True, stop_after=1.0))
        window = store.get_meta("monitor_window")
        assert not window["finished"] and 0 < first.visits < N_SITES * 4
        assert first.on_time == visit_lateness(store)["on_time"] and first.late == first.visits - first.on_time
        rest = asyncio.run(Monitor(platforms, store, settings, state).run(resume=True))
        assert rest.done_before == first.visits and first.visits + rest.visits == N_SITES * 4
        assert store.get_meta("monitor_window")["finished"]
        assert len(store.select("monitor_visits", "platform_id", "seq").drop_duplicates()) == N_SITES * 4
