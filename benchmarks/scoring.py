"""Scoring benchmark: the composite-indicator engine against a plain pandas implementation, same run.

    python benchmarks/scoring.py [--units 300000] [--indicators 60] [--replications 1000] [--groups 12]

A synthetic table (units × indicators in 8 dimensions, 12 ranking groups, 3 % missing values,
heavy-tailed counts, two veto rules) is scored four ways, each in a forked child process so
that its peak memory (VmHWM above the inherited table, reset through /proc/self/clear_refs)
is its own:

1. **engine, default pipeline** — what ``govlens score`` does with the 2013 framework: goalpost
   normalisation, skip-missing-and-reweight arithmetic means, vetoes, ranks within groups (the
   log, the data sets and the per-verb reports included; no statistics, no Monte Carlo);
2. **plain pandas** — the same pipeline written as one would in pandas: column-wise goalposts,
   ``mul``/``sum`` weighted means with re-weighting, ``sort_values`` + ``groupby().cumcount()``
   ranks. Its results must equal the engine's (checked: max |Δ index| and rank equality);
3. **engine, Monte Carlo** — the 2013 framework's uncertainty section (weights ±25 %, geometric
   instead of arithmetic, median imputation instead of skipping) over ``--replications`` runs
   (SALib's Saltelli design) with rank intervals and Sobol indices;
4. **plain pandas Monte Carlo** — the pandas pipeline rerun per replication with perturbed weights,
   timed on a few replications and scaled to the same count.

Also timed: the engine's statistics step and the CSV export are printed for reference. Ratios are
against the pandas baselines measured in the same run, since these machines are shared and noisy.

``--cli`` instead runs ``govlens index`` end to end (reading the table as CSV, the Monte Carlo, every
output written) in a fresh process on the same table, printing wall and CPU seconds, peak RSS and the
output size; ``--against OTHER/src`` runs another tree's ``govlens index`` on it too (same run), with the
ratios: ``python benchmarks/scoring.py --cli --against /work/main/src``.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import time
from typing import Any, Callable

import numpy as np
import pandas as pd

from govlens.frameworks import parse_framework
from govlens.frameworks.model import Framework
from govlens.scoring.engine import BLAS_THREADS, build_index
from govlens.scoring.statistics import statistics
from govlens.scoring.table import IndexInput, from_frame

DIMENSIONS = 8


# ------------------------------------------------------------------ data and framework

def make_framework(indicators: int, replications: int) -> Framework:
    return parse_framework(framework_doc(indicators, replications), "bench.yaml")


def framework_doc(indicators: int, replications: int) -> dict[str, Any]:
    """The benchmark's framework as a YAML document (``govlens index --framework`` reads it written out)."""
    per_dim = np.array_split(np.arange(indicators), DIMENSIONS)
    dims = []
    for d, members in enumerate(per_dim):
        inds = []
        for i in members:
            if i % 5 == 4:          # heavy-tailed counts
                norm = {"method": "log_linear", "worst": 1, "best": 10000}
            elif i % 5 == 3:        # lower is better (a failure share)
                norm = {"method": "bounded_linear", "worst": 0.5, "best": 0}
            else:
                norm = {"method": "bounded_linear", "worst": 0, "best": 1}
            inds.append({"id": f"i{i:02d}", "weight": int(1 + i % 3), "normalise": norm})
        dims.append({"id": f"d{d}", "weight": 10 + 5 * (d % 3), "indicators": inds})
    return {
        "id": "bench", "aggregation": "weighted_arithmetic", "dimensions": dims,
        "vetoes": [{"id": "down", "indicator": "i03", "op": ">=", "value": 0.45},
                   {"id": "stale", "indicator": "i08", "op": ">", "value": 0.48}],
        "uncertainty": {"replications": replications, "seed": 2013, "weights": {"noise": 0.25},
                        "aggregation": ["weighted_geometric"], "imputation": ["indicator_median"],
                        "sensitivity": True}}


def make_table(units: int, indicators: int, groups: int, seed: int = 2013) -> IndexInput:
    rng = np.random.default_rng(seed)
    quality = rng.beta(5, 2, units)
    cols = {}
    for i in range(indicators):
        noise = rng.normal(0, 0.15, units)
        if i % 5 == 4:
            x = np.round(10 ** (4 * np.clip(quality + noise, 0, 1)) * rng.lognormal(0, 0.3, units))
        elif i % 5 == 3:
            x = np.clip(0.5 * (1 - quality) + noise / 4, 0, 0.5)
        else:
            x = np.clip(quality + noise, 0, 1)
        x[rng.random(units) < 0.03] = np.nan
        cols[f"i{i:02d}"] = x
    frame = pd.DataFrame(cols, index=[f"u{j:06d}" for j in range(units)])
    group = np.array([f"g{g:02d}" for g in range(groups)])[rng.integers(0, groups, units)]
    return from_frame(frame, groups=group, tiebreak=rng.integers(0, 20, units))


# ------------------------------------------------------------------ plain pandas baseline

def pandas_pipeline(values: pd.DataFrame, groups: pd.Series, tiebreak: pd.Series, fw: Framework,
                    weights: dict[str, np.ndarray] | None = None, geometric: bool = False) -> pd.DataFrame:
    """The default pipeline in plain pandas (the baseline): goalposts, re-weighted means, vetoes, group ranks."""
    scores = {}
    for ref in fw.leaves():
        p = ref.normalisation.params
        x = values[ref.id]
        if ref.normalisation.method == "log_linear":
            x = np.log10(1 + x.clip(lower=0))
            worst, best = np.log10(1 + p["worst"]), np.log10(1 + p["best"])
        else:
            worst, best = p["worst"], p["best"]
        scores[ref.id] = ((x - worst) / (best - worst)).clip(0, 1) * 100
    scores = pd.DataFrame(scores)

    def mean(frame: pd.DataFrame, w: np.ndarray) -> pd.Series:
        ws = pd.Series(w, index=frame.columns)
        if geometric:
            num = np.log(frame.clip(lower=1)).mul(ws).sum(axis=1)
            return np.exp(num / frame.notna().mul(ws).sum(axis=1))
        return frame.mul(ws).sum(axis=1) / frame.notna().mul(ws).sum(axis=1)

    dims = pd.DataFrame({d.id: mean(scores[[r.id for r in d.indicators]],
                                    weights[d.id] if weights else np.array([r.weight for r in d.indicators]))
                         for d in fw.dimensions})
    index = mean(dims, weights["index"] if weights else np.array([d.weight for d in fw.dimensions]))
    vetoed = pd.Series(False, index=values.index)
    for v in fw.vetoes:
        vetoed |= values[v.indicator].ge(v.value) if v.op == ">=" else values[v.indicator].gt(v.value)
    frame = pd.DataFrame({"group": groups, "index": index, "vetoed": vetoed, "tiebreak": tiebreak,
                          "key": values.index})
    frame = frame.sort_values(["group", "vetoed", "index", "tiebreak", "key"],
                              ascending=[True, True, False, True, True], na_position="last")
    frame["rank"] = frame.groupby("group", sort=False).cumcount() + 1
    return frame.loc[values.index]


# ------------------------------------------------------------------ measuring in a child process

def _rss(field: str) -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field):
                return int(line.split()[1]) * 1024
    return 0


def _child(fn: Callable[[], Any], conn: Any) -> None:
    try:
        with open("/proc/self/clear_refs", "w") as fh:       # reset the peak to the current RSS
            fh.write("5")
        reset = True
    except OSError:
        reset = False
    start = _rss("VmRSS:")
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        result = fn()
    except BaseException as exc:  # noqa: BLE001 - reported by the parent
        conn.send(exc)
        raise
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    conn.send((seconds, cpu, _rss("VmHWM:") - start if reset else _rss("VmHWM:"), result))
    conn.close()


def measure(fn: Callable[[], Any]) -> tuple[float, float, int, Any]:
    """(wall seconds, CPU seconds, peak bytes above the inherited memory, fn's result) of fn in a forked child.

    CPU seconds are printed too because the machine is shared: under load the wall time of both
    sides stretches, their CPU time much less."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(fn, child))
    proc.start()
    child.close()
    out = parent.recv()
    proc.join()
    if isinstance(out, BaseException):
        raise out
    return out


# ------------------------------------------------------------------ main

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--units", type=int, default=300_000)
    ap.add_argument("--indicators", type=int, default=60)
    ap.add_argument("--groups", type=int, default=12)
    ap.add_argument("--replications", type=int, default=1000)
    ap.add_argument("--baseline-replications", type=int, default=3,
                    help="pandas Monte Carlo replications actually run (then scaled)")
    ap.add_argument("--cli", action="store_true", help="time `govlens index` end to end on the table as CSV")
    ap.add_argument("--against", help="with --cli: another tree's src folder, run on the same files")
    args = ap.parse_args()
    if args.cli:
        return cli(args)

    t0 = time.perf_counter()
    fw = make_framework(args.indicators, args.replications)
    table = make_table(args.units, args.indicators, args.groups)
    print(f"table: {args.units:,} units × {args.indicators} indicators, {args.groups} groups "
          f"({table.values.isna().mean().mean():.1%} missing), generated in {time.perf_counter() - t0:.1f}s; "
          f"cores: {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}")

    def engine() -> dict[str, Any]:
        run = build_index(table, fw, uncertainty_spec=None, with_statistics=False)
        return {"index": run.results["index"].to_numpy(), "rank": run.results["rank"].to_numpy()}

    def baseline() -> dict[str, Any]:
        out = pandas_pipeline(table.values, table.groups, table.tiebreak, fw)
        return {"index": out["index"].to_numpy(), "rank": out["rank"].to_numpy()}

    e_s, e_cpu, e_mem, e_res = measure(engine)
    b_s, b_cpu, b_mem, b_res = measure(baseline)
    diff = float(np.nanmax(np.abs(e_res["index"] - b_res["index"])))
    same_ranks = bool((e_res["rank"] == b_res["rank"]).all())
    print(f"\nfull index (default pipeline)     engine {e_s:6.2f} s ({e_cpu:.2f} s CPU), peak {e_mem / 2**20:5.0f} MiB   "
          f"plain pandas {b_s:6.2f} s ({b_cpu:.2f} s CPU), peak {b_mem / 2**20:5.0f} MiB")
    print(f"  ratio engine / pandas            time {e_s / b_s:5.2f}× (CPU {e_cpu / b_cpu:.2f}×), memory "
          f"{e_mem / max(b_mem, 1):5.2f}×   (max |Δ index| {diff:.2e}, ranks identical: {same_ranks})")

    def stats() -> float:
        from threadpoolctl import threadpool_limits
        run = build_index(table, fw, uncertainty_spec=None, with_statistics=False)
        t = time.perf_counter()
        with threadpool_limits(limits=BLAS_THREADS, user_api="blas"):       # as build_index runs it
            statistics(run)
        return time.perf_counter() - t

    _, _, _, st_inner = measure(stats)
    print(f"  statistics step (correlations, α, PCA, flags): {st_inner:.2f} s")

    def monte_carlo() -> dict[str, Any]:
        run = build_index(table, fw, with_statistics=False)
        info = run.analysis["uncertainty"].iloc[0]
        sens = run.analysis["sensitivity"].set_index("factor")["ST"].round(3).to_dict()
        width = (run.results["rank_high"] - run.results["rank_low"]).median()
        return {"replications": int(info["replications"]), "sensitivity": sens, "median_width": float(width)}

    m_s, m_cpu, m_mem, m_res = measure(monte_carlo)
    nominal = e_s

    def baseline_mc() -> float:
        rng = np.random.default_rng(1)
        t = time.perf_counter()
        for r in range(args.baseline_replications):
            weights = {d.id: np.array([x.weight for x in d.indicators]) * rng.uniform(0.75, 1.25, len(d.indicators))
                       for d in fw.dimensions}
            weights["index"] = np.array([d.weight for d in fw.dimensions]) * rng.uniform(0.75, 1.25, DIMENSIONS)
            values = table.values if r % 2 == 0 else table.values.fillna(table.values.median())
            pandas_pipeline(values, table.groups, table.tiebreak, fw, weights, geometric=r % 3 == 0)
        return (time.perf_counter() - t) / args.baseline_replications

    bm_s, bm_cpu, bm_mem, per_rep = measure(baseline_mc)
    per_rep_cpu = bm_cpu / args.baseline_replications
    reps = m_res["replications"]
    scaled = per_rep * reps
    print(f"\nMonte Carlo, {reps} replications     engine {m_s:6.2f} s ({m_cpu:.1f} s CPU), peak {m_mem / 2**20:5.0f} MiB   "
          f"plain pandas {scaled:7.1f} s ({per_rep_cpu * reps:.0f} s CPU) (= {per_rep:.2f} s × {reps}, "
          f"{args.baseline_replications} run), peak {bm_mem / 2**20:.0f} MiB")
    print(f"  ratio pandas / engine            {scaled / m_s:5.1f}× faster (CPU {per_rep_cpu * reps / m_cpu:.1f}×); "
          f"engine per replication {(m_s - nominal) / reps * 1000:.1f} ms after the nominal run")
    print(f"  Sobol total indices of the mean rank shift: {m_res['sensitivity']}; "
          f"median 5–95 % rank interval width: {m_res['median_width']:.0f} places")

    def export() -> float:
        import tempfile
        from govlens.scoring.export import write_outputs
        run = build_index(table, fw, uncertainty_spec=None, with_statistics=False)
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            write_outputs(run, tmp)
            return time.perf_counter() - t

    _, _, _, export_s = measure(export)
    print(f"\nCSV export of every data set (govlens index --out): {export_s:.1f} s")


WRAPPER = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
           "r = resource.getrusage(resource.RUSAGE_CHILDREN); print(r.ru_utime + r.ru_stime, r.ru_maxrss)")


def cli(args: argparse.Namespace) -> None:
    """`govlens index` on the table written as CSV, in fresh processes: this tree, then ``--against``."""
    import subprocess
    import sys
    import tempfile

    import yaml

    with tempfile.TemporaryDirectory(prefix="govlens-index-bench-") as tmp:
        table = make_table(args.units, args.indicators, args.groups)
        frame = table.values.copy()
        frame.insert(0, "group", table.groups.to_numpy())
        frame.index.name = "id"
        frame.to_csv(f"{tmp}/table.csv")
        with open(f"{tmp}/bench.yaml", "w", encoding="utf-8") as fh:
            yaml.safe_dump(framework_doc(args.indicators, args.replications), fh, allow_unicode=True)
        print(f"table: {args.units:,} units × {args.indicators} indicators, {args.replications} replications, "
              f"{os.path.getsize(f'{tmp}/table.csv') / 2**20:.0f} MiB CSV; load average {os.getloadavg()[0]:.1f}")
        here = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "src")
        rows = {}
        for label, src in (("this tree", here), ("against", args.against)):
            if not src:
                continue
            out = f"{tmp}/out-{len(rows)}"
            t = time.perf_counter()
            # through a wrapper process whose only child is the run, so ru_maxrss is that run's own peak
            done = subprocess.run([sys.executable, "-c", WRAPPER, sys.executable, "-m", "govlens.cli", "index",
                                   f"{tmp}/table.csv", "--framework", f"{tmp}/bench.yaml", "--group", "group",
                                   "--out", out], check=True, capture_output=True, text=True,
                                  env={**os.environ, "PYTHONPATH": os.path.abspath(src)})
            wall = time.perf_counter() - t
            cpu, maxrss = (float(x) for x in done.stdout.split()[-2:])
            size = sum(os.path.getsize(os.path.join(out, f)) for f in os.listdir(out))
            rows[label] = (wall, cpu, maxrss, size)
            print(f"{label:<10} wall {wall:6.1f} s, CPU {cpu:6.1f} s, peak RSS {maxrss / 1024:6.0f} MiB, "
                  f"output {size / 2**20:6.0f} MiB")
        if len(rows) == 2:
            (w1, c1, _, s1), (w2, c2, _, s2) = rows["this tree"], rows["against"]
            (m1, m2) = rows["this tree"][2], rows["against"][2]
            print(f"ratio this / against: wall {w1 / w2:.2f}×, CPU {c1 / c2:.2f}×, peak RSS {m1 / m2:.2f}×, "
                  f"output {s1 / s2:.2f}×")


if __name__ == "__main__":
    main()
