"""Start-up benchmark: how long `govlens --help`, `govlens page` and `govlens index` take on a small input,
as a user runs them (issue 16: each ≤ 1.5 s on 2 cores).

    python benchmarks/startup.py [--repeat 7] [--units 1000] [--against /work/main/src]

Each command runs in a fresh interpreter (wall time of the whole process, median of ``--repeat``
runs, interleaved so that a burst of load on this shared machine hits every command alike; the
child's CPU time, user + system, is printed too, as it depends less on the load). Both are printed
in seconds (the target is absolute) and as ratios to ``python -c pass`` of the same run, with
``python -c "import govlens.cli"`` (the command line's own imports) as a second baseline. The
children write and read their bytecode in a temporary ``PYTHONPYCACHEPREFIX`` (an installed package
has its ``.pyc``; ``PYTHONDONTWRITEBYTECODE`` in the caller's environment would time the compiler),
after one warm-up round that is not counted. With ``--against SRC`` the same commands also run on
another source tree (e.g. the main branch before a change), so the gain is a same-run ratio too.

Commands: ``--help``, ``page`` on a saved HTML file, ``index`` on a 30-unit table without
uncertainty, the same with the framework's Monte Carlo and Sobol indices (SALib, hence scipy),
and ``index`` on a ``--units`` table without uncertainty.
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
        "govlens --help": [*cli, "--help"],
        "page (saved file)": [*cli, "page", str(work / "page.html")],
        "index 30 units, no uncertainty": [*cli, "index", str(work / "small.csv"), "--framework", fw,
                                           "--out", str(work / "o1"), "--no-uncertainty"],
        "index 30 units, Monte Carlo + Sobol": [*cli, "index", str(work / "small.csv"), "--framework", fw,
                                                "--out", str(work / "o2")],
        "index N units, no uncertainty": [*cli, "index", str(work / "large.csv"), "--framework", fw,
                                          "--out", str(work / "o3"), "--no-uncertainty"],
    }


def run_once(cmd: list[str], src: str, pycache: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds user + system of the child: less sensitive to the machine's load)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=src, PYTHONPYCACHEPREFIX=str(pycache))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({src}): {proc.stderr.strip()[-400:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


TARGET = 1.5      # seconds: issue 16's start-up target for --help, page and index


def write_inputs(work: Path, units: int) -> None:
    write_table(work / "small.csv", 30)
    write_table(work / "large.csv", units)
    (work / "fw.yaml").write_text(yaml.safe_dump(FRAMEWORK, sort_keys=False), encoding="utf-8")
    (work / "page.html").write_text("<html><head><title>首页</title></head><body>"
                                    + "".join(f"<a href='/n/{i}'>通知{i}</a>" for i in range(50))
                                    + "</body></html>", encoding="utf-8")


def measure(trees: dict[str, str], cmds: dict[str, list[str]], repeat: int,
            pycache: Path) -> dict[tuple[str, str], tuple[list[float], list[float]]]:
    """(tree, command) → (wall times, CPU times): one uncounted warm-up round (it writes the bytecode),
    then ``repeat`` rounds, each running every command of every tree once."""
    out: dict[tuple[str, str], tuple[list[float], list[float]]] = {(t, c): ([], []) for t in trees for c in cmds}
    for round_ in range(repeat + 1):
        for tree, src in trees.items():
            for name, cmd in cmds.items():
                wall, used = run_once(cmd, src, pycache)
                if round_:
                    out[(tree, name)][0].append(wall)
                    out[(tree, name)][1].append(used)
    return out


def report(trees: dict[str, str], cmds: dict[str, list[str]],
           runs: dict[tuple[str, str], tuple[list[float], list[float]]]) -> None:
    med = {key: (statistics.median(w), statistics.median(c)) for key, (w, c) in runs.items()}
    for tree in trees:
        pass_wall, pass_cpu = med[(tree, "python -c pass")]
        cli_wall = med[(tree, "import govlens.cli")][0]
        print(f"\n{tree} ({trees[tree]})")
        print(f"  {'command':<38}{'wall s':>8}{'CPU s':>8}{'wall × pass':>13}{'CPU × pass':>12}"
              f"{'wall × import cli':>19}  ≤ {TARGET} s")
        for name in cmds:
            wall, cpu = med[(tree, name)]
            verdict = "" if name in ("python -c pass", "import govlens.cli") else ("yes" if wall <= TARGET else "NO")
            print(f"  {name:<38}{wall:>8.3f}{cpu:>8.3f}{wall / pass_wall:>13.1f}{cpu / max(pass_cpu, 1e-3):>12.1f}"
                  f"{wall / cli_wall:>19.2f}  {verdict}")
    if len(trees) > 1:
        print("\nthis tree / against, same run (wall, CPU):")
        for name in cmds:
            (mw, mc), (ow, oc) = med[("this tree", name)], med[("against", name)]
            print(f"  {name:<38}{mw / ow:>8.2f}{mc / max(oc, 1e-3):>8.2f}")


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
        write_inputs(work, args.units)
        cmds = commands(work)
        runs = measure(trees, cmds, args.repeat, work / "pycache")
    print(f"median of {args.repeat} interleaved runs after a warm-up (load average now "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores); N = {args.units}")
    report(trees, cmds, runs)


if __name__ == "__main__":
    main()
