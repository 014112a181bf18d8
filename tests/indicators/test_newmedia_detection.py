"""Detection of dormant accounts, bought followers and over-reported figures against the sandbox's truth.

2,000 generated accounts × 90 days of statistics are written in the importer's CSV format,
imported into a real DuckDB store, and the checks run as in a campaign; their findings are
compared with the ground truth per kind (precision and recall printed, ≥ 0.9 required).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govlens.contract import defects as D
from govlens.contract.defects import match_key
from govlens.indicators.run import run_indicators
from govlens.probes.importers import newmedia_stats, newmedia_submissions
from govlens.sandbox.check import compare, format_scores
from govlens.sandbox.newmedia import build_newmedia, generate_accounts
from govlens.sandbox.newmedia_files import write_stats_csv
from govlens.settings import Settings
from govlens.store import CampaignStore
from govlens.text import render

AS_OF = dt.date(2013, 12, 15)
N = 2000


@pytest.fixture(scope="module")
def campaign(tmp_path_factory):
    out = tmp_path_factory.mktemp("nm")
    platforms = generate_accounts(N, seed=7)
    nm = build_newmedia(platforms, 7, AS_OF, detailed=set())
    stats = write_stats_csv(nm.iter_stats(), out / "stats.csv")
    subs = nm.write_files(out / "files")["submissions"]
    store = CampaignStore(out / "c.duckdb")
    store.write_platforms(platforms)
    newmedia_stats.import_file(store, stats, platforms, check_date=AS_OF)
    newmedia_submissions.import_file(store, subs, platforms, check_date=AS_OF)
    settings = Settings({"CHECK_DATE": AS_OF.isoformat()})
    run_indicators(store, platforms, indicator_ids=["update-recency", "follower-anomaly", "submission-accuracy",
                                                    "followers"], check_date=AS_OF, settings=settings)
    yield store, nm
    store.close()


def _keys(rows):
    return {match_key(pid, kind, url) for pid, kind, url in rows}


def test_detection_precision_and_recall(campaign) -> None:
    store, nm = campaign
    truth = _keys((s["platform_id"], d["kind"], d["url"]) for s in nm.truth() for d in s["defects"])
    found = _keys(store.con.execute("SELECT platform_id, kind, url FROM findings").fetchall())
    scores = compare(truth, found, kinds=D.NEWMEDIA_KINDS)
    print("\n" + format_scores(scores))
    for s in scores:
        assert s.truth >= 30, s
        assert s.precision >= 0.9 and s.recall >= 0.9, format_scores([s])


def test_suspicious_followers_are_reported_not_scored(campaign) -> None:
    store, nm = campaign
    bought = next(a for a in nm.accounts if a.bought and a.dormant_days is None)
    value = store.con.execute("SELECT value, detail FROM indicator_values WHERE platform_id = ? "
                              "AND indicator_id = 'followers'", [bought.platform.id]).fetchone()
    end = store.con.execute('SELECT arg_max(followers, "date") FROM nm_stats WHERE platform_id = ?',
                            [bought.platform.id]).fetchone()[0]
    assert value[0] < end * 0.9 and "suspicious" in render(value[1], "en") and "异常增长" in render(value[1])
    finding = store.con.execute("SELECT detail FROM findings WHERE platform_id = ? AND kind = 'bought_followers'",
                                [bought.platform.id]).fetchone()
    assert finding is not None and "without reads" in render(finding[0], "en")


def test_statistics_are_deterministic_and_realistic(tmp_path: Path) -> None:
    platforms = generate_accounts(300, seed=3)
    a = write_stats_csv(build_newmedia(platforms, 3, AS_OF, detailed=set()).iter_stats(), tmp_path / "a.csv")
    b = write_stats_csv(build_newmedia(platforms, 3, AS_OF, detailed=set()).iter_stats(), tmp_path / "b.csv")
    c = write_stats_csv(build_newmedia(platforms, 4, AS_OF, detailed=set()).iter_stats(), tmp_path / "c.csv")
    assert a.read_bytes() == b.read_bytes() != c.read_bytes()
    frame = build_newmedia(platforms, 3, AS_OF, detailed=set()).stats_frame()
    assert len(frame) == 300 * 90
    followers = frame.groupby("platform_id")["followers"].last()
    assert followers.max() > 20 * followers.median()                 # heavy tail
    weekday = frame.assign(wd=frame["date"].map(lambda d: d.weekday())).groupby("wd")["posts"].mean()
    assert weekday[[5, 6]].mean() < 0.7 * weekday[[0, 1, 2, 3, 4]].mean()   # weekly rhythm
