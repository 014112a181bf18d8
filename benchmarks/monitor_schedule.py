"""The availability monitor's schedule: does it keep time at the census's rate for 100,000 sites?

    python benchmarks/monitor_schedule.py [--sites 100000] [--seconds 120] [--speed 1] [--hosts 2000]

The census window is a week with 147 visits per site: for 100,000 sites 14.7 million visits, about
24 a second. Nobody benchmarks for a week, so the clock is compressed in two ways: a *slice* (the
first ``--seconds`` of the window, at the real rate: the heap holds every site, the visits due in
the slice are made) and a *time-scaled* window (``--speed K``: the week passes K times faster, so
the rate is K × 24 a second; the one-second rule is kept in real seconds, so it is K times
stricter than the census's). The real :class:`~govlens.probes.gatherers.monitor.Monitor` runs
with its defaults (``MONITOR_CONCURRENCY``, ``MONITOR_TIMEOUT``, ``MONITOR_READ_BYTES``) into a
real campaign store, against the sandbox web served from a separate process (as a real web would
be, on a core of its own).

100,000 sandbox sites are too heavy to serve on this machine (one certificate naming every
host, every site's pages built): the sandbox serves ``--hosts`` sites (websites, columns,
editions, portals, with their injected outages and slow homepages), and the ``--sites``
platforms are those homepages under many platform ids, each with its own phase in the window.

Printed: visits, visits/s, the share started within 1 s of schedule, lateness percentiles, the
monitor process's CPU (seconds, share of one core, per visit), the sandbox server's CPU, the
monitor's peak RSS. Then, in the same run on the same homepages, the capacity of one core: the
same visits back to back as fast as they go, as the monitor makes them (small GET) and as a full
``Fetcher.fetch`` (what the monitor did before), as ratios to the census rate and to each other.
"""
from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import resource
import tempfile
import time
from pathlib import Path

from govlens.pipeline.demo import DEMO_CHECK_DATE
from govlens.probes.gatherers.http_site import homepage_url
from govlens.probes.gatherers.monitor import Monitor, monitored
from govlens.probes.net.fetch import Fetcher
from govlens.probes.net.visit import peek
from govlens.registry import load_registry
from govlens.registry.shipped import shipped_registry
from govlens.registry.write import write_registry_csv
from govlens.sandbox.platforms import generate_platforms
from govlens.sandbox.process import sandbox_process
from govlens.sandbox.web import SLOW_DELAY
from govlens.settings import Settings
from govlens.store import CampaignStore
from govlens.store.queries import visit_lateness

WEEK, VISITS = 604_800.0, 147
TICK = os.sysconf("SC_CLK_TCK")


def cpu_self() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def cpu_children() -> float:
    """CPU seconds of this process's running children (the sandbox server), from /proc."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == os.getpid():
            total += (int(fields[11]) + int(fields[12])) / TICK
    return total


def platforms_for(hosts: int, sites: int, seed: int) -> tuple[list, list]:
    """The sandbox's platforms (``hosts`` websites and the registry's others) and ``sites`` monitored ids."""
    served = generate_platforms(load_registry(shipped_registry()).platforms, hosts, seed)
    homes = monitored(served)
    ids = [dataclasses.replace(homes[i % len(homes)], id=f"mon-{i:06d}") for i in range(sites)]
    return served, ids


def run_window(platforms: list, store_path: Path, state: dict, speed: float, seconds: float) -> dict:
    settings = Settings({"MONITOR_DURATION": WEEK / speed, "MONITOR_VISITS": VISITS})
    with CampaignStore(store_path) as store:
        store.write_platforms(platforms)
        c0, s0, t0 = cpu_self(), cpu_children(), time.perf_counter()
        summary = asyncio.run(Monitor(platforms, store, settings, state).run(restart=True, stop_after=seconds))
        wall, cpu, server = time.perf_counter() - t0, cpu_self() - c0, cpu_children() - s0
        late = visit_lateness(store)
    return {"summary": summary, "wall": wall, "cpu": cpu, "server": server, "late": late,
            "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


async def capacity(urls: list[str], state: dict, small: bool, concurrency: int = 256) -> tuple[float, float]:
    """(visits per second, CPU seconds per visit) for ``urls`` visited back to back, ``concurrency`` at once."""
    settings = Settings({"HTTP_TIMEOUT": 15.0})
    read = settings.getint("MONITOR_READ_BYTES")
    async with Fetcher(settings, sandbox_state=state) as fetcher:
        gate = asyncio.Semaphore(concurrency)

        async def one(url: str) -> None:
            async with gate:
                await (peek(fetcher, url, read, 15.0) if small else fetcher.fetch(url))

        c0, t0 = cpu_self(), time.perf_counter()
        await asyncio.gather(*(one(u) for u in urls))
        return time.perf_counter() - t0, cpu_self() - c0


def capacities(urls: list[str], state: dict, rounds: int = 3) -> dict[bool, tuple[float, float]]:
    """Small GET and full fetch, interleaved ``rounds`` times (the machine is noisy): (visits/s, CPU-s/visit)."""
    sums = {True: [0.0, 0.0], False: [0.0, 0.0]}
    for _ in range(rounds):
        for small in (True, False):
            wall, cpu = asyncio.run(capacity(urls, state, small))
            sums[small][0] += wall
            sums[small][1] += cpu
    n = rounds * len(urls)
    return {k: (n / wall, cpu / n) for k, (wall, cpu) in sums.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, default=100_000, help="monitored platforms (default 100,000)")
    parser.add_argument("--hosts", type=int, default=2_000, help="sandbox websites serving their homepages")
    parser.add_argument("--seconds", type=float, default=120.0, help="length of the slice of the window")
    parser.add_argument("--speed", type=float, default=1.0, help="the window passes this many times faster")
    parser.add_argument("--seed", type=int, default=2013)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="govlens-monitor-bench-"))
    served, platforms = platforms_for(args.hosts, args.sites, args.seed)
    write_registry_csv(served, work / "registry.csv")
    homes = sorted({homepage_url(p) for p in monitored(served)})
    rate = args.sites * VISITS / WEEK * args.speed
    load0 = os.getloadavg()[0]
    with sandbox_process(work / "registry.csv", sites=args.hosts, seed=args.seed, as_of=DEMO_CHECK_DATE,
                         state_dir=work / "sandbox") as state:
        r = run_window(platforms, work / "monitor.duckdb", state, args.speed, args.seconds)
        cap = capacities(homes, state)
    (small_rate, small_cpu), (full_rate, full_cpu) = cap[True], cap[False]
    s, late = r["summary"], r["late"]
    q = {k: (f"{v:.3f}" if v is not None else "-") for k, v in late["quantiles"].items()}
    print(f"monitor window: {args.sites:,} sites × {VISITS} visits over {WEEK / args.speed:,.0f} s "
          f"(census rate × {args.speed:g} = {rate:.1f} visits/s); a slice of {args.seconds:g} s; "
          f"{len(homes):,} sandbox homepages from {args.hosts:,} websites; {os.cpu_count()} cores, load average "
          f"{load0:.1f} at the start, {os.getloadavg()[0]:.1f} at the end (other work on the machine delays visits)")
    print(f"visits made            {s.visits:>10,}   ({s.visits / r['wall']:.1f}/s over {r['wall']:.1f} s wall, "
          f"failures {s.failures:,})")
    share = late["on_time"] / late["visits"] if late["visits"] else float("nan")
    print(f"started within 1 s     {share:>10.2%}   (summary: {s.on_time_share or 0:.2%}; target ≥ 99 %)")
    print(f"lateness (s)           p50 {q[0.5]}  p90 {q[0.9]}  p99 {q[0.99]}  p99.9 {q[0.999]}  "
          f"max {late['max'] if late['max'] is not None else 0:.3f}")
    print(f"monitor CPU            {r['cpu']:>10.1f} s  ({r['cpu'] / r['wall']:.1%} of a core, "
          f"{r['cpu'] / max(1, s.visits) * 1000:.2f} ms per visit incl. start-up and ledger)")
    print(f"sandbox server CPU     {r['server']:>10.1f} s  ({r['server'] / r['wall']:.1%} of a core)")
    print(f"monitor peak RSS       {r['rss']:>10.0f} MB  (at the window's end; the whole benchmark's: "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")
    print(f"capacity, same run: the {len(homes):,} homepages back to back, 256 at once, 3 interleaved rounds "
          f"(slow homepages wait {SLOW_DELAY:g} s, so visits/s is a floor; one core's capacity is 1 ÷ CPU per visit):")
    for name, (vrate, vcpu) in (("small GET (monitor)", cap[True]), ("full fetch (before)", cap[False])):
        print(f"  {name:<20} {vrate:>8.1f} visits/s  {vcpu * 1000:.2f} CPU-ms/visit  one core: "
              f"{1 / vcpu:,.0f} visits/s = {1 / vcpu / rate:.1f}× the rate above")
    print(f"  small GET ÷ full fetch, CPU per visit: {small_cpu / full_cpu:.2f}; visits/s: {small_rate / full_rate:.2f}")


if __name__ == "__main__":
    main()
