"""The availability monitor: spaced homepage visits over a window, as the 2015 census monitors.

The census rule: watch a site for one week with more than 20 spaced visits a day; a visit
fails when the page does not open within 15 s; failures reaching 5 % of the visits are the
"site unreachable" veto. A scan's few visits cannot judge that, so ``govlens monitor`` runs
its own schedule:

- **window**: ``MONITOR_DURATION`` seconds (census: 604,800 = one week), ``MONITOR_VISITS``
  visits per site (census: > 140), so one visit every ``duration / visits`` seconds. Each
  site's visits are offset by a phase drawn from its id, which spreads the load evenly.
- **a visit** is a small GET of the homepage (:func:`govlens.probes.net.visit.peek`: the status
  and the first ``MONITOR_READ_BYTES`` of the page, no extraction; HEAD cannot tell whether the
  page opens) with ``MONITOR_TIMEOUT`` (census: 15 s); anything but a completed answer
  (timeout, refused, 5xx …) is a failure, stored with its status.
- **keeping time**: the due visits are popped from a heap (one entry per site: its next visit)
  and handed to ``MONITOR_CONCURRENCY`` workers through a queue; the loop that pops never waits
  for a worker, so a slow or hanging site delays no other visit. A visit *starts* when a worker
  takes it; one started more than a second after its schedule is late. The summary gives the
  share on time (``on_time_share``); ``benchmarks/monitor_schedule.py`` measures it at the
  census's rate for 100,000 sites.
- **the ledger** is the ``monitor_visits`` table, keyed by (platform, visit number): each
  visit is written once it ends (``INSERT OR IGNORE``), in batches, each batch one
  transaction. The window (start, duration, visits, platforms) is in ``meta``.
- **resuming** (``--resume``) continues the same window: the visits already in the ledger
  are not made again, the ones whose time has come while the monitor was down are made at
  once (their lateness is kept: ``scheduled_at`` and ``visited_at``), the rest on schedule.
  A visit in flight when the monitor dies was never written, so it is made again: no
  visit is lost and none is counted twice.
- **the result** for the indicators: one ``monitor`` observation per site (visits, failures,
  ratio, the failed visits' times and statuses), rewritten after every run.

Why by hand: the schedule and the ledger are the census's rule; visits use the campaign's
fetcher (bounds, sandbox resolution, blocked targets) like every other request.
"""
from __future__ import annotations

import asyncio
import hashlib
import heapq
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Any

import pandas as pd

from govlens import messages
from govlens.contract.observation import COMPLETED, Observation
from govlens.errors import ConfigError
from govlens.probes.net.fetch import Fetcher
from govlens.probes.net.visit import peek
from govlens.probes.gatherers.http_site import homepage_url
from govlens.registry.model import Platform
from govlens.settings import Settings
from govlens.store.campaign_store import CampaignStore
from govlens.store.queries import add_visits, done_visits, visit_summaries

NAME = "monitor"
LEDGER_COLUMNS = ("platform_id", "seq", "scheduled_at", "visited_at", "status", "http_status", "elapsed_ms", "error")
FLUSH_SECONDS = 1.0
READY_PER_WORKER = 4           # due visits queued per worker before the scheduler waits for one
MAX_FAILED_LISTED = 30
MONITORED_KINDS = frozenset({"website", "column", "foreign_site", "cn_domain", "mobile_portal", ""})


@dataclass
class MonitorSummary:
    sites: int = 0
    planned: int = 0
    done_before: int = 0
    visits: int = 0
    failures: int = 0
    on_time: int = 0          # visits of this run started within a second of their schedule
    elapsed: float = 0.0
    resumed: bool = False

    @property
    def late(self) -> int:
        return self.visits - self.on_time

    @property
    def on_time_share(self) -> float | None:
        """The share of this run's visits that started within a second of schedule (None: no visit)."""
        return self.on_time / self.visits if self.visits else None

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "late": self.late, "on_time_share": self.on_time_share}


def monitored(platforms: Sequence[Platform]) -> list[Platform]:
    """The platforms a window visits: those with a web homepage (not the accounts or hotlines)."""
    return [p for p in platforms if p.kind in MONITORED_KINDS and homepage_url(p).startswith(("http://", "https://"))]


def phase(platform_id: str) -> float:
    """A site's offset within one visit interval, in [0, 1), from its id (stable across runs)."""
    return int(hashlib.sha256(platform_id.encode("utf-8")).hexdigest()[:8], 16) / 2 ** 32


def _next_seq(seq: int, done: int, visits: int) -> int | None:
    """The first visit number from ``seq`` not yet made (``done``: a bit per visit made), or None."""
    while seq < visits and done >> seq & 1:
        seq += 1
    return seq if seq < visits else None


def _epoch_to_utc(t: float) -> datetime:
    return datetime.fromtimestamp(t, tz=timezone.utc).replace(tzinfo=None)


class Monitor:
    """One monitor window over ``platforms``, recorded in ``store``."""

    def __init__(self, platforms: Sequence[Platform], store: CampaignStore, settings: Settings,
                 sandbox_state: dict[str, Any] | None = None) -> None:
        self.platforms = monitored(platforms)
        self.store = store
        self.settings = settings
        self.sandbox_state = sandbox_state
        self.duration = settings.getfloat("MONITOR_DURATION")
        self.visits = max(1, settings.getint("MONITOR_VISITS"))
        self.timeout = settings.getfloat("MONITOR_TIMEOUT")
        self.concurrency = max(1, settings.getint("MONITOR_CONCURRENCY"))
        self.read_bytes = max(1, settings.getint("MONITOR_READ_BYTES"))
        if self.duration <= 0:
            raise ConfigError(messages.t("probe_errors.positive"), field="MONITOR_DURATION")
        self.rows: list[dict[str, Any]] = []
        self.lock = asyncio.Lock()

    # ------------------------------------------------------------ the window
    def open_window(self, resume: bool, restart: bool = False) -> tuple[dict[str, Any], dict[str, int]]:
        """The window to keep, and the visits already made per site (bit ``seq`` of an int: a national
        window's 14.7 million visits cost one small int per site, not a tuple per visit)."""
        window = None if restart else self.store.get_meta("monitor_window")
        if resume:
            if not window:
                raise ConfigError(messages.t("probe_errors.no_window"), field="--resume")
            self.duration, self.visits = float(window["duration"]), int(window["visits"])
            done = {pid: sum(1 << int(s) for s in seqs) for pid, seqs in done_visits(self.store)}
            return window, done
        if window and not window.get("finished"):
            raise ConfigError(messages.t("probe_errors.unfinished_window"), field="monitor")
        window = {"start": time.time(), "duration": self.duration, "visits": self.visits,
                  "timeout": self.timeout, "platforms": len(self.platforms), "finished": False}
        self.store.delete("monitor_visits")
        self.store.set_meta("monitor_window", window)
        return window, {}

    # ------------------------------------------------------------ running
    async def run(self, resume: bool = False, restart: bool = False,
                  progress: Callable[[int, int], None] | None = None,
                  on_open: Callable[[dict[str, Any], int], None] | None = None,
                  stop_after: float | None = None) -> MonitorSummary:
        """Keep the window; ``stop_after`` seconds of it only (a slice, left unfinished for ``--resume``)."""
        t0 = time.perf_counter()
        window, done = self.open_window(resume, restart)
        if on_open is not None:
            on_open(window, sum(v.bit_count() for v in done.values()))
        visits = int(window["visits"])
        start, interval = float(window["start"]), float(window["duration"]) / visits
        until = start + stop_after if stop_after is not None else None
        summary = MonitorSummary(sites=len(self.platforms), planned=len(self.platforms) * visits,
                                 done_before=sum(v.bit_count() for v in done.values()), resumed=resume)
        heap = [(start + (seq + phase(p.id)) * interval, p.id, seq) for p in self.platforms
                if (seq := _next_seq(0, done.get(p.id, 0), visits)) is not None]
        heapq.heapify(heap)
        by_id = {p.id: p for p in self.platforms}
        ready: asyncio.Queue[tuple[float, str, int] | None] = asyncio.Queue(READY_PER_WORKER * self.concurrency)
        fetch_settings = self.settings.copy()
        fetch_settings.set("HTTP_TIMEOUT", self.timeout, "cmdline")
        stop = asyncio.Event()
        flusher = asyncio.create_task(self._flush_every(FLUSH_SECONDS, stop, summary, progress))
        try:
            async with Fetcher(fetch_settings, sandbox_state=self.sandbox_state) as fetcher:
                workers = [asyncio.create_task(self._worker(fetcher, by_id, ready, summary))
                           for _ in range(self.concurrency)]
                try:
                    await self._schedule(heap, ready, done, visits, start, interval, until, flusher)
                    for _ in workers:
                        await ready.put(None)
                    await asyncio.gather(*workers)
                finally:
                    for w in workers:
                        w.cancel()
        finally:
            stop.set()
            await flusher                         # its last flush writes what is left; its errors surface here
        summary.elapsed = round(time.perf_counter() - t0, 3)
        if until is not None and heap:
            return summary                        # a slice: the window goes on with --resume
        window["finished"] = True
        self.store.set_meta("monitor_window", window)
        self.write_observations(window)
        if progress is not None:
            progress(summary.planned, summary.planned)
        return summary

    async def _schedule(self, heap: list[tuple[float, str, int]], ready: asyncio.Queue[Any],
                        done: dict[str, int], visits: int, start: float, interval: float,
                        until: float | None, flusher: asyncio.Task[None]) -> None:
        """Hand each visit to the workers when it is due. The loop waits for no worker while one is free, so a
        slow visit delays no other; when all are busy it waits for room in a short queue (memory stays one heap
        entry per site, even when a resumed window makes a day of overdue visits at once)."""
        while heap:
            if until is not None and heap[0][0] >= until:
                return
            wait = heap[0][0] - time.time()
            if wait > 0:
                await asyncio.sleep(wait)
            if flusher.done():
                return                            # the ledger cannot be written: stop, and say why below
            now = time.time()
            while heap and heap[0][0] <= now:
                due, pid, seq = heap[0]
                if until is not None and due >= until:
                    return
                await ready.put((due, pid, seq))           # suspends only when the queue is full
                nxt = _next_seq(seq + 1, done.get(pid, 0), visits)
                if nxt is None:
                    heapq.heappop(heap)
                else:
                    heapq.heapreplace(heap, (start + (nxt + phase(pid)) * interval, pid, nxt))

    async def _worker(self, fetcher: Fetcher, by_id: dict[str, Platform], ready: asyncio.Queue[Any],
                      summary: MonitorSummary) -> None:
        """One of ``MONITOR_CONCURRENCY``: visit what is due, in order, until told to stop (None)."""
        while (item := await ready.get()) is not None:
            due, pid, seq = item
            await self._visit(fetcher, by_id[pid], seq, due, summary)

    async def _visit(self, fetcher: Fetcher, platform: Platform, seq: int, due: float,
                     summary: MonitorSummary) -> None:
        started = time.time()
        r = await peek(fetcher, homepage_url(platform), self.read_bytes, self.timeout)
        summary.visits += 1
        summary.failures += r.status != COMPLETED
        summary.on_time += started - due <= 1.0
        self.rows.append({"platform_id": platform.id, "seq": seq, "scheduled_at": _epoch_to_utc(due),
                          "visited_at": _epoch_to_utc(started), "status": r.status,
                          "http_status": r.http_status, "elapsed_ms": r.elapsed_ms,
                          "error": (r.error or "")[:300] or None})

    async def _flush_every(self, seconds: float, stop: asyncio.Event, summary: MonitorSummary,
                           progress: Callable[[int, int], None] | None) -> None:
        """The ledger's only writer while visits run: every ``seconds``, and once more when stopped; it
        reports progress too (once a flush, not once a visit: the visits' loop stays free)."""
        while not stop.is_set():
            try:
                await asyncio.wait_for(stop.wait(), seconds)
            except asyncio.TimeoutError:
                pass
            await self._flush()
            if progress is not None:
                progress(summary.done_before + summary.visits, summary.planned)
        await self._flush()       # rows that arrived while the previous flush was writing

    async def _flush(self) -> None:
        async with self.lock:
            rows, self.rows = self.rows, []
            if rows:
                await asyncio.to_thread(self._write, rows)

    def _write(self, rows: list[dict[str, Any]]) -> None:
        """One transaction per batch; a visit already in the ledger is ignored, never doubled."""
        add_visits(self.store, pd.DataFrame(rows, columns=LEDGER_COLUMNS))

    # ------------------------------------------------------------ the result
    def write_observations(self, window: dict[str, Any]) -> int:
        """One ``monitor`` observation per site from the ledger (replacing earlier ones)."""
        rows = visit_summaries(self.store)
        start = _epoch_to_utc(float(window["start"]))
        out = []
        by_id = {p.id: p for p in self.platforms}
        for pid, n, failed, failures, median_ms, late in rows:
            if pid not in by_id:
                continue
            listed = [{"at": f["t"].isoformat(timespec="seconds"), "status": f["status"], "http_status": f["http"]}
                      for f in (failures or [])[:MAX_FAILED_LISTED]]
            out.append(Observation(
                platform_id=pid, probe=NAME, kind="monitor", url=homepage_url(by_id[pid]), status=COMPLETED,
                elapsed_ms=median_ms, data={
                    "window_start": start.isoformat(timespec="seconds"), "duration_s": window["duration"],
                    "planned": int(window["visits"]), "visits": int(n), "failures": int(failed),
                    "failure_ratio": round(failed / n, 4) if n else None, "late_visits": int(late),
                    "timeout_s": window.get("timeout"), "failed": listed}).as_row())
        self.store.replace("observations", out, probe=NAME)
        return len(out)


def run_monitor(platforms: Sequence[Platform], store: CampaignStore, settings: Settings, *,
                sandbox_state: dict[str, Any] | None = None, resume: bool = False, restart: bool = False,
                progress: Callable[[int, int], None] | None = None,
                on_open: Callable[[dict[str, Any], int], None] | None = None) -> MonitorSummary:
    """Synchronous entry point for the CLI and the runner; ``on_open(window, visits already done)``."""
    monitor = Monitor(platforms, store, settings, sandbox_state)
    return asyncio.run(monitor.run(resume=resume, restart=restart, progress=progress, on_open=on_open))
