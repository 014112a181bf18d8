"""National scale: govlens's scan of a sandbox web of N websites against plain Scrapy and bare aiohttp + selectolax.

    python benchmarks/national_scale.py [--sites 100000] [--seed 2013] [--only bare scrapy govlens-crawl ...]

(from a checkout: ``PYTHONPATH=src python benchmarks/national_scale.py --sites 1000``; Scrapy comes
with ``pip install -e '.[bench]'``). Serves a sandbox web of N websites (the shipped registry's,
then websites generated beyond it) from its own process, then runs each contender on the same sites,
one after another, each in a fresh process:

- ``bare``: aiohttp + selectolax, the crawl of :mod:`_national_crawl` (the floor: no store, no checks);
- ``scrapy``: a plain Scrapy spider doing the same crawl (:mod:`_national_scrapy`);
- ``govlens-crawl``: govlens's real scan, "homepage + bounded crawl" (the ``http_site`` probe, one
  homepage visit, no link checks: :mod:`_national_govlens`), into a DuckDB campaign store;
- ``govlens-cluster``: the same on a 2-worker Dask LocalCluster (skipped, saying why, when this govlens
  has no Dask executor);
- ``govlens-full``: the full default scan (every default probe, link checks on; no browser).

All use govlens's bounds (``CRAWL_MAX_PAGES``, ``CRAWL_MAX_COLUMNS``, ``CRAWL_MAX_DEPTH``,
``CRAWL_ARTICLES_PER_COLUMN``) and concurrency (``CONCURRENCY_TOTAL``, ``CONCURRENCY_PER_HOST``,
``CONCURRENCY_SITES``), and every page's title, links and text are extracted.

Columns: ``sites`` scanned; ``pages`` HTML pages fetched and read (govlens counts its ``page``
observations: section hubs it reads but does not record are not counted, so it is a little low);
``requests`` every HTTP request sent (robots, sitemap, redirects, retries, link checks included);
``wall s`` of the crawl alone (start-up and imports excluded); ``CPU s`` user + system CPU of the
contender's processes over the same window (Dask workers included); ``start CPU`` CPU before it
(interpreter, imports); ``sites/s``, ``pages/s``, ``req/s`` per wall-second; ``pages/CPU-s``;
``peak RSS`` of the contender's process tree (sampled every 0.2 s, summed over its processes). Then
the ratios govlens ÷ Scrapy and govlens ÷ bare, per wall-second and per CPU-second (pages, and
sites), the project's way of stating speed on a noisy machine; and the projection to 100,000 sites:
hours on this machine at the measured rate, and 2-core workers needed to scan them in 24 hours.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

CONTENDERS = ("bare", "scrapy", "govlens-crawl", "govlens-cluster", "govlens-full")
CENSUS_SITES = 100_000
WINDOW_S = 24 * 3600
SAMPLE_S = 0.2


def _cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


# ------------------------------------------------------------------------------------------- one contender
def child(args: argparse.Namespace) -> None:
    """Run one contender in this (fresh) process and write what it did to ``args.result``."""
    import csv

    from _national_crawl import Bounds

    start_cpu = _cpu()
    state = json.loads(Path(args.state).read_text(encoding="utf-8"))
    bounds = Bounds(**json.loads(args.bounds))
    with open(args.registry, encoding="utf-8", newline="") as f:
        urls = [row["url"] for row in csv.DictReader(f)]
    if args.run == "bare":
        from _national_crawl import run_bare
        start_cpu = _cpu()
        tally, wall = run_bare(urls, state, bounds)
        counts = {"sites": tally.sites, "pages": tally.pages, "requests": tally.requests}
    elif args.run == "scrapy":
        from _national_scrapy import run_scrapy
        start_cpu = _cpu()
        tally, wall = run_scrapy(urls, state, bounds)
        counts = {"sites": tally.sites, "pages": tally.pages, "requests": tally.requests}
    else:
        from _national_govlens import run_govlens
        start_cpu = _cpu()
        counts, wall = run_govlens(args.run, args.registry, args.state, Path(args.work))
    Path(args.result).write_text(json.dumps({**counts, "wall": wall, "cpu": _cpu() - start_cpu,
                                             "start_cpu": start_cpu}), encoding="utf-8")


def measure(name: str, state: dict[str, Any], bounds: dict[str, Any], work: Path) -> dict[str, Any] | str:
    """Run contender ``name`` in a fresh process; its figures, or why it failed (its last lines of output)."""
    import psutil

    result = work / f"{name}.json"
    result.unlink(missing_ok=True)
    log = open(work / f"{name}.log", "wb")
    proc = subprocess.Popen([sys.executable, __file__, "--run", name, "--state", state["state_file"],
                             "--registry", state["registry"], "--bounds", json.dumps(bounds), "--result", str(result),
                             "--work", str(work)], stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    peak = 0
    tree = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            rss = sum(p.memory_info().rss for p in [tree, *tree.children(recursive=True)])
        except psutil.Error:
            rss = 0
        peak = max(peak, rss)
        time.sleep(SAMPLE_S)
    log.close()
    if proc.returncode != 0 or not result.is_file():
        tail = (work / f"{name}.log").read_text(encoding="utf-8", errors="replace").strip().splitlines()[-3:]
        return f"exit {proc.returncode}: " + " | ".join(tail)
    out = json.loads(result.read_text(encoding="utf-8"))
    out["peak_mb"] = peak / 2**20
    return out


# ------------------------------------------------------------------------------------------------- report
def _row(name: str, r: dict[str, Any]) -> str:
    wall, cpu = max(r["wall"], 1e-9), max(r["cpu"], 1e-9)
    return (f"{name:<16} {r['sites']:>7} {r['pages']:>8} {r['requests']:>9} {wall:>8.1f} {cpu:>8.1f} "
            f"{r['start_cpu']:>6.1f} {r['sites'] / wall:>8.2f} {r['pages'] / wall:>8.1f} {r['requests'] / wall:>8.1f} "
            f"{r['pages'] / cpu:>8.1f} {r['peak_mb']:>8.0f}")


def _rates(r: dict[str, Any]) -> dict[str, float]:
    wall, cpu = max(r["wall"], 1e-9), max(r["cpu"], 1e-9)
    return {"pages/wall-s": r["pages"] / wall, "pages/CPU-s": r["pages"] / cpu,
            "sites/wall-s": r["sites"] / wall, "sites/CPU-s": r["sites"] / cpu}


def report(results: dict[str, dict[str, Any] | str], sites: int, seed: int) -> None:
    print(f"\nsandbox web: {sites} websites, seed {seed}, {os.cpu_count()} cores; each contender in its own "
          f"process, the sandbox server in another")
    print(f"{'contender':<16} {'sites':>7} {'pages':>8} {'requests':>9} {'wall s':>8} {'CPU s':>8} {'start':>6} "
          f"{'sites/s':>8} {'pages/s':>8} {'req/s':>8} {'pg/CPU-s':>8} {'peak MB':>8}")
    done = {k: v for k, v in results.items() if isinstance(v, dict)}
    for name, r in results.items():
        print(_row(name, r) if isinstance(r, dict) else f"{name:<16} skipped: {r}")
    for g in ("govlens-crawl", "govlens-cluster", "govlens-full"):
        if g not in done:
            continue
        for other, target in (("scrapy", "target ≥ 5×"), ("bare", "target ≥ 0.70×")):
            if other not in done:
                continue
            ours, theirs = _rates(done[g]), _rates(done[other])
            ratios = "  ".join(f"{k} {ours[k] / theirs[k]:.2f}×" for k in ours)
            print(f"{g} ÷ {other:<7} {ratios}   ({target})")
    _projection(done)


def _projection(done: dict[str, dict[str, Any]]) -> None:
    """Hours for 100,000 sites here, and 2-core workers for a 24-hour window, from each govlens row."""
    rows = [g for g in ("govlens-crawl", "govlens-cluster", "govlens-full") if g in done]
    if not rows:
        return
    print(f"\nprojection to {CENSUS_SITES:,} sites (linear in sites; a worker = one machine like this, 2 cores):")
    for g in rows:
        r = done[g]
        wall_rate = r["sites"] / max(r["wall"], 1e-9)
        cpu_rate = 2 * r["sites"] / max(r["cpu"], 1e-9)      # both cores busy scanning, the web elsewhere
        for label, rate in (("as measured (the sandbox on the other core)", wall_rate),
                            ("CPU-bound, 2 cores scanning", cpu_rate)):
            hours = CENSUS_SITES / rate / 3600
            workers = -(-CENSUS_SITES // int(rate * WINDOW_S)) if rate * WINDOW_S >= 1 else float("inf")
            print(f"  {g:<16} {label:<45} {rate:>7.2f} sites/s → {hours:>6.1f} h for {CENSUS_SITES:,}; "
                  f"{workers} worker(s) for 24 h")


# --------------------------------------------------------------------------------------------------- main
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, default=CENSUS_SITES, help="websites in the sandbox web")
    parser.add_argument("--seed", type=int, default=2013)
    parser.add_argument("--only", nargs="+", choices=CONTENDERS, default=list(CONTENDERS), help="contenders to run")
    parser.add_argument("--run", choices=CONTENDERS, help=argparse.SUPPRESS)        # a contender's own process
    for hidden in ("--state", "--registry", "--bounds", "--result", "--work"):
        parser.add_argument(hidden, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        child(args)
        return
    from dataclasses import asdict

    from _national_crawl import Bounds
    from _national_govlens import cluster_support
    from _sandbox_bench import sandbox_websites, served_sandbox
    from govlens.settings import Settings

    bounds = asdict(Bounds.from_settings(Settings()))
    work = Path(tempfile.mkdtemp(prefix="govlens-national-"))
    platforms = sandbox_websites(args.sites, args.seed)
    results: dict[str, dict[str, Any] | str] = {}
    started = time.perf_counter()
    with served_sandbox(platforms, work, args.seed) as state:
        print(f"sandbox web of {len(platforms)} websites served in {time.perf_counter() - started:.0f} s; "
              f"work in {work}", flush=True)
        for name in args.only:
            why = cluster_support() if name == "govlens-cluster" else ""
            if why:
                results[name] = why
                continue
            print(f"  {name} …", flush=True)
            results[name] = measure(name, state, bounds, work)
    report(results, len(platforms), args.seed)


if __name__ == "__main__":
    main()
