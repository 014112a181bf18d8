"""Benchmark: a national new-media campaign, 200,000 accounts × 90 days of statistics.

Generates the statistics CSV (18 million rows) with the sandbox, then, each in a fresh
process so that time and peak memory are its own, runs:

- **govlens**: register the accounts, import the CSV into the campaign's DuckDB store
  (``newmedia_stats``), compute the newmedia-2013 indicators (SQL facts + vectorised batch
  indicators), score and rank with ``score_campaign``;
- **pandas**: the straightforward version of the same computation: ``pd.read_csv`` with the
  same types, one ``groupby`` for the account facts (and ``transform`` medians for the
  bought-follower rule), the same formulas, normalisation goalposts, weights, veto and ranks
  within groups, with ``DataFrame`` operations.

Both compute the indicators the statistics alone allow (those needing posts, comments or expert
files are missing in both and re-weighted). It prints time per phase, peak resident memory, the
ratio of the two, and how far the two indices differ (they should agree). The govlens side
also persists every row in the campaign store (the pandas side keeps nothing), and its
"peak MB" column is the peak resident memory reached by the end of each phase (DuckDB's own
allocations included: ``ru_maxrss`` of a fresh process).

    .venv/bin/python benchmarks/newmedia.py                 # 200,000 accounts
    .venv/bin/python benchmarks/newmedia.py --accounts 20000
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AS_OF = dt.date(2013, 12, 15)
SEED = 2013


def generate(n: int, out: Path) -> tuple[Path, Path]:
    from govlens.registry.write import write_registry_csv
    from govlens.sandbox.newmedia import build_newmedia, generate_accounts
    from govlens.sandbox.newmedia_files import write_stats_csv

    platforms = generate_accounts(n, SEED)
    registry = out / "registry.csv"
    write_registry_csv(platforms, registry)
    stats = write_stats_csv(build_newmedia(platforms, SEED, AS_OF, detailed=set()).iter_stats(), out / "stats.csv")
    return registry, stats


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ------------------------------------------------------------------------------------------ govlens

def run_govlens(registry: Path, stats: Path, work: Path) -> dict:
    from govlens.frameworks import load_framework
    from govlens.indicators.run import run_indicators
    from govlens.probes.importers import newmedia_stats
    from govlens.registry import load_registry
    from govlens.scoring import score_campaign
    from govlens.settings import Settings
    from govlens.store import CampaignStore

    t = {}
    t0 = time.perf_counter()
    platforms = load_registry(registry).platforms
    store = CampaignStore(work / "campaign.duckdb")
    store.write_platforms(platforms)
    t["register"] = time.perf_counter() - t0
    mem = {"register": peak_mb()}
    t0 = time.perf_counter()
    report = newmedia_stats.import_file(store, stats, platforms, check_date=AS_OF)
    t["import"] = time.perf_counter() - t0
    mem["import"] = peak_mb()
    framework = load_framework("newmedia-2013")
    t0 = time.perf_counter()
    run_indicators(store, platforms, indicator_ids=framework.indicator_ids(), check_date=AS_OF,
                   settings=Settings({"CHECK_DATE": AS_OF.isoformat()}))
    t["indicators"] = time.perf_counter() - t0
    mem["indicators"] = peak_mb()
    t0 = time.perf_counter()
    summary = score_campaign(store, framework)
    t["score_rank"] = time.perf_counter() - t0
    mem["score_rank"] = peak_mb()
    index = store.frame('SELECT platform_id, "index", "rank", vetoed FROM results WHERE framework = ?',
                        [framework.id])
    index.to_parquet(work / "govlens.parquet") if _has_parquet() else index.to_csv(work / "govlens.csv", index=False)
    store.close()
    return {"phases": t, "rows": report.rows, "scored": summary.scored, "vetoed": summary.vetoed,
            "peak_mb": peak_mb(), "peak_after": mem}


def _has_parquet() -> bool:
    try:
        import pyarrow  # noqa: F401
        return True
    except ImportError:
        return False


# ------------------------------------------------------------------------------------------ pandas

def run_pandas(registry: Path, stats: Path, work: Path) -> dict:
    import numpy as np
    import pandas as pd

    from govlens.frameworks import load_framework
    from govlens.scoring.normalise import normalise

    t = {}
    t0 = time.perf_counter()
    reg = pd.read_csv(registry, dtype=str)
    t["register"] = time.perf_counter() - t0
    mem = {"register": peak_mb()}
    t0 = time.perf_counter()
    s = pd.read_csv(stats, dtype={"platform_id": str, "followers": "int64", "follower_growth": "int64",
                                  "posts": "int32", "original_posts": "int32", "reads": "int64", "likes": "int32",
                                  "shares": "int32", "comments": "int32", "looking": "Int32",
                                  "headline_reads": "Int64", "max_post_reads": "int64", "max_post_likes": "int32",
                                  "menu_items": "Int32"}, parse_dates=["date"])
    t["import"] = time.perf_counter() - t0
    mem["import"] = peak_mb()
    t0 = time.perf_counter()
    s = s.sort_values(["platform_id", "date"])
    g = s.groupby("platform_id", sort=False)
    f = pd.DataFrame({
        "days": g.size(), "R": g["reads"].sum(), "n": g["posts"].sum(), "Rmax": g["max_post_reads"].max(),
        "Z": g["likes"].sum(), "Zmax": g["max_post_likes"].max(), "shares": g["shares"].sum(),
        "comments": g["comments"].sum(), "looking": g["looking"].sum(min_count=1).astype(float),
        "original": g["original_posts"].sum(), "active": g["posts"].apply(lambda x: (x > 0).sum()),
        "last_post": s[s["posts"] > 0].groupby("platform_id")["date"].max(),
        "f_end": g["followers"].last(), "f_start": g["followers"].first() - g["follower_growth"].first(),
        "verified": g["verified"].last().astype(float), "menu": g["menu_items"].last().astype(float)})
    # bought followers: the same rule as govlens (typical posting day per post, typical idle day)
    posting = s["posts"] > 0
    s["rpp"] = np.where(posting, s["reads"] / s["posts"].where(posting), np.nan)
    s["epp"] = np.where(posting, (s["comments"] + s["likes"]) / s["posts"].where(posting), np.nan)
    s["idle_r"] = s["reads"].where(~posting)
    s["idle_e"] = (s["comments"] + s["likes"]).where(~posting)
    med = s.groupby("platform_id")[["rpp", "epp", "idle_r", "idle_e"]].transform("median")
    before = (s["followers"] - s["follower_growth"]).clip(lower=1)
    quiet_post = (s["rpp"] <= 2.5 * med["rpp"].fillna(0).clip(lower=1)) & \
                 (s["epp"] <= 2.5 * med["epp"].fillna(0).clip(lower=1))
    quiet_idle = (s["reads"] <= 2.5 * med["idle_r"].fillna(med["rpp"]).fillna(0).clip(lower=1)) & \
                 ((s["comments"] + s["likes"]) <= 2.5 * med["idle_e"].fillna(med["epp"]).fillna(0).clip(lower=1))
    jump = (s["follower_growth"] >= 500) & (s["follower_growth"] >= 0.10 * before) & \
        np.where(posting, quiet_post, quiet_idle)
    f["bought"] = s.loc[jump].groupby("platform_id")["follower_growth"].sum()
    f["bought"] = f["bought"].fillna(0)
    f = f.reindex(reg["id"][reg["kind"].isin(["weibo", "wechat"])].tolist())
    kind = reg.set_index("id")["kind"].reindex(f.index)
    wechat = (kind == "wechat").to_numpy()

    def div(a, b, empty=np.nan):
        a, b = np.asarray(a, float), np.asarray(b, float)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(b > 0, a / np.where(b > 0, b, 1), empty)

    rn, zn = div(f["R"], f["n"], 0), div(f["Z"], f["n"], 0)
    wci = 10 * (0.8 * (0.4 * np.log(f["R"] + 1) + 0.45 * np.log(rn + 1) + 0.15 * np.log(f["Rmax"] + 1)) +
                0.2 * (0.4 * np.log(f["Z"] + 1) + 0.45 * np.log(zn + 1) + 0.15 * np.log(f["Zmax"] + 1))) ** 2
    since = (pd.Timestamp(AS_OF) - f["last_post"]).dt.days.fillna(3650).clip(0, 3650)
    raw = pd.DataFrame({
        "daily-reads": div(f["R"], f["days"]), "reads-per-post": rn, "shares-per-post": div(f["shares"], f["n"], 0),
        "wci": np.where(wechat, wci, np.nan), "posts-per-day": div(f["n"], f["days"]),
        "original-share": div(f["original"], f["n"]), "active-days": div(f["active"], f["days"]),
        "update-recency": since, "comments-per-post": div(f["comments"], f["n"], 0), "likes-per-post": zn,
        "engagement-rate": div(div(f["Z"] + f["comments"] + f["shares"], f["n"], 0) * 1000, f["f_end"], 0),
        "looking-per-article": np.where(wechat, div(f["looking"], f["n"], 0), np.nan),
        "service-functions": np.where(wechat, f["menu"], np.nan),
        "followers": (f["f_end"] - f["bought"]).clip(lower=0),
        "follower-growth": div(f["f_end"] - f["f_start"] - f["bought"], f["f_start"], 0),
        "verified": f["verified"]}, index=f.index)
    t["indicators"] = time.perf_counter() - t0
    mem["indicators"] = peak_mb()
    t0 = time.perf_counter()
    fw = load_framework("newmedia-2013")
    dims = {}
    for d in fw.dimensions:
        cols, weights = [], []
        for ref in d.indicators:
            col = raw[ref.id].to_numpy(float) if ref.id in raw else np.full(len(raw), np.nan)
            cols.append(normalise(col, ref.normalisation.method, ref.normalisation.params))
            weights.append(ref.weight)
        m = np.column_stack(cols)
        w = np.where(np.isnan(m), 0, np.array(weights))
        dims[d.id] = np.where(w.sum(1) > 0, np.nansum(np.nan_to_num(m) * w, 1) / np.where(w.sum(1) > 0, w.sum(1), 1),
                              np.nan)
    dm = pd.DataFrame(dims, index=raw.index)
    dw = np.array([d.weight for d in fw.dimensions])
    w = np.where(dm.isna(), 0, dw)
    index = np.nansum(dm.fillna(0).to_numpy() * w, 1) / w.sum(1)
    out = pd.DataFrame({"index": index.round(4), "vetoed": raw["update-recency"] > 14,
                        "findings": (raw["update-recency"] > 14).astype(int) + (f["bought"] > 0).astype(int),
                        "group": reg.set_index("id")["group"].reindex(raw.index)}, index=raw.index)
    out = out.rename_axis("platform_id").reset_index()
    out["_score"] = np.where(np.isnan(index), -1.0, index)     # ranked on the unrounded index, as govlens ranks
    out = out.sort_values(["group", "vetoed", "_score", "findings", "platform_id"],        # govlens's tie-break
                          ascending=[True, True, False, True, True], kind="mergesort").set_index("platform_id")
    out["rank"] = out.groupby("group").cumcount() + 1
    t["score_rank"] = time.perf_counter() - t0
    mem["score_rank"] = peak_mb()
    out.drop(columns=["_score"]).reset_index().to_csv(work / "pandas.csv", index=False)
    return {"phases": t, "rows": len(s), "scored": int(np.isfinite(index).sum()), "vetoed": int(out["vetoed"].sum()),
            "peak_mb": peak_mb(), "peak_after": mem}


# ------------------------------------------------------------------------------------------ driver

def child(which: str, registry: str, stats: str, work: str) -> None:
    fn = run_govlens if which == "govlens" else run_pandas
    print(json.dumps(fn(Path(registry), Path(stats), Path(work))))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--accounts", type=int, default=200_000)
    ap.add_argument("--keep", help="keep the generated files in this folder")
    ap.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    ap.add_argument("--generate", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return 0
    if args.generate:
        registry, stats = generate(args.accounts, Path(args.generate))
        return 0
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="govlens-nm-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    # generated in a process of its own: a child forked from a big parent would inherit its peak memory
    subprocess.run([sys.executable, __file__, "--accounts", str(args.accounts), "--generate", str(work)], check=True)
    registry, stats = work / "registry.csv", work / "stats.csv"
    print(f"generated {args.accounts:,} accounts × 90 days = {args.accounts * 90:,} rows "
          f"({stats.stat().st_size / 1e6:,.0f} MB CSV) in {time.perf_counter() - t0:.1f} s")
    results = {}
    for which in ("govlens", "pandas"):
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, __file__, "--child", which, str(registry), str(stats), str(work)],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            print(proc.stderr[-3000:])
            return 1
        results[which] = json.loads(proc.stdout.strip().splitlines()[-1])
        results[which]["wall"] = time.perf_counter() - t0
    g, p = results["govlens"], results["pandas"]
    print(f"\n{'phase':<12} {'govlens s':>10} {'pandas s':>10} {'pandas/govlens':>15} "
          f"{'govlens peak MB':>16} {'pandas peak MB':>15}")
    for phase in ("register", "import", "indicators", "score_rank"):
        a, b = g["phases"][phase], p["phases"][phase]
        print(f"{phase:<12} {a:>10.1f} {b:>10.1f} {b / a if a else float('nan'):>15.2f} "
              f"{g['peak_after'][phase]:>16.0f} {p['peak_after'][phase]:>15.0f}")
    ga, pa = sum(g["phases"].values()), sum(p["phases"].values())
    print(f"{'total':<12} {ga:>10.1f} {pa:>10.1f} {pa / ga:>15.2f}")
    print(f"{'peak RSS MB':<12} {g['peak_mb']:>10.0f} {p['peak_mb']:>10.0f} {p['peak_mb'] / g['peak_mb']:>15.2f}")
    print(f"rows imported {g['rows']:,} / {p['rows']:,}; scored {g['scored']:,} / {p['scored']:,}; "
          f"vetoed {g['vetoed']:,} / {p['vetoed']:,}")
    _compare(work)
    return 0


def _compare(work: Path) -> None:
    import duckdb
    con = duckdb.connect()
    gl = "govlens.parquet" if (work / "govlens.parquet").exists() else "govlens.csv"
    diff = con.execute(f"""SELECT max(abs(g."index" - p."index")), avg(abs(g."index" - p."index")),
                                  avg(CASE WHEN g."rank" = p."rank" THEN 1 ELSE 0 END)
                           FROM '{work / gl}' g JOIN '{work / 'pandas.csv'}' p USING (platform_id)""").fetchone()
    print(f"index difference govlens vs pandas: max {diff[0]:.4f}, mean {diff[1]:.6f}; same rank for {diff[2]:.1%}")


if __name__ == "__main__":
    sys.exit(main())
