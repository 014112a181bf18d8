"""WARC replay against a live scan of the same sandbox pages.

    python benchmarks/warc_replay.py [--sites 60] [--seed 2013]

Serves a sandbox web of N sites from its own process, scans it live with the HTTP probes while
capturing every response to a WARC (`capture`), then scans the same registry from that WARC
(no network: tls, dns and the phone probe are skipped in WARC mode, so the live scan runs without
them too). Printed: seconds of each, the replay / live ratio, requests answered, and the cost of
the evidence spool every campaign writes and of the capture (a live scan without either, as the
same-run baseline: the faster of two such scans, one before and one after the others).
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from govlens.pipeline.demo import DEMO_CHECK_DATE
from govlens.probes.scan import run_scan
from govlens.registry.write import write_registry_csv
from govlens.sandbox.platforms import generate_platforms
from govlens.sandbox.process import sandbox_process
from govlens.settings import Settings
from govlens.store import CampaignStore

PROBES = ("http_site", "search_query", "interaction", "service_guides", "not_found", "page_weight")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sites", type=int, default=60)
    ap.add_argument("--seed", type=int, default=2013)
    args = ap.parse_args()
    platforms = generate_platforms([], args.sites, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_registry_csv(platforms, folder / "registry.csv")
        settings = Settings({"CHECK_DATE": DEMO_CHECK_DATE.isoformat(), "AVAILABILITY_SPACING": 0.0})
        archive = folder / "crawl.warc.gz"
        with sandbox_process(folder / "registry.csv", sites=len(platforms), seed=args.seed, as_of=DEMO_CHECK_DATE,
                             state_dir=folder / "sandbox") as state:
            def baseline(n: int) -> tuple[float, object]:
                t = time.perf_counter()
                out = run_scan(platforms, CampaignStore(folder / f"plain{n}.duckdb"), settings, sandbox_state=state,
                               probes=PROBES)
                return time.perf_counter() - t, out

            t_plain, plain = baseline(1)          # the first run also warms the server's caches: run it twice
            t = time.perf_counter()
            run_scan(platforms, CampaignStore(folder / "spool.duckdb"), settings, sandbox_state=state, probes=PROBES,
                     spool=folder / "spool.warc.gz")
            t_spool = time.perf_counter() - t
            t = time.perf_counter()
            live = run_scan(platforms, CampaignStore(folder / "live.duckdb"), settings, sandbox_state=state,
                            probes=PROBES, capture=archive)
            t_live = time.perf_counter() - t
            t_plain = min(t_plain, baseline(2)[0])
        t = time.perf_counter()
        replay = run_scan(platforms, CampaignStore(folder / "replay.duckdb"), settings, probes=PROBES, warc=[archive])
        t_replay = time.perf_counter() - t
        print(f"{args.sites} sites, {live.requests} requests, WARC {archive.stat().st_size / 1e6:.1f} MB")
        print(f"live scan, no capture   {t_plain:7.2f} s  ({plain.requests} requests)")
        print(f"live scan with the evidence spool (every campaign) {t_spool:7.2f} s  ×{t_spool / t_plain:.2f}, "
              f"spool {(folder / 'spool.warc.gz').stat().st_size / 1e6:.1f} MB")
        print(f"live scan with capture  {t_live:7.2f} s  capture cost ×{t_live / t_plain:.2f}")
        print(f"replay from the WARC    {t_replay:7.2f} s  ({replay.requests} requests, "
              f"{replay.not_in_archive} not in the archive)")
        print(f"replay / live (with capture) = {t_replay / t_live:.2f}")


if __name__ == "__main__":
    main()
