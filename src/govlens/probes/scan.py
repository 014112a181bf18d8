"""Run probes over a registry into the campaign store, one committed site at a time.

``CONCURRENCY_SITES`` workers pull platforms from one iterator (no task per platform, so a
100,000-site registry costs no more memory than a small one). Each finished site is handed
to one writer task through a small bounded queue (the workers wait when the store falls
behind: memory holds at most the sites in flight plus the queue), and the writer commits
the sites that finished within ``GROUP_COMMIT`` seconds in one DuckDB transaction (a commit
syncs to disk: one per site would cost more than the site), each with its row in the visit
ledger (:mod:`govlens.store.ledger`). So:

- memory does not grow with the registry: a site's observations leave the process as soon
  as it is done;
- a scan killed at any moment (SIGKILL included) loses only the sites in flight, and
  ``resume=True`` (``govlens scan --resume``) scans exactly the platforms without a ledger
  row: nothing lost, nothing duplicated;
- one site's failure never aborts the campaign: an unexpected exception in a probe becomes a
  ``page`` observation with a visit status and the error text.

With ``CLUSTER_ADDRESS`` or ``CLUSTER_WORKERS`` set (``--cluster``, ``--workers``) the same loop
(:func:`probe_sites`) runs on the workers of a Dask cluster, shard by shard, and this process
commits each shard with its ledger rows (:mod:`govlens.probes.distributed`, docs/scale.md).
"""
from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from govlens import messages
from govlens.contract.observation import Observation
from govlens.errors import ConfigError
from govlens.probes.base import Probe, ProbeContext, reference_date
from govlens.probes.components import PROBE_ALIASES, probe_classes
from govlens.probes.net.fetch import Fetcher, load_sandbox_state
from govlens.probes.net.fetch_counts import purpose
from govlens.probes.net.fetch_errors import classify_error
from govlens.probes.net.fetch_threaded import ThreadedFetcher
from govlens.probes.net.link_check import LinkChecker
from govlens.probes.net.tls_buffers import tune_tls_buffers
from govlens.registry.model import Platform
from govlens.settings import Settings
from govlens.store import ledger
from govlens.store.campaign_store import CampaignStore

QUEUE_SITES = 32          # finished sites waiting for the writer (back-pressure beyond)
BATCH_SITES = 32          # sites per store transaction, at most
BATCH_ROWS = 20_000       # ... or fewer sites when they are large
MAX_WARC_PROBLEMS = 1000  # bad archive records kept in the scan's summary (the first ones)
GROUP_COMMIT = 0.5        # seconds the writer waits for more finished sites before committing (each commit syncs)


@dataclass(slots=True)
class ScanSummary:
    """What a scan did; ``pages_per_second`` counts HTML pages requested (not link checks)."""

    sites: int = 0
    pages: int = 0
    requests: int = 0
    observations: int = 0
    failed_sites: int = 0          # sites where a probe raised (recorded, not fatal)
    skipped: int = 0               # sites already committed by an earlier run of the same scan (resume)
    resumed: bool = False
    scan_id: str = ""
    elapsed: float = 0.0
    pages_per_second: float = 0.0
    source: str = "network"        # or "warc": answered from archives (govlens.probes.warc.source)
    not_in_archive: int = 0        # WARC mode: requests the archives had no record of
    skipped_probes: dict[str, str] = field(default_factory=dict)    # WARC mode: probe → why not run
    warc_problems: list[dict[str, Any]] = field(default_factory=list)   # bad records (file, offset, key)
    captured: int = 0              # responses written to the capture WARC
    workers: int = 0               # the Dask cluster's worker threads it ran on (0: in this process)
    requests_by_purpose: dict[str, int] = field(default_factory=dict)   # page, link, robots, visit … (every hop)
    connections: int = 0           # connections opened (TCP + TLS handshakes); the other requests reused one

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _settings(settings: Settings | Mapping[str, Any] | None) -> Settings:
    return settings if isinstance(settings, Settings) else Settings(settings or {})


async def scan(platforms: Iterable[Platform], store: CampaignStore, settings: Settings | Mapping[str, Any] | None,
               *, sandbox_state: dict[str, Any] | None = None, probes: Sequence[str] | None = None,
               progress: Callable[[int, int], None] | None = None, resume: bool = False,
               warc: Sequence[str | Path] | None = None, capture: str | Path | None = None,
               spool: str | Path | None = None,
               on_site: Callable[[Platform, str | None], None] | None = None) -> ScanSummary:
    """Probe every platform with ``probes`` (short names or dotted paths; default: the ``PROBES``
    setting over ``PROBES_BASE``, :mod:`govlens.probes.components`) and commit their observations
    to ``store`` site by site.

    ``resume`` continues the store's last scan with the same probes (see :mod:`govlens.store.ledger`);
    without one it starts a new scan, as ``resume=False`` always does.

    ``warc`` answers every request from these archives instead of the network (no network at all;
    the probes of :data:`~govlens.probes.warc.source.UNARCHIVABLE_PROBES` are skipped). ``capture``
    writes every response to a WARC; ``spool`` keeps them bounded (``EVIDENCE_PAGE_BYTES``,
    ``EVIDENCE_SPOOL_BYTES``) for the evidence file written after the indicators
    (:mod:`govlens.probes.warc.evidence`).

    ``on_site(platform, status)`` is called as each platform is done, with its homepage's visit
    status ("" when it has none: an account, a hotline), for the per-kind progress and counts of the
    command line; ``status`` is None for the platforms a resumed scan had committed before.
    """
    settings = _settings(settings)
    classes = probe_classes(settings, probes)      # an unknown name or path stops the scan before the ledger
    tune_tls_buffers()
    if warc:
        sandbox_state = None
    elif sandbox_state is None and str(settings["SANDBOX_STATE"] or "").strip():
        sandbox_state = load_sandbox_state(settings["SANDBOX_STATE"])
    sources = Sources(settings, warc, capture, spool, resume)
    try:
        with store.memory_limited(settings["STORE_SCAN_MEMORY_LIMIT"], setting="STORE_SCAN_MEMORY_LIMIT"):
            return await _scan(platforms, store, settings, sandbox_state, classes, progress, resume, sources, on_site)
    finally:
        sources.close()


class Sources:
    """Where a scan's responses come from (network or archives) and where they are recorded."""

    def __init__(self, settings: Settings, warc: Sequence[str | Path] | None, capture: str | Path | None,
                 spool: str | Path | None, resume: bool) -> None:
        from govlens.probes.warc.source import WarcIndex
        self.index = WarcIndex.build(warc) if warc else None
        self.recorders: list[Any] = []
        self.capture: Any = None
        self.spool: Any = None
        if capture or spool:
            from govlens.probes.warc.capture import WarcRecorder
            ua = settings["HTTP_USER_AGENT"]
            if capture:
                self.capture = WarcRecorder(capture, append=resume, user_agent=ua)
                self.recorders.append(self.capture)
            if spool:
                self.spool = WarcRecorder(spool, page_bytes=settings.getint("EVIDENCE_PAGE_BYTES"),
                                          total_bytes=settings.getint("EVIDENCE_SPOOL_BYTES"),
                                          append=resume, user_agent=ua, pages_only=True)
                self.recorders.append(self.spool)

    def fetcher(self, settings: Settings, sandbox_state: dict[str, Any] | None) -> Any:
        if self.index is not None:
            from govlens.probes.warc.replay import WarcFetcher
            fetcher: Any = WarcFetcher(self.index, settings)
        else:
            fetcher = Fetcher(settings, sandbox_state=sandbox_state)
        self.hook(fetcher)
        return fetcher

    def hook(self, fetcher: Any) -> None:
        if not self.recorders:
            return
        recorders = tuple(self.recorders)

        def record(*hop: Any) -> None:
            for recorder in recorders:
                recorder(*hop)

        fetcher.recorder = record

    def close(self) -> None:
        for recorder in self.recorders:
            recorder.close()


async def _scan(platforms: Iterable[Platform], store: CampaignStore, settings: Settings,
                sandbox_state: dict[str, Any] | None, classes: Sequence[type[Probe]],
                progress: Callable[[int, int], None] | None, resume: bool, sources: Sources,
                on_site: Callable[[Platform, str | None], None] | None = None) -> ScanSummary:
    platforms = list(platforms)
    classes, skipped_probes = _archivable(classes, sources)
    probes = tuple(cls.name for cls in classes)
    cluster = cluster_wanted(settings)
    if cluster and (sources.index is not None or sources.capture is not None):
        raise ConfigError(messages.t("cluster.warc"))
    # the fetchers before the ledger: a setting they refuse stops the scan with the store untouched
    fetchers = make_fetchers(settings, sandbox_state, sources, probes)
    run, todo, summary = _begin(store, platforms, list(probes), resume, on_site, skipped_probes, sources)
    started = time.perf_counter()
    total = len(platforms)

    def done(platform: Platform, observations: int, pages: int, failed: int, visit: str) -> None:
        summary.sites += 1
        summary.failed_sites += failed
        summary.observations += observations
        summary.pages += pages
        if progress is not None:
            progress(summary.skipped + summary.sites, total)
        if on_site is not None:
            on_site(platform, visit)

    if cluster:
        from govlens.probes.distributed import scan_on_cluster
        summary.requests, summary.workers = await scan_on_cluster(todo, store, run, settings, sandbox_state,
                                                                  classes, sources.spool, done)
    else:
        writer = _Writer(store, run)

        async def emit(platform: Platform, observations: list[Observation], failed: int) -> None:
            await writer.put(platform.id, observations)
            done(platform, len(observations), _pages(observations), failed, _homepage_visit(observations))

        async def scan_all() -> None:
            requests, summary.not_in_archive = await probe_sites(todo, classes, settings, sandbox_state,
                                                                 fetchers, emit)
            summary.requests = requests
            await writer.close()

        try:
            async with asyncio.TaskGroup() as group:      # a failing writer stops the workers, and vice versa
                group.create_task(writer.run())
                group.create_task(scan_all())
        except BaseExceptionGroup as eg:
            raise eg.exceptions[0] from None
        summary.requests_by_purpose, summary.connections = request_counts(*fetchers)
    summary.captured = sources.capture.written if sources.capture is not None else 0
    summary.elapsed = round(time.perf_counter() - started, 3)
    summary.pages_per_second = round(summary.pages / summary.elapsed, 1) if summary.elapsed else 0.0
    meta_key = "scan" if "http_site" in probes else "scan:" + "+".join(probes)   # a browser pass keeps the HTTP scan's
    ledger.finish_scan(store, run, {**summary.as_dict(), "probes": list(probes), "sandbox": sandbox_state is not None,
                                    "check_date": reference_date(settings).isoformat()}, meta_key=meta_key)
    return summary


def cluster_wanted(settings: Settings) -> bool:
    """Whether the scan runs on a Dask cluster (``CLUSTER_ADDRESS`` or ``CLUSTER_WORKERS``), not in this process."""
    return bool(str(settings["CLUSTER_ADDRESS"] or "").strip()) or settings.getint("CLUSTER_WORKERS") > 0


def make_fetchers(settings: Settings, sandbox_state: dict[str, Any] | None, sources: Sources,
                  probes: Sequence[str]) -> tuple[Any, ThreadedFetcher | None]:
    """The scan's fetcher, and the availability visits' own (None when they share the scan's)."""
    fetcher = sources.fetcher(settings, sandbox_state)
    visit_fetcher = ThreadedFetcher(settings, sandbox_state=sandbox_state) \
        if settings.getbool("AVAILABILITY_THREAD") and "http_site" in probes and sources.index is None else None
    if visit_fetcher is not None:
        sources.hook(visit_fetcher.inner)
    return fetcher, visit_fetcher


def _pages(observations: list[Observation]) -> int:
    """HTML pages requested (robots-blocked pages were not)."""
    return sum(1 for o in observations if o.kind == "page" and o.status != "blocked_by_robots")


async def probe_sites(todo: Sequence[Platform], classes: Sequence[type[Probe]], settings: Settings,
                      sandbox_state: dict[str, Any] | None, fetchers: tuple[Any, ThreadedFetcher | None],
                      emit: Callable[[Platform, list[Observation], int], Awaitable[None]]) -> tuple[int, int]:
    """Probe ``todo`` with ``CONCURRENCY_SITES`` workers over one iterator, handing each finished site to
    ``emit(platform, observations, failed)``; returns (requests sent, requests the archives had no record of).

    The in-process scan and each shard of a cluster scan (:mod:`govlens.probes.distributed`) run this loop.
    """
    instances: list[Probe] = [cls() for cls in classes]
    fetcher, visit_fetcher = fetchers
    async with fetcher as fetcher:
        if visit_fetcher is not None:
            await visit_fetcher.start()
        ctx = ProbeContext(settings=settings, fetcher=fetcher, link_checker=LinkChecker(fetcher, settings),
                           check_date=reference_date(settings), sandbox_state=sandbox_state,
                           visit_fetcher=visit_fetcher)
        for probe in instances:
            await probe.setup(ctx)
        try:
            queue = iter(todo)

            async def worker() -> None:
                for platform in queue:
                    observations, failed = await _probe_site(platform, instances)
                    await emit(platform, observations, failed)

            workers = max(1, settings.getint("CONCURRENCY_SITES"))
            await asyncio.gather(*(worker() for _ in range(min(workers, max(1, len(todo))))))
        finally:
            for probe in instances:
                await probe.teardown()
            if visit_fetcher is not None:
                await visit_fetcher.close()
        requests = fetcher.requests + (visit_fetcher.requests if visit_fetcher is not None else 0)
        return requests, getattr(fetcher, "missing", 0)


def request_counts(fetcher: Any, visit_fetcher: ThreadedFetcher | None) -> tuple[dict[str, int], int]:
    """Requests by purpose and connections opened, over the scan's fetcher and the visits' own (in-process scans;
    a cluster scan leaves them empty)."""
    counts = dict(getattr(fetcher, "by_purpose", {}))
    connections = getattr(fetcher, "connections", 0)
    if visit_fetcher is not None:
        for name, n in visit_fetcher.inner.by_purpose.items():
            counts[name] = counts.get(name, 0) + n
        connections += visit_fetcher.inner.connections
    return dict(sorted(counts.items(), key=lambda kv: -kv[1])), connections


def _archivable(classes: Sequence[type[Probe]], sources: Sources) -> tuple[list[type[Probe]], dict[str, str]]:
    """The probes a scan runs, and (from a WARC) those it leaves out with why: an archive holds no DNS or TLS."""
    if sources.index is None:
        return list(classes), {}
    from govlens.probes.warc.replay import UNARCHIVABLE_PROBES
    return ([c for c in classes if c.name not in UNARCHIVABLE_PROBES],
            {c.name: UNARCHIVABLE_PROBES[c.name] for c in classes if c.name in UNARCHIVABLE_PROBES})


def _begin(store: CampaignStore, platforms: list[Platform], names: list[str], resume: bool,
           on_site: Callable[[Platform, str | None], None] | None, skipped_probes: dict[str, str],
           sources: Sources) -> tuple[Any, list[Platform], ScanSummary]:
    """The scan's ledger entry (a new scan, or the killed one resumed), the platforms still to scan, and the
    summary so far (the committed platforms reported to ``on_site`` as done)."""
    ids = [p.id for p in platforms]
    run = ((ledger.resume_scan(store, names, ids, renamed=PROBE_ALIASES) if resume else None)
           or ledger.begin_scan(store, names, ids))
    todo = [p for p in platforms if p.id not in run.done]
    if on_site is not None:
        for p in platforms:
            if p.id in run.done:
                on_site(p, None)
    summary = ScanSummary(skipped=len(platforms) - len(todo), resumed=run.resumed, scan_id=run.scan_id,
                          skipped_probes=skipped_probes)
    if sources.index is not None:
        summary.source = "warc"
        summary.warc_problems = [{"key": e.key, **e.params()} for e in sources.index.problems[:MAX_WARC_PROBLEMS]]
    return run, todo, summary


def _homepage_visit(observations: list[Observation]) -> str:
    """The visit status of the platform's homepage, "" when it has none (an account, a hotline)."""
    return next((o.status for o in observations if o.kind == "page" and o.data.get("role") == "home"), "")


def _home_status(observations: list[Observation]) -> str:
    for o in observations:
        if o.kind == "page" and o.data.get("role") == "home":
            return o.status
    return observations[0].status if observations else "skipped"


async def _probe_site(platform: Platform, probes: Sequence[Probe]) -> tuple[list[Observation], int]:
    """All probes on one platform; an exception becomes an observation, never a crash."""
    out: list[Observation] = []
    failed = 0
    for probe in probes:
        try:
            if not probe.prepare(platform):
                continue
            with purpose(probe.name):            # the requests a probe does not name otherwise count as its own
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


class _Writer:
    """Commits finished sites (observations + ledger row) in the order they finish, off the event loop."""

    def __init__(self, store: CampaignStore, run: ledger.ScanRun) -> None:
        self.store = store
        self.run_ = run
        self.queue: asyncio.Queue[tuple[str, str, list[dict[str, Any]]] | None] = asyncio.Queue(QUEUE_SITES)
        self.rows = 0

    async def put(self, platform_id: str, observations: list[Observation]) -> None:
        await self.queue.put((platform_id, _home_status(observations), [o.as_row() for o in observations]))

    async def close(self) -> None:
        await self.queue.put(None)

    async def run(self) -> None:
        closing = False
        while not closing:
            item = await self.queue.get()
            if item is None:
                break
            batch = [item]
            rows = len(item[2])
            deadline = time.monotonic() + GROUP_COMMIT
            while len(batch) < BATCH_SITES and rows < BATCH_ROWS:
                try:
                    nxt = await asyncio.wait_for(self.queue.get(), max(0.0, deadline - time.monotonic()))
                except asyncio.TimeoutError:
                    break
                if nxt is None:
                    closing = True
                    break
                batch.append(nxt)
                rows += len(nxt[2])
            # DuckDB: one writer, off the event loop; a batch is one transaction
            self.rows += await asyncio.to_thread(ledger.commit_sites, self.store, self.run_, batch)


def run_scan(platforms: Iterable[Platform], store: CampaignStore, settings: Settings | Mapping[str, Any] | None,
             *, sandbox_state: dict[str, Any] | None = None, probes: Sequence[str] | None = None,
             progress: Callable[[int, int], None] | None = None, resume: bool = False,
             warc: Sequence[str | Path] | None = None, capture: str | Path | None = None,
             spool: str | Path | None = None,
             on_site: Callable[[Platform, str | None], None] | None = None) -> ScanSummary:
    """Synchronous :func:`scan` for the CLI and scripts."""
    return asyncio.run(scan(platforms, store, settings, sandbox_state=sandbox_state, probes=probes,
                            progress=progress, resume=resume, warc=warc, capture=capture, spool=spool,
                            on_site=on_site))
