"""The availability monitor: spaced homepage visits over a window, as the 2015 census monitors.

The census rule: watch a site for one week with more than 20 spaced visits a day; a visit
fails when the page does not open within 15 s; failures reaching 5 % of the visits are the
"site unreachable" veto. A scan's few visits cannot judge that, so ``govlens monitor`` runs
its own schedule:

- **window**: ``MONITOR_DURATION`` seconds (census: 604,800 = one week), ``MONITOR_VISITS``
  visits per site (census: > 140), so one visit every ``duration / visits`` seconds. Each
  site's visits are offset by a phase drawn from its id, which spreads the load evenly.
- **a visit** is one GET of the homepage with ``MONITOR_TIMEOUT`` (census: 15 s); anything
  but a completed answer (timeout, refused, 5xx …) is a failure, stored with its status.
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
from govlens.probes.gatherers.http_site import homepage_url
from govlens.registry.model import Platform
from govlens.settings import Settings
from govlens.store.campaign_store import CampaignStore
from govlens.store.queries import add_visits, visit_summaries

NAME = "monitor"
LEDGER_COLUMNS = ("platform_id", "seq", "scheduled_at", "visited_at", "status", "http_status", "elapsed_ms", "error")
FLUSH_SECONDS = 1.0
FLUSH_ROWS = 2000
MAX_FAILED_LISTED = 30


@dataclass
class MonitorSummary:
    sites: int = 0
    planned: int = 0
    done_before: int = 0
    visits: int = 0
    failures: int = 0
    late: int = 0
    elapsed: float = 0.0
    resumed: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def phase(platform_id: str) -> float:
    """A site's offset within one visit interval, in [0, 1), from its id (stable across runs)."""
    return int(hashlib.sha256(platform_id.encode("utf-8")).hexdigest()[:8], 16) / 2 ** 32


def _epoch_to_utc(t: float) -> datetime:
    return datetime.fromtimestamp(t, tz=timezone.utc).replace(tzinfo=None)


class Monitor:
    """One monitor window over ``platforms``, recorded in ``store``."""

    def __init__(self, platforms: Sequence[Platform], store: CampaignStore, settings: Settings,
                 sandbox_state: dict[str, Any] | None = None) -> None:
        self.platforms = [p for p in platforms if homepage_url(p).startswith(("http://", "https://"))
                          and p.kind in ("website", "column", "foreign_site", "cn_domain", "mobile_portal", "")]
        self.store = store
        self.settings = settings
        self.sandbox_state = sandbox_state
        self.duration = settings.getfloat("MONITOR_DURATION")
        self.visits = max(1, settings.getint("MONITOR_VISITS"))
        self.timeout = settings.getfloat("MONITOR_TIMEOUT")
        self.concurrency = max(1, settings.getint("MONITOR_CONCURRENCY"))
        if self.duration <= 0:
            raise ConfigError(messages.t("probe_errors.positive"), field="MONITOR_DURATION")
        self.rows: list[dict[str, Any]] = []
        self.lock = asyncio.Lock()

    # ------------------------------------------------------------ the window
    def open_window(self, resume: bool, restart: bool = False) -> tuple[dict[str, Any], set[tuple[str, int]]]:
        window = None if restart else self.store.get_meta("monitor_window")
        if resume:
            if not window:
                raise ConfigError(messages.t("probe_errors.no_window"), field="--resume")
            self.duration, self.visits = float(window["duration"]), int(window["visits"])
            visits = self.store.select("monitor_visits", "platform_id", "seq")
            done = {(p, int(s)) for p, s in visits.itertuples(index=False, name=None)}
            return window, done
        if window and not window.get("finished"):
            raise ConfigError(messages.t("probe_errors.unfinished_window"), field="monitor")
        window = {"start": time.time(), "duration": self.duration, "visits": self.visits,
                  "timeout": self.timeout, "platforms": len(self.platforms), "finished": False}
        self.store.delete("monitor_visits")
        self.store.set_meta("monitor_window", window)
        return window, set()

    # ------------------------------------------------------------ running
    async def run(self, resume: bool = False, restart: bool = False,
                  progress: Callable[[int, int], None] | None = None,
                  on_open: Callable[[dict[str, Any], int], None] | None = None) -> MonitorSummary:
        t0 = time.perf_counter()
        window, done = self.open_window(resume, restart)
        if on_open is not None:
            on_open(window, len(done))
        start, interval = float(window["start"]), float(window["duration"]) / int(window["visits"])
        summary = MonitorSummary(sites=len(self.platforms), planned=len(self.platforms) * int(window["visits"]),
                                 done_before=len(done), resumed=resume)
        heap: list[tuple[float, str, int]] = []
        by_id = {p.id: p for p in self.platforms}
        for p in self.platforms:
            seq = self._next_seq(p.id, 0, done, int(window["visits"]))
            if seq is not None:
                heap.append((start + (seq + phase(p.id)) * interval, p.id, seq))
        heapq.heapify(heap)
        gate = asyncio.Semaphore(self.concurrency)
        tasks: set[asyncio.Task[None]] = set()
        fetch_settings = self.settings.copy()
        fetch_settings.set("HTTP_TIMEOUT", self.timeout, "cmdline")
        stop = asyncio.Event()
        flusher = asyncio.create_task(self._flush_every(FLUSH_SECONDS, stop))
        try:
            async with Fetcher(fetch_settings, sandbox_state=self.sandbox_state) as fetcher:
                while heap:
                    due, pid, seq = heapq.heappop(heap)
                    wait = due - time.time()
                    if wait > 0:
                        await asyncio.sleep(wait)
                    if flusher.done():
                        break                     # the ledger cannot be written: stop, and say why below
                    await gate.acquire()
                    task = asyncio.create_task(self._visit(fetcher, by_id[pid], seq, due, summary, gate))
                    tasks.add(task)
                    task.add_done_callback(tasks.discard)
                    nxt = self._next_seq(pid, seq + 1, done, int(window["visits"]))
                    if nxt is not None:
                        heapq.heappush(heap, (start + (nxt + phase(pid)) * interval, pid, nxt))
                    if progress is not None:
                        progress(summary.done_before + summary.visits, summary.planned)
                if tasks:
                    await asyncio.gather(*tasks)
        finally:
            stop.set()
            await flusher                         # its last flush writes what is left; its errors surface here
        window["finished"] = True
        self.store.set_meta("monitor_window", window)
        self.write_observations(window)
        summary.elapsed = round(time.perf_counter() - t0, 3)
        if progress is not None:
            progress(summary.planned, summary.planned)
        return summary

    @staticmethod
    def _next_seq(pid: str, seq: int, done: set[tuple[str, int]], visits: int) -> int | None:
        while seq < visits and (pid, seq) in done:
            seq += 1
        return seq if seq < visits else None

    async def _visit(self, fetcher: Fetcher, platform: Platform, seq: int, due: float, summary: MonitorSummary,
                     gate: asyncio.Semaphore) -> None:
        try:
            started = time.time()
            r = await fetcher.fetch(homepage_url(platform))
            late = started - due > 1.0
            summary.visits += 1
            summary.failures += r.status != COMPLETED
            summary.late += late
            self.rows.append({"platform_id": platform.id, "seq": seq, "scheduled_at": _epoch_to_utc(due),
                              "visited_at": _epoch_to_utc(started), "status": r.status,
                              "http_status": r.http_status, "elapsed_ms": r.elapsed_ms,
                              "error": (r.error or "")[:300] or None})
        finally:
            gate.release()

    async def _flush_every(self, seconds: float, stop: asyncio.Event) -> None:
        """The ledger's only writer while visits run: every ``seconds``, and once more when stopped."""
        while not stop.is_set():
            try:
                await asyncio.wait_for(stop.wait(), seconds)
            except asyncio.TimeoutError:
                pass
            await self._flush()
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
