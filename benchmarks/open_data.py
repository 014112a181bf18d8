"""Open-data benchmark: streaming ``data/findings.*`` from the store against loading the table whole, same run.

    python benchmarks/open_data.py [--platforms 100000] [--findings 2000000] [--memory-limit 1GB]

A synthetic campaign store (``--platforms`` websites, ``--findings`` findings with URLs, details,
snippets and evidence URLs as a national scan leaves them) is written to Parquet and CSV two ways,
each in a forked child process whose peak memory (VmHWM) is its own:

1. **govlens** — :func:`govlens.report.opendata.write_table`: the store's query read as Arrow record
   batches of 100,000 rows, each written to Parquet and CSV (neutralised) before the next is read;
2. **whole table** — the obvious pandas code: ``store.frame(query)`` loads every finding, then
   ``to_parquet`` and ``to_csv`` (no neutralisation: the baseline does less work).

Both open the store with DuckDB's memory bounded to ``--memory-limit`` (``STORE_MEMORY_LIMIT``: a
national campaign sets it; DuckDB's own default is 80 % of RAM), so the sort spills to disk instead of
filling the memory. Printed: seconds, peak RSS above the parent's, and the ratios against the baseline. The machine is
shared, so only the same-run ratios mean something.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from govlens.store.campaign_store import CampaignStore


def _hwm_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def build(path: Path, platforms: int, findings: int) -> None:
    store = CampaignStore(path)
    con = store.con
    con.execute(f"""INSERT INTO platforms SELECT 'site-' || lpad(i::VARCHAR, 6, '0'), '测试' || i || '县人民政府',
        'website', 'government', 'county', '浙江', 'east', 'https://www.s' || i || '.gov.cn/', 'county'
        FROM range({platforms}) t(i)""")
    kinds = "['broken_internal_link', 'broken_external_link', 'stale_column', 'empty_column', 'no_viewport']"
    con.execute(f"""INSERT INTO findings SELECT 'site-' || lpad((i % {platforms})::VARCHAR, 6, '0'),
        {kinds}[1 + (i % 5)], 'https://www.s' || (i % {platforms}) || '.gov.cn/col/c' || i || '/index.html',
        CASE WHEN i % 7 = 0 THEN '=HTTP 404' ELSE 'HTTP 404 linked from https://www.s' || (i % {platforms})
             || '.gov.cn/' END,
        'broken-internal-links', '<a href="/col/c' || i || '/">栏目' || i || '</a>',
        'https://www.s' || (i % {platforms}) || '.gov.cn/', TIMESTAMP '2013-12-15 09:00:00' + to_seconds(i % 86400)
        FROM range({findings}) t(i)""")
    store.close()


LIMIT = "1GB"


def govlens_way(store_path: Path, out: Path) -> int:
    from govlens.report.opendata import write_table
    with CampaignStore(store_path, memory_limit=LIMIT) as store:
        return write_table(store, "findings", out, {})


def whole_table(store_path: Path, out: Path) -> int:
    import pandas as pd

    from govlens.store.opendata import LOOKUP, QUERIES
    with CampaignStore(store_path, memory_limit=LIMIT) as store:
        store.con.register(LOOKUP, pd.DataFrame({"domain": [], "code": [], "title": []}, dtype=object))
        frame = store.frame(QUERIES["findings"])
    frame.to_parquet(out / "findings.parquet", index=False)
    frame.to_csv(out / "findings.csv", index=False, encoding="utf-8-sig")
    return len(frame)


def _child(fn: Callable[[Path, Path], int], store_path: Path, out: Path, q: Any) -> None:
    base = _rss_mb()
    t = time.perf_counter()
    rows = fn(store_path, out)
    q.put((time.perf_counter() - t, _hwm_mb() - base, rows))


def measure(fn: Callable[[Path, Path], int], store_path: Path, out: Path) -> tuple[float, float, int]:
    out.mkdir(parents=True, exist_ok=True)
    ctx = mp.get_context("fork")
    q = ctx.Queue()
    p = ctx.Process(target=_child, args=(fn, store_path, out, q))
    p.start()
    result = q.get()
    p.join()
    return result


def main() -> None:
    global LIMIT
    ap = argparse.ArgumentParser()
    ap.add_argument("--platforms", type=int, default=100_000)
    ap.add_argument("--findings", type=int, default=2_000_000)
    ap.add_argument("--memory-limit", default=LIMIT)
    args = ap.parse_args()
    LIMIT = args.memory_limit
    with tempfile.TemporaryDirectory(prefix="govlens-opendata-") as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        build(folder / "c.duckdb", args.platforms, args.findings)
        print(f"store: {args.platforms:,} platforms, {args.findings:,} findings built in {time.perf_counter() - t:.1f} s")
        g_s, g_mb, g_rows = measure(govlens_way, folder / "c.duckdb", folder / "govlens")
        w_s, w_mb, w_rows = measure(whole_table, folder / "c.duckdb", folder / "whole")
        assert g_rows == w_rows == args.findings, (g_rows, w_rows)
        size = {name: sum(p.stat().st_size for p in (folder / name).iterdir()) / 2**20 for name in ("govlens", "whole")}
        print(f"govlens (streamed batches): {g_s:7.1f} s  peak +{g_mb:7.0f} MB  files {size['govlens']:.0f} MB")
        print(f"whole table (pandas):       {w_s:7.1f} s  peak +{w_mb:7.0f} MB  files {size['whole']:.0f} MB")
        print(f"ratio govlens / whole: time {g_s / w_s:.2f}x, peak memory {g_mb / w_mb:.2f}x")


if __name__ == "__main__":
    main()
