"""The store's bounds at scale: the JSON payloads are compressed on disk, and the indicators read a
campaign's observations streamed, one platform at a time, never a batch of them as Python objects."""
import json
import tracemalloc
from datetime import datetime

import pytest

from govlens.indicators import run
from govlens.store.campaign_store import CampaignStore

#: A page's extracted facts as a scan stores them: a few KB of links and lists, much of it repeated.
PAYLOAD = {"role": "column", "links": [{"url": f"https://www.a.gov.cn/col/col{i}/index.html", "text": "政务公开",
                                        "internal": True} for i in range(20)]}


def _fill(store: CampaignStore, platforms: int, pages: int) -> int:
    """``pages`` page observations for each of ``platforms``; the bytes of their payloads."""
    import pandas as pd
    rows = [{"platform_id": f"p{p:04d}", "probe": "http_site", "kind": "page", "url": f"https://p{p}.gov.cn/{i}",
             "status": "completed", "http_status": 200, "elapsed_ms": 1.0, "observed_at": datetime(2013, 12, 1),
             "data": json.dumps({**PAYLOAD, "n": i}, ensure_ascii=False)}
            for p in range(platforms) for i in range(pages)]
    store.insert_frame("observations", pd.DataFrame(rows))
    return sum(len(r["data"].encode()) for r in rows)


def test_page_payloads_are_compressed_on_disk(tmp_path):
    path = tmp_path / "campaign.duckdb"
    with CampaignStore(path) as store:
        raw = _fill(store, 200, 25)
        store.con.execute("CHECKPOINT")
        kinds = {r[0] for r in store.con.execute("SELECT DISTINCT compression FROM pragma_storage_info('observations')"
                                                 " WHERE column_name = 'data'").fetchall()}
    assert raw > 8_000_000 and "ZSTD" in kinds
    assert path.stat().st_size < raw / 4          # uncompressed, the file is larger than the payloads


def test_observations_stream_one_platform_at_a_time(tmp_path):
    with CampaignStore(tmp_path / "campaign.duckdb") as store:
        raw = _fill(store, 100, 50)
        ids = [f"p{p:04d}" for p in range(100)] + ["p9999"]      # one platform without an observation
        tracemalloc.start()
        try:
            seen = []
            for pid, observations in run.iter_observations(store, ids, batch=1000):
                seen.append((pid, len(observations), observations[0].data["n"] if observations else None))
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert seen[0] == ("p0000", 50, 0) and seen[-1] == ("p9999", 0, None) and len(seen) == 101
    # every platform's observations held at once would take several times the payloads' bytes
    assert raw > 4_000_000 and peak < raw / 2, (raw, peak)


@pytest.mark.parametrize("batch", [1, 3, 1000])
def test_streamed_batches_give_every_platform_its_own_rows(tmp_path, batch):
    with CampaignStore(tmp_path / "campaign.duckdb") as store:
        _fill(store, 7, 3)
        got = dict(run.iter_observations(store, [f"p{p:04d}" for p in (6, 0, 3)], batch=batch))
    assert list(got) == ["p0000", "p0003", "p0006"]
    assert all({o.platform_id for o in obs} == {pid} and [o.data["n"] for o in obs] == [0, 1, 2]
               for pid, obs in got.items())


def test_every_stage_bounds_duckdb_by_default(tmp_path):
    """DuckDB's own default caches table pages up to 80 % of the machine's memory: a stage reading a national
    scan's observations would grow far past 1 GB. The default setting bounds it."""
    from govlens.settings import Settings

    with CampaignStore(tmp_path / "campaign.duckdb", memory_limit=Settings()["STORE_MEMORY_LIMIT"]) as store:
        limit = store.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    number, unit = limit.split()
    assert float(number) * {"KiB": 2**10, "MiB": 2**20, "GiB": 2**30}[unit] <= 256e6


def test_a_run_that_fails_leaves_the_values_as_they_were(tmp_path, monkeypatch):
    """The values are committed batch by batch into staging tables and moved in at once: a run that stops
    half-way leaves the previous values whole and no staging table behind."""
    from govlens.indicators.run import run_indicators
    from govlens.registry.model import Platform
    from govlens.settings import Settings

    with CampaignStore(tmp_path / "campaign.duckdb") as store:
        _fill(store, 5, 2)
        platforms = [Platform(id=f"p{p:04d}", name=f"站点{p}", kind="website", org_type="government",
                              level="county", province="北京", region="east", url=f"https://p{p}.gov.cn/",
                              group="county") for p in range(5)]
        store.write_platforms(platforms)
        kw = {"indicator_ids": ["site-search"], "check_date": datetime(2013, 12, 20).date(), "settings": Settings()}
        run_indicators(store, platforms, **kw)
        before = store.select("indicator_values", order_by=["platform_id"])
        monkeypatch.setattr(run, "BATCH_PLATFORMS", 2)
        original = run._evaluate_platform

        def fail_on_the_fourth(platform, *args):
            if platform.id == "p0003":
                raise RuntimeError("killed")
            return original(platform, *args)

        monkeypatch.setattr(run, "_evaluate_platform", fail_on_the_fourth)
        with pytest.raises(RuntimeError):
            run_indicators(store, platforms, **kw)
        after = store.select("indicator_values", order_by=["platform_id"])
        tables = {r[0] for r in store.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert len(before) == 5 and after.equals(before)
    assert not any(t.startswith("_staged") for t in tables)
