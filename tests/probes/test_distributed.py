"""The scan on a real Dask LocalCluster (2 worker processes) against the sandbox web on loopback.

The same registry is scanned in this process and on the cluster (joined by its scheduler's address,
as ``--cluster`` does): the stores must hold the same observations per platform (timings aside). A
worker killed in the middle of a shard (a test-only probe ends its process) still leaves every
platform scanned exactly once; a half-done scan resumed on the cluster scans only what its ledger
lacks; and ``govlens scan --workers 2`` (a LocalCluster of its own) does the same through the command line.
"""
from __future__ import annotations

import asyncio
import json
import os
from collections import Counter
from datetime import date

import duckdb
import pytest

from govlens.contract import defects as D
from govlens.pipeline.campaign import write_campaign
from govlens.probes.distributed import plan_shards, shard_key
from govlens.probes.scan import run_scan
from govlens.registry import Platform, load_registry
from govlens.registry.shipped import shipped_registry
from govlens.registry.write import write_registry_csv
from govlens.sandbox.server import run_in_thread
from govlens.sandbox.web import build_sandbox
from govlens.settings import Settings
from govlens.store import CampaignStore

SEED = 2013
AS_OF = date(2013, 12, 15)
KILLER = "tests.probes.killer_probe.KillerProbe"
# light sites: the point is where they are scanned, not how deep
SETTINGS = {"CHECK_DATE": AS_OF.isoformat(), "CONCURRENCY_SITES": 8, "AVAILABILITY_VISITS": 2,
            "AVAILABILITY_SPACING": 0.1, "CRAWL_MAX_PAGES": 8, "LINKS_MAX_PER_SITE": 30, "BROWSER_ENABLED": False,
            "EVIDENCE_WARC": False}
KINDS = {"website": 14, "column": 4, "mailbox": 2, "weibo": 2, "wechat": 1, "foreign_site": 2, "cn_domain": 2,
         "mobile_portal": 2}


def _platforms() -> list[Platform]:
    """A few platforms of every kind, without the sites whose answers depend on the order of requests or that
    are slow (intermittent outages, the inspection web's flaky sites: see tests/test_kill_resume.py)."""
    shipped = load_registry(shipped_registry()).platforms
    web = build_sandbox(shipped, SEED, AS_OF)
    left_out = {s.platform.id for s in web.sites if {D.INTERMITTENT_OUTAGE, D.SLOW_RESPONSE} & set(s.flags)
                or getattr(getattr(s, "inspection", None), "flaky_rate", 0)}
    out: list[Platform] = []
    for kind, n in KINDS.items():
        out += [p for p in shipped if p.kind == kind and p.id not in left_out][:n]
    return out


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A LocalCluster of 2 worker processes; its workers (and those the nanny restarts) know the killer's target."""
    from distributed import LocalCluster

    victim = next(p for p in _platforms() if p.kind == "website")
    mark = tmp_path_factory.mktemp("killer") / "killed.mark"
    saved = {k: os.environ.get(k) for k in ("GOVLENS_TEST_KILL_PLATFORM", "GOVLENS_TEST_KILL_MARK")}
    os.environ.update({"GOVLENS_TEST_KILL_PLATFORM": victim.id, "GOVLENS_TEST_KILL_MARK": str(mark)})
    try:
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as running:
            yield running.scheduler_address, mark
    finally:
        for k, v in saved.items():
            os.environ.pop(k) if v is None else os.environ.__setitem__(k, v)


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    """The sandbox served in a thread, and the in-process scan's store (the reference)."""
    tmp = tmp_path_factory.mktemp("distributed")
    platforms = _platforms()
    web = build_sandbox(platforms, SEED, AS_OF)
    with run_in_thread(web, tmp / "sandbox") as running:
        state = running.state()
        reference = _scan(tmp / "reference.duckdb", platforms, state, spool=tmp / "reference-spool.warc.gz")
        yield tmp, platforms, state, reference


def _scan(path, platforms, state, **settings):
    store = CampaignStore(path)
    try:
        store.write_platforms(platforms)
        summary = run_scan(platforms, store, Settings({**SETTINGS, **settings.pop("settings", {})}),
                           sandbox_state=state, **settings)
    finally:
        store.close()
    return summary


def _stable(scan_tools, path, probe: str | None = None) -> dict[str, Counter]:
    """Per platform its observations (timings aside), without a link check's method: a link that a site of
    the same host had crawled already is answered from the campaign's link cache as that page's GET, else
    checked by HEAD, and which comes first depends on how the sites' requests interleave — in one process
    as on a cluster (a host's platforms share a shard, so its link cache, as in one process)."""
    got = scan_tools.stable(path)
    out: dict[str, Counter] = {}
    for pid, rows in got.items():
        mine = Counter()
        for key, n in rows.items():
            if probe is not None and key[0] != probe:
                continue
            if key[1] == "link":
                key = (*key[:5], json.dumps({k: v for k, v in json.loads(key[5]).items() if k != "method"},
                                            sort_keys=True, ensure_ascii=False))
            mine[key] += n
        if mine or probe is None:
            out[pid] = mine
    return out


def _spooled(path) -> Counter:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as fh:
        return Counter((r.rec_headers.get_header("WARC-Target-URI"), r.http_headers.get_statuscode())
                       for r in ArchiveIterator(fh) if r.rec_type == "response")


def _ledger(path) -> list[tuple[str, int]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT platform_id, count(*) FROM scan_ledger GROUP BY 1 ORDER BY 1").fetchall()
    finally:
        con.close()


def test_shards_keep_a_host_together():
    ps = [Platform(f"p{i}", "n", "website", "government", "county", "北京", "", url, "county") for i, url in
          enumerate(["https://www.a.gov.cn/", "https://en.a.gov.cn/", "https://b.gov.cn/x", "https://weibo.com/u/1",
                     "https://weibo.com/u/2", "https://weibo.com/u/3", "http://127.0.0.1:8080/"])]
    assert shard_key("https://fgw.sz.gov.cn/") == "sz.gov.cn" and shard_key("http://127.0.0.1:8080/") == "127.0.0.1"
    lanes = plan_shards(ps, 2)
    assert sorted(p.id for lane in lanes for shard in lane for p in shard) == sorted(p.id for p in ps)
    for lane in lanes:                        # a host's platforms: all in one lane (its shards run one by one)
        hosts = {shard_key(p.url) for shard in lane for p in shard}
        assert len(lane) == 1 or len(hosts) == 1
    weibo = [lane for lane in lanes if any(shard_key(p.url) == "weibo.com" for shard in lane for p in shard)]
    assert len(weibo) == 1 and [len(s) for s in weibo[0]] == [2, 1]
    assert all(len(shard) <= 2 for lane in lanes for shard in lane)


@pytest.mark.slow          # the cluster tests: a LocalCluster of 2 processes and four scans, about 30 s together
def test_cluster_scan_equals_the_in_process_scan(scanned, cluster, scan_tools):
    tmp, platforms, state, reference = scanned
    seen: list[tuple[str, str | None]] = []
    moved: list[int] = []
    summary = _scan(tmp / "cluster.duckdb", platforms, state, spool=tmp / "cluster-spool.warc.gz",
                    settings={"CLUSTER_ADDRESS": cluster[0], "CLUSTER_SHARD_SITES": 4},
                    on_site=lambda p, status: seen.append((p.id, status)), progress=lambda done, total: moved.append(done))
    expected = _stable(scan_tools, tmp / "reference.duckdb")
    got = _stable(scan_tools, tmp / "cluster.duckdb")
    assert set(got) == set(expected) >= {p.id for p in platforms if p.kind == "website"}   # accounts: no probe
    differing = sorted(pid for pid in expected if got[pid] != expected[pid])
    assert not differing, (differing[:3], list((got[differing[0]] - expected[differing[0]]))[:2])
    assert _ledger(tmp / "cluster.duckdb") == [(p.id, 1) for p in sorted(platforms, key=lambda p: p.id)]
    # the summary, progress and on_site as in process
    assert (summary.sites, summary.observations, summary.pages) == (reference.sites, reference.observations,
                                                                    reference.pages)
    assert summary.requests > 0 and summary.failed_sites == reference.failed_sites
    assert (summary.workers, reference.workers) == (2, 0)
    # the evidence spool: the workers' records appended to the client's file, as the in-process scan writes them
    assert _spooled(tmp / "cluster-spool.warc.gz") == _spooled(tmp / "reference-spool.warc.gz")
    assert sorted(pid for pid, _ in seen) == sorted(p.id for p in platforms) and moved[-1] == len(platforms)
    websites = {p.id for p in platforms if p.kind == "website"}
    assert all(status for pid, status in seen if pid in websites)     # a homepage's visit status, never None


@pytest.mark.slow
def test_a_killed_workers_shard_is_run_again(scanned, cluster, scan_tools):
    tmp, platforms, state, _ = scanned
    address, mark = cluster
    _scan(tmp / "killed.duckdb", platforms, state, probes=("http_site", KILLER),
          settings={"CLUSTER_ADDRESS": address, "CLUSTER_SHARD_SITES": 4})
    assert mark.is_file(), "no worker was killed"
    assert int(mark.read_text()) != os.getpid()                      # a worker process, not this one
    assert _ledger(tmp / "killed.duckdb") == [(p.id, 1) for p in sorted(platforms, key=lambda p: p.id)]
    expected = _stable(scan_tools, tmp / "reference.duckdb", "http_site")
    assert _stable(scan_tools, tmp / "killed.duckdb") == expected


@pytest.mark.slow
def test_resume_on_the_cluster_scans_only_what_the_ledger_lacks(scanned, cluster, scan_tools):
    """A scan killed half-way (here: the reference store with half its platforms' rows taken out, as a kill
    leaves it) resumed on the cluster: only the missing platforms are scanned, and the store is whole again."""
    import shutil

    tmp, platforms, state, _ = scanned
    shutil.copy(tmp / "reference.duckdb", tmp / "resumed.duckdb")
    lost = [p.id for p in platforms[::2]]
    con = duckdb.connect(str(tmp / "resumed.duckdb"))
    try:
        for table in ("observations", "scan_ledger"):
            con.execute(f"DELETE FROM {table} WHERE list_contains(?, platform_id)", [lost])
    finally:
        con.close()
    summary = _scan(tmp / "resumed.duckdb", platforms, state, resume=True,
                    settings={"CLUSTER_ADDRESS": cluster[0], "CLUSTER_SHARD_SITES": 4})
    assert summary.resumed and (summary.sites, summary.skipped) == (len(lost), len(platforms) - len(lost))
    assert _ledger(tmp / "resumed.duckdb") == [(p.id, 1) for p in sorted(platforms, key=lambda p: p.id)]
    assert _stable(scan_tools, tmp / "resumed.duckdb") == _stable(scan_tools, tmp / "reference.duckdb")


@pytest.mark.slow
def test_cli_workers(scanned, scan_tools):
    tmp, platforms, state, _ = scanned
    write_registry_csv(platforms, tmp / "registry.csv")
    (tmp / "state.json").write_text(json.dumps(state), encoding="utf-8")
    write_campaign(tmp / "cli.toml", {"name": "cli", "check_date": AS_OF.isoformat(), "registry": "registry.csv",
                                      "out": "cli", "sandbox": "state.json"}, SETTINGS)
    done = scan_tools.run(["scan", str(tmp / "cli.toml"), "--workers", "2"], tmp / "cli.log", timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "集群工作进程 2" in done.stderr and "Traceback" not in done.stderr
    assert _stable(scan_tools, tmp / "cli" / "campaign.duckdb") == _stable(scan_tools, tmp / "reference.duckdb")
    refused = scan_tools.run(["scan", str(tmp / "cli.toml"), "--workers", "2", "--cluster", "tcp://127.0.0.1:1"],
                             tmp / "both.log", timeout=60)
    assert refused.returncode != 0 and "--cluster" in refused.stderr and "Traceback" not in refused.stderr


def test_an_unreachable_scheduler_is_one_clear_error(tmp_path, monkeypatch):
    from govlens.errors import ConfigError
    from govlens.probes import distributed

    async def join(address: str) -> None:
        async with distributed.cluster_client(Settings({"CLUSTER_ADDRESS": address})):
            pass

    monkeypatch.setattr(distributed, "CONNECT_TIMEOUT", 1)
    with pytest.raises(ConfigError) as caught:
        asyncio.run(join("tcp://127.0.0.1:9"))
    assert "tcp://127.0.0.1:9" in str(caught.value) and "dask scheduler" in str(caught.value)
    assert caught.value.field == "CLUSTER_ADDRESS"


def test_a_large_shard_is_committed_whole_and_once_under_the_scans_memory_limit(tmp_path):
    """A shard of 100 sites of 120 page rows (60 MB) committed in batches under DuckDB's 64 MB scan limit: every
    site with its ledger row, and a shard delivered twice (a retried task) writes nothing the second time. (The
    out-of-memory a whole 200-site crawl shard hit in one transaction is reproduced by
    benchmarks/national_scale.py --only govlens-cluster, not at this size.)"""
    from govlens.probes.distributed import ShardResult, SiteResult, _commit
    from govlens.store import ledger

    ids = [f"site-{i:03d}" for i in range(100)]

    def rows(pid: str) -> list[dict]:
        return [{"platform_id": pid, "probe": "http_site", "kind": "page", "url": f"https://{pid}.gov.cn/{n}",
                 "status": "completed", "data": json.dumps({"text": os.urandom(2500).hex()})}
                for n in range(120)]

    with CampaignStore(tmp_path / "c.duckdb") as store:
        store.write_platforms([Platform(id=i, name=i, url=f"https://{i}.gov.cn/", kind="website", org_type="", level="",
                                      province="", region="", group="") for i in ids])
        run = ledger.begin_scan(store, ["http_site"], ids)
        result = ShardResult(sites=[SiteResult(i, "completed", rows(i), 120, 0, "completed") for i in ids],
                             requests=0, spool=b"", recorded=0)
        with store.memory_limited("64MB", setting="STORE_SCAN_MEMORY_LIMIT"):
            committed = _commit(store, run, result, None)
        assert [s.platform_id for s in committed] == ids
        assert store.con.execute("SELECT count(*) FROM observations").fetchone()[0] == 100 * 120
        assert store.con.execute("SELECT count(DISTINCT platform_id) FROM scan_ledger").fetchone()[0] == 100
        assert _commit(store, run, result, None) == []        # committed sites are never written twice
