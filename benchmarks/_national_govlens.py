"""The national-scale benchmark's govlens contenders: the real scan, into a real campaign store.

- ``govlens-crawl``: "homepage + bounded crawl" — the ``http_site`` probe alone, with
  ``AVAILABILITY_VISITS = 1`` (one homepage visit, kept as the homepage) and ``LINKS_MAX_PER_SITE = 0``
  (no link checks): robots.txt, the sitemap, the http→https check, the homepage, the column pages
  and hubs, one article per column, every page through the page reader (extraction, dates, wording);
  everything else as the defaults say.
- ``govlens-cluster``: the same scan with ``CLUSTER_WORKERS = 2`` (``govlens scan --workers 2``: a Dask
  ``LocalCluster`` of 2 worker processes started for the scan, its start-up inside the measured window),
  when this govlens has the Dask executor (:func:`cluster_support` says why not otherwise).
- ``govlens-full``: the default scan as ``govlens scan`` runs it (every probe of ``PROBES_BASE``: three
  homepage visits, link checks, search, interaction, service guides, 404, page weight, TLS, DNS …;
  no browser, which is a pass of its own).
"""
from __future__ import annotations

import time
from pathlib import Path

CRAWL_PROBES = ["http_site"]
CRAWL_SETTINGS = {"AVAILABILITY_VISITS": 1, "LINKS_MAX_PER_SITE": 0}
CLUSTER_WORKERS = 2


def cluster_support() -> str:
    """"" when the scan can run on a LocalCluster (the ``CLUSTER_WORKERS`` setting), else why not (printed as is)."""
    from govlens.settings import default_settings
    if hasattr(default_settings, "CLUSTER_WORKERS"):
        return ""
    return "this govlens has no Dask executor yet (no CLUSTER_WORKERS setting)"


def run_govlens(mode: str, registry: str, state_file: str, work: Path) -> tuple[dict[str, int], float]:
    """Scan the sandbox web of ``registry`` in ``mode``; (sites, pages, requests), wall seconds of the scan."""
    from govlens.pipeline.demo import DEMO_CHECK_DATE
    from govlens.probes.net.fetch import load_sandbox_state
    from govlens.probes.scan import run_scan
    from govlens.registry import load_registry
    from govlens.settings import Settings
    from govlens.store import CampaignStore

    platforms = load_registry(registry).platforms
    crawl = mode != "govlens-full"
    cluster = {"CLUSTER_WORKERS": CLUSTER_WORKERS} if mode == "govlens-cluster" else {}
    settings = Settings({"CHECK_DATE": DEMO_CHECK_DATE.isoformat(), **(CRAWL_SETTINGS if crawl else {}), **cluster})
    store_path = work / f"{mode}.duckdb"
    store_path.unlink(missing_ok=True)
    with CampaignStore(store_path) as store:
        store.write_platforms(platforms)
        started = time.perf_counter()
        summary = run_scan(platforms, store, settings, sandbox_state=load_sandbox_state(state_file),
                           probes=CRAWL_PROBES if crawl else None)
        wall = time.perf_counter() - started
    return {"sites": summary.sites, "pages": summary.pages, "requests": summary.requests}, wall
