"""Cost of the hostile web: time and peak RSS of `govlens scan` with it, against the same scan without it.

    python benchmarks/hostile_scan.py [--sites 200] [--seed 2013] [--set KEY=VALUE ...]

Each scan is a real `govlens scan` subprocess (default settings unless ``--set``; the browser pass
off, as in tests/test_hostile_scan.py) against its own sandbox server process; peak RSS is the
scanning process's own (``VmHWM`` read while it runs: ``wait4``'s ``ru_maxrss`` would carry this
script's own high-water mark across ``exec``). The baseline,
measured in the same run, is the scan of the normal sandbox sites alone; the figures are
printed as ratios against it, and the hostile scan's statuses are checked against the truth.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from govlens.pipeline.campaign import write_campaign
from govlens.pipeline.demo import DEMO_CHECK_DATE
from govlens.registry import load_registry
from govlens.registry.shipped import shipped_registry
from govlens.registry.write import write_registry_csv
from govlens.sandbox import hostile
from govlens.sandbox.platforms import generate_platforms
from govlens.sandbox.process import sandbox_process


def scan(folder: Path, registry: Path, served: Path, sites: int, seed: int, overrides: list[str],
         with_hostile: bool) -> tuple[float, float]:
    folder.mkdir(parents=True)
    with sandbox_process(served, sites=sites, seed=seed, as_of=DEMO_CHECK_DATE, state_dir=folder / "sandbox",
                         hostile=with_hostile):
        write_campaign(folder / "campaign.toml", {
            "name": "bench", "check_date": DEMO_CHECK_DATE.isoformat(), "registry": str(registry), "out": "out",
            "sandbox": "sandbox/sandbox.json"}, {"BROWSER_ENABLED": False})
        args = [sys.executable, "-m", "govlens", "scan", str(folder / "campaign.toml")]
        args += [a for kv in overrides for a in ("--set", kv)]
        t0 = time.monotonic()
        log = folder / "scan.log"
        with open(log, "wb") as err:
            proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=err)
            peak = 0.0
            while True:
                peak = max(peak, _hwm_mb(proc.pid))
                pid, status, _ = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    break
                time.sleep(0.05)
        seconds = time.monotonic() - t0
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(log.read_text(errors="replace")[-3000:])
    return seconds, peak


def _hwm_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2013)
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="govlens-hostile-bench-"))
    normal = generate_platforms(load_registry(shipped_registry()).platforms, args.sites, args.seed)
    write_registry_csv(normal, work / "normal.csv")
    write_registry_csv(normal + hostile.hostile_platforms(), work / "mixed.csv")
    base_t, base_rss = scan(work / "alone", work / "normal.csv", work / "normal.csv", args.sites, args.seed,
                            args.set, False)
    mixed_t, mixed_rss = scan(work / "mixed", work / "mixed.csv", work / "normal.csv", args.sites, args.seed,
                              args.set, True)
    results = hostile.check_store(work / "mixed" / "sandbox" / "hostile-truth.json",
                                  work / "mixed" / "out" / "campaign.duckdb")
    ok = sum(r.ok for r in results)
    print(f"{args.sites} normal sandbox sites, {len(results)} hostile sites, {os.cpu_count()} cores; "
          f"settings: defaults{''.join(' ' + s for s in args.set)}")
    print(f"{'scan':<34} {'seconds':>8} {'peak RSS MB':>12} {'time ÷ baseline':>16} {'RSS ÷ baseline':>15}")
    print(f"{'normal sites alone (baseline)':<34} {base_t:>8.1f} {base_rss:>12.0f} {1:>16.2f} {1:>15.2f}")
    print(f"{'normal + hostile sites':<34} {mixed_t:>8.1f} {mixed_rss:>12.0f} {mixed_t / base_t:>16.2f} "
          f"{mixed_rss / base_rss:>15.2f}")
    print(f"hostile sites with the expected status: {ok} of {len(results)}")


if __name__ == "__main__":
    main()
