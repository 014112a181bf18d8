"""Shared by the browser benchmarks: a sandbox web served from its own process and a sample of its sites.

The sample covers every browser-visible defect kind (``per_kind`` sites each) and healthy sites,
skipping sites that are down, so both tools always have a page to render.
"""
from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from govlens.contract import defects as D
from govlens.pipeline.demo import DEMO_CHECK_DATE
from govlens.registry.model import Platform
from govlens.registry.write import write_registry_csv
from govlens.sandbox.platforms import generate_platforms
from govlens.sandbox.process import sandbox_process
from govlens.sandbox.web import build_sandbox

SEED = 2013


def pick(n_sites: int, per_kind: int, healthy: int, seed: int = SEED) -> tuple[list[Platform], list[Platform], dict]:
    """(all platforms of the web, the sample, platform id → browser kinds injected)."""
    platforms = generate_platforms([], n_sites, seed)
    web = build_sandbox(platforms, seed, DEMO_CHECK_DATE)
    kinds = {s.platform.id: {d["kind"] for d in s.defects()} for s in web.sites}
    chosen: dict[str, Platform] = {}
    counts = {k: 0 for k in D.BROWSER_KINDS}
    calm = 0
    for s in web.sites:
        ks = kinds[s.platform.id]
        if D.SITE_DOWN in ks or D.INTERMITTENT_OUTAGE in ks:
            continue
        browser = ks & set(D.BROWSER_KINDS)
        if any(counts[k] < per_kind for k in browser):
            chosen[s.platform.id] = s.platform
            for k in browser:
                counts[k] += 1
        elif not browser and calm < healthy:
            chosen[s.platform.id] = s.platform
            calm += 1
    sample = [p for p in platforms if p.id in chosen]
    return platforms, sample, {pid: sorted(kinds[pid] & set(D.BROWSER_KINDS)) for pid in chosen}


@contextmanager
def serve(platforms: list[Platform], seed: int = SEED) -> Iterator[dict]:
    """The sandbox web of ``platforms`` in its own process; yields its state (ports, CA, hosts)."""
    with tempfile.TemporaryDirectory(prefix="govlens-bench-") as tmp:
        registry = Path(tmp) / "registry.csv"
        write_registry_csv(platforms, registry)
        with sandbox_process(registry, sites=len(platforms), seed=seed, as_of=DEMO_CHECK_DATE,
                             state_dir=Path(tmp) / "sandbox") as state:
            yield state
