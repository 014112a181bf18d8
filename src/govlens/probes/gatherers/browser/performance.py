"""Performance as Lighthouse measures it: TTFB, FCP, LCP, CLS, total blocking time, weight, requests.

The page's own timeline does the measuring (Navigation Timing, Paint Timing, the
``largest-contentful-paint``, ``layout-shift`` and ``longtask`` entries) through observers
installed before any page script runs; bytes and requests come from the DevTools protocol's
network events (``encodedDataLength`` is what went over the wire, as Lighthouse counts it).
Written here rather than taken from Lighthouse because Lighthouse is a Node program that runs
one page in about 13 s; these few timeline reads cost milliseconds inside a render we do
anyway. ``benchmarks/lighthouse_compare.py`` checks the figures against Lighthouse 12.2.3.

Definitions (as Lighthouse's): CLS is the largest session window of layout shifts without
recent input (gaps < 1 s, window < 5 s); TBT sums, over long tasks ending after FCP, the
time beyond 50 ms (our window ends when measuring starts, Lighthouse's at TTI). No network or
CPU throttling is applied: this is the page as a desktop on a fast line sees it.
"""
from __future__ import annotations

import asyncio
from typing import Any

INIT_SCRIPT = """(() => {
  if (window.__govlens) return;
  const g = window.__govlens = {cls: 0, shifts: 0, lcp: null, lcpSize: 0, lcpTag: null, longtasks: [], last: 0};
  let cur = 0, first = 0, last = 0;
  const watch = (type, fn) => { try { new PerformanceObserver(l => l.getEntries().forEach(fn)).observe({type, buffered: true}); } catch (e) {} };
  watch('layout-shift', e => {
    if (e.hadRecentInput) return;
    if (cur && e.startTime - last < 1000 && e.startTime - first < 5000) cur += e.value;
    else { cur = e.value; first = e.startTime; }
    last = e.startTime; g.shifts += 1; if (cur > g.cls) g.cls = cur; g.last = Math.max(g.last, e.startTime);
  });
  watch('largest-contentful-paint', e => { g.lcp = e.startTime; g.lcpSize = e.size; g.lcpTag = e.element ? e.element.tagName.toLowerCase() : null; });
  watch('longtask', e => { if (g.longtasks.length < 500) g.longtasks.push([e.startTime, e.duration]);
                           g.last = Math.max(g.last, e.startTime + e.duration); });
})();"""

COLLECT = """() => {
  const g = window.__govlens || {cls: 0, shifts: 0, lcp: null, longtasks: []};
  const nav = performance.getEntriesByType('navigation')[0];
  const fcpEntry = performance.getEntriesByName('first-contentful-paint')[0];
  const fcp = fcpEntry ? fcpEntry.startTime : null;
  let tbt = 0;
  for (const [start, duration] of g.longtasks) {
    const end = start + duration;
    if (fcp !== null && end <= fcp) continue;
    const from = fcp !== null ? Math.max(start, fcp) : start;
    tbt += Math.max(0, end - from - 50);
  }
  const r = v => (v === null || v === undefined || !isFinite(v)) ? null : Math.round(v * 10) / 10;
  return {
    ttfb_ms: nav ? r(nav.responseStart) : null,
    fcp_ms: r(fcp), lcp_ms: r(g.lcp), lcp_element: g.lcpTag || null,
    cls: Math.round(g.cls * 10000) / 10000, layout_shifts: g.shifts,
    tbt_ms: r(tbt), long_tasks: g.longtasks.length,
    dom_content_loaded_ms: nav ? r(nav.domContentLoadedEventEnd) : null,
    load_ms: nav ? r(nav.loadEventEnd) : null,
  };
}"""


#: Quiet time (no layout shift, no long task) that ends the wait after "load".
QUIET_MS = 600
IDLE = "() => performance.now() - ((window.__govlens && window.__govlens.last) || 0)"
FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))"


async def settle(page: Any, minimum_ms: int, maximum_ms: int) -> float:
    """Wait ``minimum_ms`` after load, then until the page has been quiet for :data:`QUIET_MS` (long tasks
    and layout shifts end the quiet; a busy main thread delays the check itself), at most ``maximum_ms``.
    Returns the ms waited."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    await page.wait_for_timeout(minimum_ms)
    while True:
        await page.evaluate(FRAMES)                  # pending layout shifts are reported with the next frames
        idle = float(await page.evaluate(IDLE))
        waited = (loop.time() - start) * 1000
        if idle >= QUIET_MS or waited >= maximum_ms:
            return waited
        await page.wait_for_timeout(min(QUIET_MS - idle + 20, maximum_ms - waited))


class NetworkMeter:
    """Requests and bytes of one page, from DevTools network events (attach before navigating)."""

    def __init__(self) -> None:
        self.requests = 0
        self.failed = 0
        self.bytes = 0
        self.by_type: dict[str, int] = {}
        self._types: dict[str, str] = {}

    async def attach(self, context: Any, page: Any) -> None:
        cdp = await context.new_cdp_session(page)
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.loadingFailed", self._failed)
        await cdp.send("Network.enable")

    def _sent(self, ev: dict[str, Any]) -> None:
        if ev.get("redirectResponse"):
            return                       # the same request, one more hop
        self.requests += 1
        self._types[ev.get("requestId", "")] = str(ev.get("type") or "Other").lower()

    def _finished(self, ev: dict[str, Any]) -> None:
        n = int(ev.get("encodedDataLength") or 0)
        self.bytes += n
        kind = self._types.get(ev.get("requestId", ""), "other")
        self.by_type[kind] = self.by_type.get(kind, 0) + n

    def _failed(self, ev: dict[str, Any]) -> None:
        self.failed += 1

    def payload(self) -> dict[str, Any]:
        return {"requests": self.requests, "failed_requests": self.failed, "transfer_bytes": self.bytes,
                "bytes_by_type": dict(sorted(self.by_type.items()))}


async def collect(page: Any) -> dict[str, Any]:
    """The timeline figures of a loaded page (see the module docstring)."""
    return await page.evaluate(COLLECT)
