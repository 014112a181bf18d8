"""Store scale: peak RSS per stage and store size per site, at growing registry sizes.

    python benchmarks/store_scale.py [--sites 1000,10000,100000] [--seed 2013] [--keep DIR] [--set KEY=VALUE ...]

For each size: a sandbox web of that many websites (generated beyond the shipped registry) is served
from its own process; ``govlens scan`` (homepage + bounded crawl, browser off), ``govlens score``,
``govlens awards`` and ``govlens report`` then run as a user runs them, each in a fresh process, and
the child's peak RSS is read from ``wait4`` (so one stage's memory never hides another's). The store's
size is read after the scan and after the report. Figures are printed with their ratio to the
smallest size of the same run (the machine is shared and noisy): RSS should stay flat while the store
grows linearly, i.e. its KB per site stays flat. ``--set`` overrides a setting of every size's campaign
(e.g. ``--set CRAWL_MAX_PAGES=10`` for a shorter run: the crawl's bound is what makes a site's bytes).

Measured (2 cores shared with five other sessions, load 12–18, December 2026):
- default crawl, 1,000 sites, before e25138b: scan 586 MB, score 766 MB, awards 185 MB, report 571 MB,
  store 551 KB/site; that store's rows copied into the current schema: 31 KB/site (×0.057);
- ``--set CRAWL_MAX_PAGES=3 --set LINKS_MAX_PER_SITE=0 --set AVAILABILITY_VISITS=1``, 1,000 sites:
  scan 379 MB, score 336 MB, awards 184 MB, report 501 MB, store 12.6 KB/site. The 10,000-site size did
  not run (its scan projected at 1–3 hours on the loaded machine; 100,000 sites was not tried); instead
  that 1,000-site store replicated ×10 (ids suffixed): score 316 → 478 MB (×1.51), report 507 → 855 MB
  (×1.69), store 14.2 → 95.2 MB after score (×6.7 for ×10 sites). The report still grows with the
  registry (the campaign's per-platform dicts and the dashboard's collector): not flat yet.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from govlens.pipeline.campaign import write_campaign
from govlens.pipeline.demo import DEMO_CHECK_DATE
from govlens.registry import load_registry
from govlens.registry.shipped import shipped_registry
from govlens.registry.write import write_registry_csv
from govlens.sandbox.platforms import generate_platforms
from govlens.sandbox.process import sandbox_process

STAGES = ("scan", "score", "awards", "report")
#: What the benchmark scans: homepage + bounded crawl over HTTP, no browser, no evidence archive.
SETTINGS = {"BROWSER_ENABLED": False, "EVIDENCE_WARC": False, "SCORING_REPLICATIONS": 0}


def run_stage(stage: str, campaign: Path) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB, exit code) of ``govlens <stage> campaign`` in a fresh process."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(Path(__file__).parents[1] / "src"),
                                                                     os.environ.get("PYTHONPATH")]))}
    t0 = time.perf_counter()
    with open(campaign.with_name(f"{stage}.log"), "wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", "govlens.cli", "--locale", "en", stage, str(campaign)],
                                stdout=log, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - t0, usage.ru_maxrss / 1024, proc.returncode


def store_mb(path: Path) -> float:
    """The store file and its write-ahead log, in MB."""
    return sum(p.stat().st_size for p in (path, path.with_name(path.name + ".wal")) if p.exists()) / 1e6


def one_size(sites: int, seed: int, work: Path, settings: dict[str, object]) -> dict[str, float]:
    """Scan, score, award and report ``sites`` sandbox websites; the figures of each stage."""
    work.mkdir(parents=True, exist_ok=True)
    webs = [p for p in load_registry(shipped_registry()).platforms if p.kind == "website"]
    platforms = generate_platforms(webs, sites, seed)
    write_registry_csv(platforms, work / "registry.csv")
    out: dict[str, float] = {"platforms": len(platforms)}
    with sandbox_process(work / "registry.csv", sites=sites, seed=seed, as_of=DEMO_CHECK_DATE,
                         state_dir=work / "sandbox"):
        campaign = work / "campaign.toml"
        write_campaign(campaign, {"name": f"store scale {sites}", "check_date": DEMO_CHECK_DATE.isoformat(),
                                  "registry": "registry.csv", "framework": "website-2013", "awards": "notice-2013",
                                  "out": "out", "locale": "zh-CN", "sandbox": "sandbox/sandbox.json"}, settings)
        for stage in STAGES:
            secs, rss, code = run_stage(stage, campaign)
            if code != 0:
                raise SystemExit(f"{stage} failed at {sites} sites (exit {code}): see {work / (stage + '.log')}")
            out[f"{stage}_s"], out[f"{stage}_rss"] = secs, rss
            if stage == "scan":
                out["store_scan_mb"] = store_mb(work / "out" / "campaign.duckdb")
    out["store_mb"] = store_mb(work / "out" / "campaign.duckdb")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", default="1000,10000,100000", help="comma-separated sizes (websites)")
    parser.add_argument("--seed", type=int, default=2013)
    parser.add_argument("--keep", type=Path, help="keep each size's files in this folder (default: a temp dir)")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="a setting for every size")
    args = parser.parse_args()
    settings: dict[str, object] = {**SETTINGS, **dict(_setting(s) for s in args.set)}
    sizes = sorted(int(s) for s in args.sites.split(",") if s.strip())
    root = args.keep or Path(tempfile.mkdtemp(prefix="govlens-store-scale-"))
    rows = []
    for n in sizes:
        rows.append((n, one_size(n, args.seed, root / f"sites-{n}", settings)))
        if args.keep is None:
            shutil.rmtree(root / f"sites-{n}", ignore_errors=True)
        _print(rows)
    print(f"{os.cpu_count()} cores; settings {settings}; ratios are to the {sizes[0]}-site run of this run")


def _setting(text: str) -> tuple[str, object]:
    """KEY=VALUE with VALUE an int, a float, true/false or a text."""
    key, _, value = text.partition("=")
    for cast in (int, float):
        try:
            return key.strip(), cast(value)
        except ValueError:
            pass
    return key.strip(), {"true": True, "false": False}.get(value.lower(), value)


def _print(rows: list[tuple[int, dict[str, float]]]) -> None:
    base = rows[0][1]
    head = f"{'sites':>7} " + " ".join(f"{s + ' MB':>16}" for s in STAGES) + f" {'store MB':>9} {'KB/site':>14}"
    print(head)
    for n, r in rows:
        rss = " ".join(f"{r[s + '_rss']:>7.0f} (×{r[s + '_rss'] / base[s + '_rss']:.2f})" for s in STAGES)
        kb, kb0 = r["store_mb"] * 1000 / n, base["store_mb"] * 1000 / rows[0][0]
        print(f"{n:>7} {rss} {r['store_mb']:>9.1f} {kb:>6.1f} (×{kb / kb0:.2f})")
    print("seconds: " + "; ".join(f"{n}: " + ", ".join(f"{s} {r[s + '_s']:.0f}" for s in STAGES) for n, r in rows))
    print("store after scan MB: " + ", ".join(f"{n}: {r['store_scan_mb']:.1f}" for n, r in rows), flush=True)


if __name__ == "__main__":
    main()
