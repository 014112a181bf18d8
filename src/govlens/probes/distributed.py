"""A scan on a Dask cluster: the platforms still to scan, sharded by host, probed on the workers, committed here.

Why Dask distributed (not a queue of our own): it has the scheduler, the worker processes, the
transfer of tasks and results, and — what a national scan needs — a task whose worker died is run
again on another one; ``LocalCluster`` starts the same on one machine (``--workers N``) and in tests.

How the work is cut (:func:`plan_shards`):

- **by host**: every platform of one registrable domain (``www.beijing.gov.cn``, ``fgw.beijing.gov.cn``
  → ``beijing.gov.cn``, from the Public Suffix List that ``publicsuffixlist`` ships: no download) is in
  one shard, so a shard's worker is the only one visiting that host and the fetcher's per-host
  concurrency, delay and robots.txt hold across the cluster as they do in one process;
- **in shards of about** ``CLUSTER_SHARD_SITES``: small hosts are packed together; a host with more
  platforms than that (``weibo.com`` for every Weibo account) is a *lane* of shards run one after
  the other (the next is submitted when the one before is committed), never two at once.

Each shard is one task: the worker runs the in-process scan's loop on it (:func:`~govlens.probes.scan.probe_sites`:
its own event loop, fetcher and probes) and returns the observation rows and home statuses. Here,
as results arrive (``as_completed``), each shard is committed with its ledger rows in one transaction
(:func:`govlens.store.ledger.commit_sites`), and only ``2 × threads`` shards are in flight: memory
holds at most those, and a killed scan loses only them (``--resume`` continues from the ledger). The
campaign store lives on the client alone; workers need the code, the settings (sent with each task) and the network.
"""
from __future__ import annotations

import asyncio
import ipaddress
import logging
import tempfile
from collections import deque
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from govlens import messages
from govlens.contract.observation import Observation
from govlens.errors import ConfigError
from govlens.probes.base import Probe
from govlens.registry.model import Platform
from govlens.settings import Settings
from govlens.store import ledger
from govlens.store.campaign_store import CampaignStore

RETRIES = 2                  # a shard whose task raised is run again this often (a dead worker's: by the scheduler)
CONNECT_TIMEOUT = 30         # seconds to reach the scheduler of CLUSTER_ADDRESS

Done = Callable[[Platform, int, int, int, str], None]   # platform, observations, pages, failed, homepage visit


@dataclass(frozen=True, slots=True)
class ShardJob:
    """What every shard's task needs besides its platforms (sent to each worker once)."""

    settings: dict[str, Any]
    classes: tuple[type[Probe], ...]
    sandbox_state: dict[str, Any] | None
    spool: bool                 # record the pages for the evidence spool


@dataclass(frozen=True, slots=True)
class SiteResult:
    platform_id: str
    home_status: str            # the ledger's status
    rows: list[dict[str, Any]]
    pages: int
    failed: int
    visit: str                  # the homepage's visit status for on_site ("" without one)


@dataclass(frozen=True, slots=True)
class ShardResult:
    sites: list[SiteResult]
    requests: int
    spool: bytes                # the shard's spool WARC (whole gzip members), b"" without one
    recorded: int               # responses in it


@lru_cache(maxsize=1)
def _suffixes() -> Any:
    from publicsuffixlist import PublicSuffixList
    return PublicSuffixList()


def shard_key(url: str) -> str:
    """The registrable domain of ``url``'s host (its host when it has none: an address, ``localhost``)."""
    try:
        host = (urlsplit(url).hostname or "").rstrip(".").lower()
    except ValueError:
        return url
    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:
        pass
    return _suffixes().privatesuffix(host) or host


def plan_shards(platforms: Sequence[Platform], size: int) -> list[list[list[Platform]]]:
    """Lanes of shards: each host's platforms in one lane, small hosts packed into shards of about ``size``,
    a larger host cut into shards that its lane runs one after the other (registry order kept within a host)."""
    size = max(1, size)
    hosts: dict[str, list[Platform]] = {}
    for p in platforms:
        hosts.setdefault(shard_key(p.url), []).append(p)
    lanes: list[list[list[Platform]]] = []
    packed: list[Platform] = []
    for group in hosts.values():
        if len(group) > size:
            lanes.append([group[i:i + size] for i in range(0, len(group), size)])
            continue
        if len(packed) + len(group) > size:
            lanes.append([packed])
            packed = []
        packed += group
    if packed:
        lanes.append([packed])
    return lanes


def run_shard(job: ShardJob, platforms: list[Platform]) -> ShardResult:
    """On a worker: probe one shard with the in-process scan's loop; its rows, statuses and spool records."""
    from govlens.probes.net.tls_buffers import tune_tls_buffers

    tune_tls_buffers()
    with tempfile.TemporaryDirectory(prefix="govlens-shard-") as tmp:
        spool = Path(tmp) / "spool.warc.gz" if job.spool else None
        sites, requests, recorded = asyncio.run(_probe_shard(job, platforms, spool))
        data = spool.read_bytes() if spool is not None and spool.is_file() else b""
    return ShardResult(sites, requests, data, recorded)


async def _probe_shard(job: ShardJob, platforms: list[Platform],
                       spool: Path | None) -> tuple[list[SiteResult], int, int]:
    from govlens.probes.scan import Sources, _home_status, _homepage_visit, _pages, make_fetchers, probe_sites

    settings = Settings(job.settings)
    sources = Sources(settings, None, None, spool, False)
    sites: list[SiteResult] = []

    async def emit(platform: Platform, observations: list[Observation], failed: int) -> None:
        sites.append(SiteResult(platform.id, _home_status(observations), [o.as_row() for o in observations],
                                _pages(observations), failed, _homepage_visit(observations)))

    try:
        probes = [cls.name for cls in job.classes]
        fetchers = make_fetchers(settings, job.sandbox_state, sources, probes)
        requests, _ = await probe_sites(platforms, job.classes, settings, job.sandbox_state, fetchers, emit)
    finally:
        sources.close()
    return sites, requests, sources.spool.written if sources.spool is not None else 0


async def scan_on_cluster(todo: Sequence[Platform], store: CampaignStore, run: ledger.ScanRun, settings: Settings,
                          sandbox_state: dict[str, Any] | None, classes: Sequence[type[Probe]], spool: Any,
                          done: Done) -> tuple[int, int]:
    """Probe ``todo`` on the cluster the settings name, committing each shard as it finishes; the requests sent
    and the cluster's worker threads.

    The client is Dask's asynchronous one, on the scan's own event loop: Ctrl-C (asyncio cancels the scan)
    stops it at once, and the shards in flight are dropped with the client. ``spool`` is the scan's evidence
    recorder (None: no spool); ``done`` is called for each committed platform.
    """
    if not todo:
        return 0, 0
    from distributed import as_completed

    lanes = plan_shards(todo, settings.getint("CLUSTER_SHARD_SITES"))
    by_id = {p.id: p for p in todo}
    job = ShardJob(settings.as_dict(), tuple(classes), sandbox_state, spool is not None)
    pending = deque((lane, 0) for lane in range(len(lanes)))
    requests = 0
    async with cluster_client(settings) as client:
        [shared] = await client.scatter([job], broadcast=True)
        threads = sum((await client.nthreads()).values())
        in_flight = max(2, 2 * threads)
        running: dict[Any, tuple[int, int]] = {}

        def submit() -> Any:
            lane, index = pending.popleft()
            future = client.submit(run_shard, shared, lanes[lane][index], retries=RETRIES, pure=False,
                                   key=f"govlens-shard-{run.scan_id[:12]}-{lane}-{index}")
            running[future] = (lane, index)
            return future

        finished = as_completed([submit() for _ in range(min(in_flight, len(pending)))])
        async for future in finished:
            lane, index = running.pop(future)
            result: ShardResult = await future
            future.release()
            sites = await asyncio.to_thread(_commit, store, run, result, spool)    # DuckDB: off the loop
            for site in sites:
                done(by_id[site.platform_id], len(site.rows), site.pages, site.failed, site.visit)
            requests += result.requests
            if index + 1 < len(lanes[lane]):
                pending.appendleft((lane, index + 1))      # the host's next shard, now that this one is done
            if pending:
                finished.add(submit())
    return requests, threads


def _commit(store: CampaignStore, run: ledger.ScanRun, result: ShardResult, spool: Any) -> list[SiteResult]:
    """One shard's sites, each with its ledger row, in transactions of at most ``BATCH_SITES`` sites or
    ``BATCH_ROWS`` rows, as the in-process writer commits: a whole shard in one transaction outgrows the
    scan's DuckDB memory (``STORE_SCAN_MEMORY_LIMIT``). A site already committed is not written twice."""
    from govlens.probes.scan import BATCH_ROWS, BATCH_SITES

    sites = [s for s in result.sites if s.platform_id not in run.done]
    if spool is not None and result.spool:
        spool.append_file(result.spool, result.recorded)
    batch: list[tuple[str, str, list[dict[str, Any]]]] = []
    rows = 0
    for site in sites:
        if batch and (len(batch) >= BATCH_SITES or rows + len(site.rows) > BATCH_ROWS):
            ledger.commit_sites(store, run, batch)
            batch, rows = [], 0
        batch.append((site.platform_id, site.home_status, site.rows))
        rows += len(site.rows)
    if batch:
        ledger.commit_sites(store, run, batch)
    return sites


@asynccontextmanager
async def cluster_client(settings: Settings) -> AsyncIterator[Any]:
    """An asynchronous client of the scheduler at ``CLUSTER_ADDRESS``, or of a LocalCluster of
    ``CLUSTER_WORKERS`` processes started for the scan (and stopped after it)."""
    from distributed import Client, LocalCluster

    address = str(settings["CLUSTER_ADDRESS"] or "").strip()
    if not address:
        async with LocalCluster(n_workers=settings.getint("CLUSTER_WORKERS"), threads_per_worker=1, processes=True,
                                dashboard_address=None, silence_logs=logging.ERROR, asynchronous=True) as cluster, \
                Client(cluster, asynchronous=True) as client:
            yield client
        return
    try:
        client = await Client(address, timeout=CONNECT_TIMEOUT, asynchronous=True)
    except (OSError, ValueError) as exc:
        reason = (messages.t("cluster.bad_address") if not isinstance(exc, OSError) else
                  messages.os_reason(exc) if exc.errno else messages.t("cluster.no_answer", seconds=CONNECT_TIMEOUT))
        raise ConfigError(messages.t("cluster.unreachable", address=address, reason=reason),
                          field="CLUSTER_ADDRESS") from None
    try:
        yield client
    finally:
        await client.close()
