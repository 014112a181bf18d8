"""Browser probe throughput: sites (and renders) per minute on this machine, with peak memory.

    python benchmarks/browser_probe.py [--sites 40] [--pages 2 4]

Serves a sandbox web from its own process, picks ``--sites`` homepages (every browser-visible
defect kind among them), and renders them twice for each ``--pages`` value:

- **baseline**: bare Playwright on the same Debian chromium, same flags, same concurrency —
  a desktop ``goto`` to ``load`` and a screenshot, then the same on a phone viewport;
- **govlens**: the browser probe through the real scan runner into a DuckDB store (desktop and
  phone renders, settle time, performance, colour, layout, axe-core, thumbnails).

It prints sites per minute, renders per minute and the peak memory (PSS) of the whole
process tree (Playwright's driver and Chromium; above the idle interpreter and sandbox server),
sampled every 0.2 s from /proc, and the
govlens figures as ratios to the baseline measured in the same run (the machines are noisy).
"""
from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _browser_sample import pick, serve  # noqa: E402

from govlens.probes.gatherers.browser.pool import BASE_FLAGS, sandbox_flags  # noqa: E402
from govlens.probes.gatherers.browser.renders import DESKTOP, PHONE  # noqa: E402
from govlens.probes.gatherers.http_site import homepage_url  # noqa: E402
from govlens.probes.scan import run_scan  # noqa: E402
from govlens.store import CampaignStore  # noqa: E402


def _pss(pid: int) -> int:
    """Proportional set size of one process: shared pages split between their users (Chromium's many
    processes share most of theirs, so plain RSS would count them several times)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _tree_rss(root: int) -> int:
    """Memory (PSS) of ``root`` and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
            ppid = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += _pss(pid)
        stack.extend(children.get(pid, []))
    return total


class PeakMemory:
    """Samples the process tree's RSS in a thread while the block runs; ``idle`` is the tree before it."""

    def __enter__(self) -> "PeakMemory":
        self.idle = _tree_rss(os.getpid())            # this interpreter and the sandbox server
        self.peak, self._stop = 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _tree_rss(os.getpid()))
            self._stop.wait(0.2)

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def rendering(self) -> int:
        """Peak bytes above the idle tree: what rendering costs (browser, driver, buffers)."""
        return max(0, self.peak - self.idle)


async def baseline(urls: list[str], state: dict, pages: int) -> int:
    from playwright.async_api import async_playwright

    done = 0
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                           args=list(BASE_FLAGS) + sandbox_flags(state))
        sem = asyncio.Semaphore(pages)

        async def one(url: str) -> None:
            nonlocal done
            async with sem:
                for dev in (DESKTOP, PHONE):
                    ctx = await browser.new_context(viewport={"width": dev.width, "height": dev.height},
                                                    is_mobile=dev.mobile, has_touch=dev.mobile,
                                                    user_agent=dev.user_agent)
                    page = await ctx.new_page()
                    resp = await page.goto(url, wait_until="load")
                    await page.screenshot(type="png")
                    done += bool(resp and resp.ok)
                    await ctx.close()

        await asyncio.gather(*(one(u) for u in urls))
        await browser.close()
    return done


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sites", type=int, default=40, help="homepages to render (default 40)")
    ap.add_argument("--pages", type=int, nargs="+", default=[2, 4], help="BROWSER_PAGES values to measure")
    args = ap.parse_args()
    per_kind = max(1, args.sites // 12)
    platforms, sample, _ = pick(600, per_kind, args.sites)
    sample = sample[:args.sites]
    urls = [homepage_url(p) for p in sample]
    print(f"{len(sample)} homepages of a {len(platforms)}-site sandbox web; {os.cpu_count()} cores")
    with serve(platforms) as state:
        rows = []
        for pages in args.pages:
            with PeakMemory() as mem_b:
                t0 = time.perf_counter()
                ok = asyncio.run(baseline(urls, state, pages))
                base_s = time.perf_counter() - t0
            with tempfile.TemporaryDirectory() as tmp, PeakMemory() as mem_g:
                store = CampaignStore(Path(tmp) / "bench.duckdb")
                store.write_platforms(sample)
                t0 = time.perf_counter()
                summary = run_scan(sample, store, {"CONCURRENCY_SITES": pages, "BROWSER_PAGES": pages},
                                   sandbox_state=state, probes=("browser",))
                gov_s = time.perf_counter() - t0
                rendered = store.con.execute("SELECT count(*) FROM observations WHERE kind = 'render' "
                                             "AND status = 'completed'").fetchone()[0]
                store.close()
            rows.append((pages, len(sample), ok, base_s, mem_b.rendering, summary.sites, rendered, gov_s,
                         mem_g.rendering))
    print(f"\n{'pages':>5} {'tool':<9} {'renders':>7} {'seconds':>8} {'sites/min':>9} {'renders/min':>11} "
          f"{'peak MB':>8} {'time ×':>7}")
    for pages, n, ok, bs, bm, sites, rendered, gs, gm in rows:
        print(f"{pages:>5} {'baseline':<9} {ok:>7} {bs:>8.1f} {n / bs * 60:>9.1f} {ok / bs * 60:>11.1f} "
              f"{bm / 2**20:>8.0f} {1.0:>7.2f}")
        print(f"{pages:>5} {'govlens':<9} {rendered:>7} {gs:>8.1f} {sites / gs * 60:>9.1f} {rendered / gs * 60:>11.1f} "
              f"{gm / 2**20:>8.0f} {gs / bs:>7.2f}")
    print("\nbaseline = bare Playwright goto(load) + screenshot on both devices; time × = govlens time / baseline time;"
          "\npeak MB = peak memory (PSS) of the process tree above its idle level (sandbox server excluded)")


if __name__ == "__main__":
    main()
