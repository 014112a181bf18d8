"""govlens's browser probe against Lighthouse 12.2.3 on the same 20 sandbox homepages and the same chromium.

    python benchmarks/lighthouse_compare.py [--pages 20]

Lighthouse is installed from npm into ``benchmarks/.lighthouse`` on first use
(``npm install lighthouse@12.2.3``) and run as its CLI does: one Chrome per page,
``--chrome-path=/usr/bin/chromium``, govlens's Chromium flags (off the network, the sandbox's
resolver rules and certificate pin), ``--preset=desktop --throttling-method=provided`` (no
throttling, as govlens measures), accessibility and performance categories. govlens renders the
same pages through its scan runner with one page at a time.

Printed:
- accessibility, per axe rule both tools ran: pages judged by both, violations each tool saw, and
  agreement (share of those pages with the same verdict); Lighthouse runs its own axe-core and
  some best-practice rules govlens does not (govlens runs WCAG 2.1 A/AA only);
- performance, per metric: medians of each tool, the median ratio govlens / Lighthouse, the rank
  correlation over the pages, and agreement on Lighthouse's "good" (score ≥ 0.9, govlens's value
  scored on the framework's curve with the same control points) or on govlens's finding limit;
- time per page of each tool side by side, and the ratio.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _browser_sample import pick, serve  # noqa: E402

from govlens.frameworks import load_framework  # noqa: E402
from govlens.probes.gatherers.browser.pool import BASE_FLAGS, sandbox_flags  # noqa: E402
from govlens.probes.gatherers.http_site import homepage_url  # noqa: E402
from govlens.probes.scan import run_scan  # noqa: E402
from govlens.scoring.normalise import normalise  # noqa: E402
from govlens.indicators.render import cumulative_layout_shift, page_weight, total_blocking_time  # noqa: E402
from govlens.store import CampaignStore  # noqa: E402

LIGHTHOUSE = "12.2.3"
HERE = Path(__file__).resolve().parent
LH_DIR = HERE / ".lighthouse"
LH_CLI = LH_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"

# (label, Lighthouse audit, govlens value from the desktop render, framework indicator, govlens finding limit)
METRICS = [
    ("FCP ms", "first-contentful-paint", lambda d: d["performance"]["fcp_ms"], "first-contentful-paint", None),
    ("LCP ms", "largest-contentful-paint", lambda d: d["performance"]["lcp_ms"], "largest-contentful-paint", None),
    ("TBT ms", "total-blocking-time", lambda d: d["performance"]["tbt_ms"], "total-blocking-time",
     total_blocking_time.THRESHOLDS["limit_ms"].default),
    ("CLS", "cumulative-layout-shift", lambda d: d["performance"]["cls"], "cumulative-layout-shift",
     cumulative_layout_shift.THRESHOLDS["limit"].default),
    ("weight KiB", "total-byte-weight", lambda d: d["network"]["transfer_bytes"] / 1024, "page-weight",
     page_weight.THRESHOLDS["limit_kib"].default),
    ("TTFB ms", "server-response-time", lambda d: d["performance"]["ttfb_ms"], None, None),
    ("requests", "network-requests", lambda d: d["network"]["requests"], None, None),
]


def ensure_lighthouse() -> None:
    if LH_CLI.is_file():
        return
    if shutil.which("npm") is None:
        sys.exit("npm is needed to install Lighthouse (apt-get install npm)")
    LH_DIR.mkdir(exist_ok=True)
    print(f"installing lighthouse@{LIGHTHOUSE} into {LH_DIR} …", flush=True)
    subprocess.run(["npm", "install", "--prefix", str(LH_DIR), "--no-audit", "--no-fund", "--loglevel=error",
                    f"lighthouse@{LIGHTHOUSE}"], check=True)


def chrome_flags(state: dict) -> str:
    """govlens's flags as one --chrome-flags string (values with spaces quoted for Lighthouse's parser)."""
    out = []
    for f in [*BASE_FLAGS, *sandbox_flags(state), "--headless=new"]:
        key, sep, value = f.partition("=")
        out.append(f'{key}="{value}"' if sep and " " in value else f)
    return " ".join(out)


def run_lighthouse(url: str, flags: str, out: Path) -> tuple[dict | None, float]:
    t0 = time.perf_counter()
    proc = subprocess.run(["node", str(LH_CLI), url, "--chrome-path=/usr/bin/chromium", f"--chrome-flags={flags}",
                           "--only-categories=accessibility,performance", "--preset=desktop",
                           "--throttling-method=provided", "--max-wait-for-load=30000", "--output=json",
                           f"--output-path={out}", "--quiet"], capture_output=True, text=True, timeout=300)
    seconds = time.perf_counter() - t0
    if not out.is_file():
        print(f"  lighthouse failed on {url}: {proc.stderr.strip()[-300:]}")
        return None, seconds
    report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        print(f"  lighthouse error on {url}: {report['runtimeError'].get('code')}")
        return None, seconds
    return report, seconds


def lh_value(report: dict, audit: str) -> float | None:
    a = report["audits"].get(audit) or {}
    if audit == "network-requests":
        items = (a.get("details") or {}).get("items")
        return float(len(items)) if items is not None else None
    v = a.get("numericValue")
    if v is None:
        return None
    return v / 1024 if audit == "total-byte-weight" else float(v)


def rank_correlation(a: list[float], b: list[float]) -> float | None:
    if len(a) < 3 or len(set(a)) < 2 or len(set(b)) < 2:
        return None
    ra, rb = np.argsort(np.argsort(a)), np.argsort(np.argsort(b))
    return float(np.corrcoef(ra, rb)[0, 1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=20)
    args = ap.parse_args()
    ensure_lighthouse()
    platforms, sample, kinds = pick(400, 2, args.pages)
    sample = sample[:args.pages]
    framework = load_framework("website-2013")
    curves = {ref.id: ref.normalisation for d in framework.dimensions for ref in d.indicators}
    with serve(platforms) as state, tempfile.TemporaryDirectory() as tmp:
        flags = chrome_flags(state)
        lh: dict[str, dict] = {}
        lh_seconds: list[float] = []
        print(f"Lighthouse {LIGHTHOUSE} on {len(sample)} homepages …", flush=True)
        for p in sample:
            report, seconds = run_lighthouse(homepage_url(p), flags, Path(tmp) / f"{p.id}.json")
            lh_seconds.append(seconds)
            if report is not None:
                lh[p.id] = report
        print("govlens browser probe on the same homepages (one page at a time) …", flush=True)
        store = CampaignStore(Path(tmp) / "bench.duckdb")
        store.write_platforms(sample)
        t0 = time.perf_counter()
        run_scan(sample, store, {"CONCURRENCY_SITES": 1, "BROWSER_PAGES": 1}, sandbox_state=state,
                 probes=("browser",))
        gov_wall = time.perf_counter() - t0
        desk, axe = {}, {}
        for pid, kind, data in store.con.execute("SELECT platform_id, kind, data FROM observations WHERE status = "
                                                 "'completed'").fetchall():
            d = json.loads(data) if isinstance(data, str) else data
            if kind == "render" and d.get("device") == "desktop":
                desk[pid] = d
            elif kind == "axe":
                axe[pid] = d
        store.close()

    both = [p.id for p in sample if p.id in lh and p.id in desk]
    print(f"\n{len(both)} of {len(sample)} pages measured by both tools "
          f"(browser defects among them: {sum(1 for pid in both if kinds[pid])} pages)")

    # --- accessibility, per rule
    rows = []
    for rule in sorted({a for r in lh.values() for a, v in r["audits"].items() if v.get("scoreDisplayMode") == "binary"
                        and a in {ref["id"] for ref in r["categories"]["accessibility"]["auditRefs"]}}):
        judged = agree = lh_bad = gov_bad = 0
        for pid in both:
            a = lh[pid]["audits"].get(rule) or {}
            if a.get("scoreDisplayMode") != "binary" or a.get("score") is None:
                continue
            violated = {v["id"] for v in axe.get(pid, {}).get("violations", [])}
            passed = set(axe.get(pid, {}).get("passes", []))
            if rule not in violated and rule not in passed:
                continue
            judged += 1
            lh_v, gov_v = a["score"] == 0, rule in violated
            lh_bad += lh_v
            gov_bad += gov_v
            agree += lh_v == gov_v
        if judged:
            rows.append((rule, judged, lh_bad, gov_bad, agree / judged))
    print(f"\naccessibility (axe rules run by both)\n{'rule':<24} {'pages':>5} {'LH viol.':>8} {'govlens viol.':>13} "
          f"{'agreement':>9}")
    for rule, judged, lb, gb, ag in rows:
        print(f"{rule:<24} {judged:>5} {lb:>8} {gb:>13} {ag:>9.2f}")

    # --- performance, per metric
    print(f"\nperformance (desktop, no throttling)\n{'metric':<11} {'LH median':>10} {'govlens median':>14} "
          f"{'ratio':>6} {'rank r':>7} {'agreement':>9}  on")
    for label, audit, get, indicator, limit in METRICS:
        pairs = []
        for pid in both:
            lv = lh_value(lh[pid], audit)
            try:
                gv = get(desk[pid])
            except (KeyError, TypeError):
                gv = None
            if lv is not None and gv is not None:
                pairs.append((float(lv), float(gv), lh[pid]["audits"][audit].get("score")))
        if not pairs:
            continue
        lvs, gvs = [p[0] for p in pairs], [p[1] for p in pairs]
        ratios = [g / lv for lv, g, _ in pairs if lv > 0]
        corr = rank_correlation(lvs, gvs)
        if indicator in curves and curves[indicator].method == "lognormal":
            gscore = normalise(np.array(gvs), "lognormal", curves[indicator].params) / 100
            agree = np.mean([(s is not None and s >= 0.9) == (g >= 0.9) for (_, _, s), g in zip(pairs, gscore)])
            basis = "Lighthouse 'good' (score ≥ 0.9)"
            if limit is not None:
                agree_limit = np.mean([(lv > limit) == (g > limit) for lv, g, _ in pairs])
                basis += f"; {agree_limit:.2f} on govlens's finding limit {limit:g}"
        elif limit is not None:
            agree = np.mean([(lv > limit) == (g > limit) for lv, g, _ in pairs])
            basis = f"govlens's finding limit {limit:g}"
        else:
            agree, basis = float("nan"), "(no verdict to compare)"
        print(f"{label:<11} {statistics.median(lvs):>10.1f} {statistics.median(gvs):>14.1f} "
              f"{statistics.median(ratios) if ratios else float('nan'):>6.2f} "
              f"{corr if corr is not None else float('nan'):>7.2f} {agree:>9.2f}  {basis}")

    # --- time per page
    lh_per = statistics.mean(lh_seconds)
    gov_per = gov_wall / len(sample)
    print(f"\ntime per page      Lighthouse {lh_per:6.1f} s    govlens {gov_per:6.1f} s (desktop + phone + axe)"
          f"    Lighthouse / govlens = {lh_per / gov_per:.1f}")
    print("TTFB: Lighthouse's server-response-time excludes redirects; govlens's ttfb_ms counts from navigation start")


if __name__ == "__main__":
    main()
