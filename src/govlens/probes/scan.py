"""Run probes over a registry into the campaign store.

``CONCURRENCY_SITES`` workers pull platforms from one iterator (no task per platform, so a
100,000-site registry costs no more memory than a small one); each site's observations
are buffered and written in batches. A batch replaces, in one transaction, every earlier
row of its platforms for the probes that ran, so a rescan never leaves stale and fresh
observations side by side and a crash never leaves half a batch. One site's failure never
aborts the campaign: an unexpected exception in a probe becomes a ``page`` observation
with a visit status and the error text.
"""
from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from govlens.probes.base import Probe, ProbeContext, reference_date
from govlens.probes.fetch import Fetcher, ThreadedFetcher, classify_error, load_sandbox_state
from govlens.probes.link_check import LinkChecker
from govlens.probes.observation import Observation
from govlens.probes.registry import get_probe
from govlens.registry.model import Platform
from govlens.settings import Settings
from govlens.store.campaign_store import CampaignStore

BATCH_SITES = 32          # sites per store write
BATCH_ROWS = 20_000       # ... or fewer sites when they are large


@dataclass(slots=True)
class ScanSummary:
    """What a scan did; ``pages_per_second`` counts HTML pages requested (not link checks)."""

    sites: int = 0
    pages: int = 0
    requests: int = 0
    observations: int = 0
    failed_sites: int = 0          # sites where a probe raised (recorded, not fatal)
    elapsed: float = 0.0
    pages_per_second: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _settings(settings: Settings | Mapping[str, Any] | None) -> Settings:
    return settings if isinstance(settings, Settings) else Settings(settings or {})


async def scan(platforms: Iterable[Platform], store: CampaignStore, settings: Settings | Mapping[str, Any] | None,
               *, sandbox_state: dict[str, Any] | None = None, probes: Sequence[str] | None = None,
               progress: Callable[[int, int], None] | None = None) -> ScanSummary:
    """Probe every platform with ``probes`` (default: the ``PROBES`` setting) and write their observations."""
    settings = _settings(settings)
    probes = tuple(probes) if probes is not None else tuple(settings.getlist("PROBES"))
    if sandbox_state is None and str(settings["SANDBOX_STATE"] or "").strip():
        sandbox_state = load_sandbox_state(settings["SANDBOX_STATE"])
    platforms = list(platforms)
    instances: list[Probe] = [get_probe(name) for name in probes]
    summary = ScanSummary()
    started = time.perf_counter()
    writer = _BatchWriter(store, [p.name for p in instances])
    visit_fetcher = ThreadedFetcher(settings, sandbox_state=sandbox_state) \
        if settings.getbool("AVAILABILITY_THREAD") and "http_site" in probes else None
    async with Fetcher(settings, sandbox_state=sandbox_state) as fetcher:
        if visit_fetcher is not None:
            await visit_fetcher.start()
        ctx = ProbeContext(settings=settings, fetcher=fetcher, link_checker=LinkChecker(fetcher, settings),
                           check_date=reference_date(settings), sandbox_state=sandbox_state,
                           visit_fetcher=visit_fetcher)
        for probe in instances:
            await probe.setup(ctx)
        queue = iter(platforms)
        total = len(platforms)

        async def worker() -> None:
            for platform in queue:
                observations, failed = await _probe_site(platform, instances)
                summary.sites += 1
                summary.failed_sites += failed
                summary.observations += len(observations)
                summary.pages += sum(1 for o in observations
                                     if o.kind == "page" and o.status != "blocked_by_robots")
                await writer.add(platform.id, observations)
                if progress is not None:
                    progress(summary.sites, total)

        workers = max(1, settings.getint("CONCURRENCY_SITES"))
        try:
            await asyncio.gather(*(worker() for _ in range(min(workers, max(1, total)))))
        finally:
            await writer.flush()
            for probe in instances:
                await probe.teardown()
            if visit_fetcher is not None:
                await visit_fetcher.close()
        summary.requests = fetcher.requests + (visit_fetcher.requests if visit_fetcher is not None else 0)
    summary.elapsed = round(time.perf_counter() - started, 3)
    summary.pages_per_second = round(summary.pages / summary.elapsed, 1) if summary.elapsed else 0.0
    meta_key = "scan" if "http_site" in probes else "scan:" + "+".join(probes)   # a browser pass keeps the HTTP scan's
    store.set_meta(meta_key, {**summary.as_dict(), "probes": list(probes), "sandbox": sandbox_state is not None,
                            "check_date": ctx.check_date.isoformat()})
    return summary


async def _probe_site(platform: Platform, probes: Sequence[Probe]) -> tuple[list[Observation], int]:
    """All probes on one platform; an exception becomes an observation, never a crash."""
    out: list[Observation] = []
    failed = 0
    for probe in probes:
        try:
            if not probe.prepare(platform):
                continue
            out.extend(await probe.follow_up(platform, tuple(out)))
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # one site's failure never aborts the campaign
            failed = 1
            network = isinstance(exc, (OSError, asyncio.TimeoutError)) or type(exc).__module__.startswith("aiohttp")
            status = classify_error(exc)[0] if network else "connection_error"
            out.append(Observation(platform_id=platform.id, probe=probe.name, kind="page", url=platform.url,
                                   status=status, data={"role": "home", "final_url": platform.url,
                                                        "from_url": None,
                                                        "error": f"probe failed: {type(exc).__name__}: {exc}"[:500]}))
    return out, failed


class _BatchWriter:
    """Buffers observations and replaces each batch's platforms' rows in one transaction."""

    def __init__(self, store: CampaignStore, probe_names: list[str]) -> None:
        self.store = store
        self.probe_names = probe_names
        self.platform_ids: list[str] = []
        self.rows: list[dict[str, Any]] = []
        self.lock = asyncio.Lock()

    async def add(self, platform_id: str, observations: list[Observation]) -> None:
        self.platform_ids.append(platform_id)
        self.rows.extend(o.as_row() for o in observations)
        if len(self.platform_ids) >= BATCH_SITES or len(self.rows) >= BATCH_ROWS:
            await self.flush()

    async def flush(self) -> None:
        if not self.platform_ids:
            return
        ids, rows = self.platform_ids, self.rows
        self.platform_ids, self.rows = [], []
        async with self.lock:   # DuckDB: one writer at a time; off the event loop
            await asyncio.to_thread(self.store.replace, "observations", rows,
                                    platform_id=ids, probe=self.probe_names)


def run_scan(platforms: Iterable[Platform], store: CampaignStore, settings: Settings | Mapping[str, Any] | None,
             *, sandbox_state: dict[str, Any] | None = None, probes: Sequence[str] | None = None,
             progress: Callable[[int, int], None] | None = None) -> ScanSummary:
    """Synchronous :func:`scan` for the CLI and scripts."""
    return asyncio.run(scan(platforms, store, settings, sandbox_state=sandbox_state, probes=probes,
                            progress=progress))
