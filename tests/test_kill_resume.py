"""Crash safety: a real `govlens scan` SIGKILLed at 20 random moments in a row, resumed each time.

After the 20th kill, `govlens scan --resume` runs to the end, and the campaign store must hold
exactly the observations of an uninterrupted scan of the same web (timings aside): every
platform, every observation, none twice. The kill moment of each run is drawn at random (seeded, printed) over 90 % of its expected
life: start-up, registration and the bookkeeping (as long as a resumed run with nothing to
scan takes) plus the share of the uninterrupted scan's time that the platforms still to scan
represent (a quarter at least: the last sites take a while too). So the kills fall on interpreter start-up, registration, the scan and its commits,
the external-signals import and the final bookkeeping, and the scan advances from kill to kill.
A kill that lands after the last commit in the first half of the kills starts the campaign over
(fresh store, a new scan), so that the later kills fall on a scan again rather than on start-up only.

The sandbox web is served once for all runs, without the sites whose answers depend on the
order of requests (``intermittent_outage`` alternates 503 and 200 per request, and the inspection
web's flaky sites fail from their n-th request on: a site scanned
twice, once partly by a killed run, would legitimately see other answers) and without the
slow ones (a 3-second homepage would only make every resumed run wait for it).
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import time
from datetime import date

import duckdb
import pytest

from govlens.contract import defects as D
from govlens.pipeline.campaign import write_campaign
from govlens.registry import load_registry
from govlens.registry.shipped import shipped_registry
from govlens.registry.write import write_registry_csv
from govlens.sandbox.platforms import generate_platforms
from govlens.sandbox.process import sandbox_process
from govlens.sandbox.web import build_sandbox

SITES = 160
SEED = 2013
AS_OF = date(2013, 12, 15)
KILLS = 20
# Lighter sites than the defaults, so that sites commit often and kills land between commits.
# The browser pass is off: its renders carry timings and screenshots that differ from run to run
# (its own ledger and resume are tested in tests/store/test_ledger_runs.py).
SETTINGS = {"CONCURRENCY_SITES": 4, "AVAILABILITY_VISITS": 2, "AVAILABILITY_SPACING": 0.1,
            "CRAWL_MAX_PAGES": 12, "LINKS_MAX_PER_SITE": 60, "BROWSER_ENABLED": False}


def _registry(folder):
    candidates = generate_platforms(load_registry(shipped_registry()).platforms, SITES + 40, SEED)
    web = build_sandbox(candidates, SEED, AS_OF)
    # order-dependent answers (see the module docstring); slow homepages only stretch the scan's tail
    # (flaky sites of the inspection web fail their n-th homepage request, n counted by the server)
    left_out = {s.platform.id for s in web.sites if {D.INTERMITTENT_OUTAGE, D.SLOW_RESPONSE} & set(s.flags)
                or getattr(getattr(s, "inspection", None), "flaky_rate", 0)}
    platforms = [p for p in candidates if p.id not in left_out][:SITES]
    write_registry_csv(platforms, folder / "registry.csv")
    build_sandbox(platforms, SEED, AS_OF).write_signals(folder / "signals.csv")
    return platforms


def _campaign(folder, name):
    write_campaign(folder / f"{name}.toml", {
        "name": name, "check_date": AS_OF.isoformat(), "registry": "registry.csv", "signals": "signals.csv",
        "out": name, "sandbox": "sandbox/sandbox.json"}, SETTINGS)
    return folder / f"{name}.toml"


def _committed(store) -> int:
    if not store.exists():
        return 0
    try:
        con = duckdb.connect(str(store), read_only=True)
    except duckdb.Error:
        return -1
    try:
        return con.execute("SELECT count(*) FROM scan_ledger").fetchone()[0]
    except duckdb.Error:
        return 0
    finally:
        con.close()


def test_twenty_kills_then_resume_equal_an_uninterrupted_scan(tmp_path, scan_tools) -> None:
    platforms = _registry(tmp_path)
    rng = random.Random(int(os.environ.get("GOVLENS_KILL_SEED", "20131225")))
    with sandbox_process(tmp_path / "registry.csv", sites=len(platforms), seed=SEED, as_of=AS_OF,
                         state_dir=tmp_path / "sandbox"):
        reference = scan_tools.run(["scan", str(_campaign(tmp_path, "reference"))], tmp_path / "reference.log")
        assert reference.returncode == 0, reference.stderr[-3000:]

        # a resumed run with nothing left to scan: how long start-up and the bookkeeping take
        idle_run = scan_tools.run(["scan", str(tmp_path / "reference.toml"), "--resume"], tmp_path / "idle.log")
        assert idle_run.returncode == 0, idle_run.stderr[-3000:]
        idle = idle_run.seconds
        scan_time = max(1.0, reference.seconds - idle)

        campaign = _campaign(tmp_path, "killed")
        store = tmp_path / "killed" / "campaign.duckdb"
        kills: list[tuple[float, int]] = []
        finished_early = restarts = 0
        attempt = 0
        fresh = True
        while len(kills) < KILLS:
            attempt += 1
            assert attempt <= 4 * KILLS, f"could not kill {KILLS} times: {kills}"
            args = ["scan", str(campaign)] + ([] if fresh else ["--resume"])
            fresh = False
            left = len(platforms) - max(0, _committed(store))
            # anywhere in the run's expected life (a little less, so that it is killed): start-up, what is
            # left of the scan, the bookkeeping after it
            share = max(left / len(platforms), 0.25) if left else 0.0   # the last sites take a while too
            at = rng.uniform(0.05, 0.9 * (idle + scan_time * share))
            started = time.monotonic()
            proc = scan_tools.start(args, tmp_path / f"killed-{attempt}.log")
            while time.monotonic() - started < at and proc.poll() is None:
                time.sleep(0.01)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                kills.append((round(at, 2), _committed(store)))
                if kills[-1][1] == len(platforms) and len(kills) < KILLS // 2:
                    # killed after its last commit: every later run would only start up and stop.
                    # Start the campaign over, so that the kills still to come fall on a scan too.
                    shutil.rmtree(tmp_path / "killed")
                    restarts += 1
                    fresh = True
            else:
                assert proc.returncode == 0, (tmp_path / f"killed-{attempt}.log").read_text()[-3000:]
                finished_early += 1
        final = scan_tools.run(["scan", str(campaign), "--resume"], tmp_path / "final.log")
        assert final.returncode == 0, final.stderr[-3000:]

    print(f"\nuninterrupted scan {reference.seconds:.1f} s, a resumed run with nothing to scan {idle:.1f} s")
    print(f"{len(kills)} kills (seconds after start, platforms committed then): {kills}; "
          f"{finished_early} run(s) ended before their kill moment; {restarts} restart(s) of the campaign")
    assert len(kills) == KILLS
    assert any(0 < n < len(platforms) for _, n in kills), "no kill landed in the middle of the scan"
    expected = scan_tools.stable(tmp_path / "reference" / "campaign.duckdb")
    got = scan_tools.stable(store)
    assert set(got) == set(expected) == {p.id for p in platforms}
    differing = sorted(pid for pid in expected if got[pid] != expected[pid])
    assert not differing, f"{len(differing)} platforms differ, e.g. {differing[0]}: " \
                          f"{list((got[differing[0]] - expected[differing[0]]).items())[:2]} vs " \
                          f"{list((expected[differing[0]] - got[differing[0]]).items())[:2]}"
    con = duckdb.connect(str(store), read_only=True)
    try:
        ledger_rows = con.execute("SELECT platform_id, count(*) FROM scan_ledger GROUP BY 1").fetchall()
        signals = con.execute("SELECT count(*) FROM observations WHERE probe = 'external_signals'").fetchone()[0]
    finally:
        con.close()
    assert sorted(pid for pid, _ in ledger_rows) == sorted(p.id for p in platforms)
    assert all(n == 1 for _, n in ledger_rows)
    assert signals == len(platforms)
