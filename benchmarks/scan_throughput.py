"""Scan throughput: govlens's HTTP site probe against a bare aiohttp fetch of the same URLs.

    python benchmarks/scan_throughput.py [--sites 300] [--seed 2013]

Serves a sandbox web of N sites from a separate process (so the server has its own core, as
a real web would), scans it with govlens twice — the full scan (availability visits, pages,
robots, sitemap, link checks) and a pages-only scan (one visit, no link checks) — and then
fetches exactly the HTML pages the scan fetched with plain aiohttp (no parsing, no store).
Figures are printed as ratios against that fetch-only baseline measured in the same run,
since the machines are noisy.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import resource
import tempfile
import time
from pathlib import Path

import aiohttp

from _sandbox_bench import LoopbackResolver, sandbox_ssl, served_sandbox
from govlens.pipeline.demo import DEMO_CHECK_DATE
from govlens.probes.scan import run_scan
from govlens.registry import load_registry
from govlens.registry.shipped import shipped_registry
from govlens.sandbox.platforms import generate_platforms
from govlens.settings import Settings
from govlens.store import CampaignStore


async def bare_fetch(urls: list[str], state: dict, concurrency: int) -> tuple[float, int]:
    connector = aiohttp.TCPConnector(limit=concurrency, limit_per_host=8, resolver=LoopbackResolver(state),
                                     ssl=sandbox_ssl(state))
    sem = asyncio.Semaphore(concurrency)
    ok = 0
    async with aiohttp.ClientSession(connector=connector) as session:
        async def one(url: str) -> None:
            nonlocal ok
            async with sem:
                try:
                    async with session.get(url, allow_redirects=True) as resp:
                        await resp.read()
                        ok += resp.status < 400
                except aiohttp.ClientError:
                    pass
        t0 = time.perf_counter()
        await asyncio.gather(*(one(u) for u in urls))
        return time.perf_counter() - t0, ok


def scan_once(platforms, store_path: Path, state: dict, overrides: dict) -> tuple[float, int, int]:
    settings = Settings({"CHECK_DATE": DEMO_CHECK_DATE.isoformat(), **overrides})
    with CampaignStore(store_path) as store:
        store.write_platforms(platforms)
        summary = run_scan(platforms, store, settings, sandbox_state=state)
        return summary.elapsed, summary.pages, summary.requests


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2013)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="govlens-bench-"))
    platforms = generate_platforms(load_registry(shipped_registry()).platforms, args.sites, args.seed)
    with served_sandbox(platforms, work, args.seed, sites=args.sites) as state:
        full_t, full_pages, full_requests = scan_once(platforms, work / "full.duckdb", state, {})
        lite_t, lite_pages, lite_requests = scan_once(
            platforms, work / "pages.duckdb", state, {"AVAILABILITY_VISITS": 1, "LINKS_MAX_PER_SITE": 0})
        with CampaignStore(work / "pages.duckdb") as store:
            urls = [r[0] for r in store.con.execute(
                "SELECT url FROM observations WHERE kind = 'page' AND status = 'completed'").fetchall()]
        base_t, base_ok = asyncio.run(bare_fetch(urls, state, Settings()["CONCURRENCY_TOTAL"]))
    base_rate = base_ok / base_t
    rows = [
        ("bare aiohttp fetch (baseline)", base_ok, base_ok, base_t),
        ("govlens pages-only scan", lite_pages, lite_requests, lite_t),
        ("govlens full scan", full_pages, full_requests, full_t),
    ]
    print(f"sandbox web: {args.sites} sites, seed {args.seed}, {os.cpu_count()} cores; "
          f"peak RSS of this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print(f"{'run':<32} {'pages':>7} {'requests':>9} {'seconds':>8} {'pages/s':>8} {'req/s':>8} {'pages/s ÷ baseline':>19}")
    for name, pages, requests, secs in rows:
        print(f"{name:<32} {pages:>7} {requests:>9} {secs:>8.2f} {pages / secs:>8.1f} {requests / secs:>8.1f} "
              f"{(pages / secs) / base_rate:>19.2f}")


if __name__ == "__main__":
    main()
