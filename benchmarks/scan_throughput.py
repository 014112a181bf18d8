"""Scan throughput: govlens's HTTP site probe against a bare aiohttp fetch of the same URLs.

    python benchmarks/scan_throughput.py [--sites 300] [--seed 2013] [--profile] [--former-keepalive]
                                         [--handshakes 200]

Serves a sandbox web of N sites from a separate process (so the server has its own core, as
a real web would), scans it with govlens — the full scan (availability visits, pages, robots,
sitemap, link checks, TLS …) with idle connections kept ``HTTP_KEEPALIVE`` seconds (the default;
``--former-keepalive``: also with the former 2 seconds), and a pages-only scan (one visit, no link checks) — and then fetches
exactly the HTML pages the scan fetched with plain aiohttp (no parsing, no store). Printed:

- per run: pages, requests, connections opened, wall seconds and **CPU-seconds per page** of this
  process (the sandbox server's CPU is not counted), with pages per CPU-second as a ratio to the
  bare fetch measured in the same run, since the machines are noisy;
- the full scan's requests per page by purpose (page, link, visit, robots, sitemap, tls, https, and
  the other probes by name);
- ``--profile``: one more full scan, under cProfile, and the share of its CPU in reading peer
  certificates (``getpeercert``) and in TLS handshakes (run it at two sizes: the share should stay flat);
- the client CPU of one TLS handshake against a certificate naming one host and against one naming
  as many hosts as the sandbox serves (the sandbox's former all-names certificate), as a ratio.
"""
from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import resource
import ssl
import tempfile
import time
from pathlib import Path

import aiohttp
import trustme

from _sandbox_bench import LoopbackResolver, sandbox_ssl, served_sandbox
from govlens.pipeline.demo import DEMO_CHECK_DATE
from govlens.probes.scan import run_scan
from govlens.registry import load_registry
from govlens.registry.shipped import shipped_registry
from govlens.sandbox.platforms import generate_platforms
from govlens.settings import Settings
from govlens.store import CampaignStore

OLD_KEEPALIVE = 2.0         # seconds idle connections were kept before HTTP_KEEPALIVE


async def bare_fetch(urls: list[str], state: dict, concurrency: int) -> int:
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
        await asyncio.gather(*(one(u) for u in urls))
        return ok


class Run:
    """One measured run: pages, requests, connections, wall and CPU seconds of this process."""

    def __init__(self, name: str) -> None:
        self.name, self.pages, self.requests, self.connections = name, 0, 0, 0
        self.by_purpose: dict[str, int] = {}
        self.wall = self.cpu = 0.0

    def __enter__(self) -> "Run":
        self._t, self._c = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self._t, time.process_time() - self._c


def scan_once(name: str, platforms, store_path: Path, state: dict, overrides: dict,
              profile: cProfile.Profile | None = None) -> Run:
    settings = Settings({"CHECK_DATE": DEMO_CHECK_DATE.isoformat(), "BROWSER_ENABLED": False, **overrides})
    with CampaignStore(store_path) as store:
        store.write_platforms(platforms)
        with Run(name) as run:
            if profile is not None:
                profile.enable()
            try:
                summary = run_scan(platforms, store, settings, sandbox_state=state)
            finally:
                if profile is not None:
                    profile.disable()
    run.pages, run.requests, run.connections = summary.pages, summary.requests, summary.connections
    run.by_purpose = summary.requests_by_purpose
    return run


def profile_shares(profile: cProfile.Profile) -> tuple[float, float]:
    """Shares of the profiled CPU spent in ``getpeercert`` and in TLS handshakes (``do_handshake``)."""
    stats = pstats.Stats(profile)
    total = stats.total_tt or 1.0                                   # type: ignore[attr-defined]
    peer = hand = 0.0
    for (_, _, func), (_, _, tt, _, _) in stats.stats.items():     # type: ignore[attr-defined]
        if "getpeercert" in func:
            peer += tt
        elif "do_handshake" in func:
            hand += tt
    return peer / total, hand / total


async def _handshakes(ca: trustme.CA, names: list[str], n: int) -> float:
    """Client CPU-seconds of ``n`` asyncio TLS handshakes against a certificate naming ``names``."""
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(*names).configure_cert(server_ctx)
    client_ctx = ssl.create_default_context()
    ca.configure_trust(client_ctx)

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0, ssl=server_ctx)
    port = server.sockets[0].getsockname()[1]
    cpu = 0.0
    for _ in range(n):            # the server runs in this process too: its handshake CPU is counted with the client's
        c = time.process_time()
        _, writer = await asyncio.open_connection("127.0.0.1", port, ssl=client_ctx, server_hostname=names[0])
        cpu += time.process_time() - c
        writer.close()
    server.close()
    await server.wait_closed()
    return cpu


def handshake_ratio(hosts: int, n: int) -> tuple[float, float]:
    """CPU per handshake (ms) with a one-name and a ``hosts``-name certificate, same run, same CA."""
    ca = trustme.CA()
    names = [f"www.site{i:06d}.gov.cn" for i in range(max(1, hosts))]
    one = asyncio.run(_handshakes(ca, names[:1], n))
    many = asyncio.run(_handshakes(ca, names, n))
    return one / n * 1000, many / n * 1000


def print_runs(runs: list[Run], base: Run) -> None:
    base_rate = base.pages / base.cpu
    print(f"{'run':<36} {'pages':>6} {'requests':>8} {'conns':>6} {'wall s':>7} {'CPU s':>7} "
          f"{'CPU ms/page':>11} {'pages/CPU-s ÷ bare':>19}")
    for r in runs:
        print(f"{r.name:<36} {r.pages:>6} {r.requests:>8} {r.connections or '':>6} {r.wall:>7.1f} {r.cpu:>7.1f} "
              f"{r.cpu / r.pages * 1000:>11.1f} {(r.pages / r.cpu) / base_rate:>19.2f}")


def print_purposes(run: Run) -> None:
    print(f"\nrequests per page by purpose ({run.name}; {run.pages} pages, {run.requests} requests, "
          f"{run.requests / max(1, run.connections):.1f} requests per connection):")
    for name, n in run.by_purpose.items():
        print(f"  {name:<16} {n:>8} {n / run.pages:>7.2f} per page  {n / run.requests:>6.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2013)
    parser.add_argument("--profile", action="store_true", help="profile the full scan (getpeercert, handshakes)")
    parser.add_argument("--former-keepalive", action="store_true",
                        help=f"also scan with idle connections kept {OLD_KEEPALIVE:g} s (before HTTP_KEEPALIVE)")
    parser.add_argument("--handshakes", type=int, default=200, help="handshakes per certificate (0: skip)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="govlens-bench-"))
    platforms = generate_platforms(load_registry(shipped_registry()).platforms, args.sites, args.seed)
    profile = cProfile.Profile() if args.profile else None
    with served_sandbox(platforms, work, args.seed, sites=args.sites) as state:
        full = scan_once("govlens full scan", platforms, work / "full.duckdb", state, {})
        old = scan_once(f"full scan, keep-alive {OLD_KEEPALIVE:g} s (former)", platforms, work / "old.duckdb",
                        state, {"HTTP_KEEPALIVE": OLD_KEEPALIVE}) if args.former_keepalive else None
        lite = scan_once("govlens pages-only scan", platforms, work / "pages.duckdb", state,
                         {"AVAILABILITY_VISITS": 1, "LINKS_MAX_PER_SITE": 0})
        with CampaignStore(work / "pages.duckdb") as store:
            urls = [r[0] for r in store.con.execute(
                "SELECT url FROM observations WHERE kind = 'page' AND status = 'completed'").fetchall()]
        with Run("bare aiohttp fetch (baseline)") as base:
            base.pages = base.requests = asyncio.run(bare_fetch(urls, state, Settings()["CONCURRENCY_TOTAL"]))
        hosts = len(state.get("hosts") or ())
        if profile is not None:           # a run of its own: the profiler's overhead stays out of the figures above
            scan_once("profiled", platforms, work / "profiled.duckdb", state, {}, profile)
    print(f"sandbox web: {args.sites} sites ({hosts} hosts), seed {args.seed}, {os.cpu_count()} cores; "
          f"peak RSS of this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
          )
    print_runs([base, lite, full] + ([old] if old is not None else []), base)
    print_purposes(full)
    if profile is not None:
        peer, hand = profile_shares(profile)
        print(f"\nfull scan profile: getpeercert {peer:.1%} of CPU, TLS handshakes {hand:.1%}")
    if args.handshakes:
        one, many = handshake_ratio(hosts, args.handshakes)
        print(f"TLS handshake, client and server CPU: {one:.2f} ms with a one-name certificate, {many:.2f} ms with "
              f"one naming {hosts} hosts ({many / one:.1f}×)")


if __name__ == "__main__":
    main()
