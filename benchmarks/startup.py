"""Start-up benchmark: how long `govlens index` and `govlens page` take on a small input, as a user runs them.

    python benchmarks/startup.py [--repeat 7] [--units 1000] [--against /work/main/src]

Each command runs in a fresh interpreter (wall time of the whole process, median of ``--repeat``
runs, interleaved so that a burst of load on this shared machine hits every command alike; the
child's CPU time, user + system, is printed too, as it depends less on the load).
Baselines of the same run: ``python -c pass`` (the interpreter) and ``python -c "import govlens.cli"``
(the command line's own imports). With ``--against SRC`` the same commands also run on another
source tree (e.g. the main branch before lazy imports), so the gain is a same-run ratio too.

Commands: ``index`` on a 30-unit table without uncertainty, the same with the framework's Monte
Carlo and Sobol indices (SALib, hence scipy), ``index`` on a ``--units`` table without
uncertainty, and ``page`` on a saved HTML file.
"""
from __future__ import annotations

import argparse
import csv
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
FRAMEWORK = {
    "id": "bench", "table": {"id": "code", "group": "region"}, "treat": {"method": "winsorise"},
    "uncertainty": {"replications": 200, "weights": {"noise": 0.25}, "normalisation": ["percentile_rank"]},
    "dimensions": [
        {"id": "service", "weight": 2, "indicators": [
            {"id": "online_share", "normalise": {"method": "minmax"}},
            {"id": "wait_days", "direction": -1, "normalise": {"method": "minmax"}}]},
        {"id": "openness", "weight": 1, "aggregation": "weighted_geometric", "indicators": [
            {"id": "datasets", "normalise": {"method": "ratio_to_mean"}},
            {"id": "portal", "normalise": {"method": "percentile"}}]}],
}


def write_table(path: Path, rows: int, seed: int = 1) -> None:
    rng = np.random.default_rng(seed)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["code", "region", "online_share", "wait_days", "datasets", "portal"])
        for i in range(rows):
            w.writerow([f"r{i:04d}", ["east", "central", "west"][i % 3], round(rng.uniform(0.2, 1), 3),
                        round(rng.uniform(1, 30), 1), int(rng.integers(5, 500)), int(rng.integers(0, 10))])


def commands(work: Path) -> dict[str, list[str]]:
    py = sys.executable
    cli = [py, "-m", "govlens.cli"]
    fw = str(work / "fw.yaml")
    return {
        "python -c pass": [py, "-c", "pass"],
        "import govlens.cli": [py, "-c", "import govlens.cli"],
        "index 30 units, no uncertainty": [*cli, "index", str(work / "small.csv"), "--framework", fw,
                                           "--out", str(work / "o1"), "--no-uncertainty"],
        "index 30 units, Monte Carlo + Sobol": [*cli, "index", str(work / "small.csv"), "--framework", fw,
                                                "--out", str(work / "o2")],
        "index N units, no uncertainty": [*cli, "index", str(work / "large.csv"), "--framework", fw,
                                          "--out", str(work / "o3"), "--no-uncertainty"],
        "page (saved file)": [*cli, "page", str(work / "page.html")],
    }


def run_once(cmd: list[str], src: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds user + system of the child: less sensitive to the machine's load)."""
    env = {**os.environ, "PYTHONPATH": src}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({src}): {proc.stderr.strip()[-400:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--units", type=int, default=1000)
    ap.add_argument("--against", help="another source tree to time the same commands on (e.g. main's src)")
    args = ap.parse_args()
    trees = {"this tree": str(ROOT / "src")}
    if args.against:
        trees["against"] = args.against
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        write_table(work / "small.csv", 30)
        write_table(work / "large.csv", args.units)
        doc = dict(FRAMEWORK)
        if args.against:             # a tree without the Handbook methods: plain min-max everywhere
            doc = yaml.safe_load(yaml.safe_dump(FRAMEWORK).replace("ratio_to_mean", "minmax")
                                 .replace("method: percentile", "method: percentile_rank"))
        (work / "fw.yaml").write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
        (work / "page.html").write_text("<html><head><title>首页</title></head><body>"
                                        + "".join(f"<a href='/n/{i}'>通知{i}</a>" for i in range(50))
                                        + "</body></html>", encoding="utf-8")
        cmds = commands(work)
        times: dict[tuple[str, str], list[float]] = {(t, c): [] for t in trees for c in cmds}
        cpu: dict[tuple[str, str], list[float]] = {(t, c): [] for t in trees for c in cmds}
        for _ in range(args.repeat):
            for tree, src in trees.items():
                for name, cmd in cmds.items():
                    wall, used = run_once(cmd, src)
                    times[(tree, name)].append(wall)
                    cpu[(tree, name)].append(used)
    print(f"wall time, median of {args.repeat} runs (load average now {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} cores); N = {args.units}")
    for tree in trees:
        base_pass = statistics.median(times[(tree, "python -c pass")])
        base_cli = statistics.median(times[(tree, "import govlens.cli")])
        print(f"\n{tree} ({trees[tree]})")
        print(f"  {'command':<38}{'wall s':>9}{'× pass':>9}{'× import cli':>14}{'CPU s':>9}")
        for name in cmds:
            t = statistics.median(times[(tree, name)])
            c = statistics.median(cpu[(tree, name)])
            print(f"  {name:<38}{t:>9.3f}{t / base_pass:>9.1f}{t / base_cli:>14.2f}{c:>9.3f}")
    if args.against:
        print("\nthis tree / against, same run:")
        for name in cmds:
            mine = statistics.median(times[("this tree", name)])
            other = statistics.median(times[("against", name)])
            print(f"  {name:<38}{mine / other:>9.2f}")


if __name__ == "__main__":
    main()
