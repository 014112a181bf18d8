"""score_campaign on a real DuckDB store with hand-made indicator values."""
from __future__ import annotations

from pathlib import Path

import pytest

from govlens.errors import ScoringError, StoreError
from govlens.frameworks import parse_framework
from govlens.registry import Platform
from govlens.scoring import score_campaign
from govlens.store import CampaignStore

FRAMEWORK_DOC = {
    "id": "t", "dimensions": [
        {"id": "access", "weight": 3, "indicators": [
            {"id": "availability", "weight": 1, "normalise": {"method": "bounded_linear", "worst": 0.5, "best": 0}}]},
        {"id": "fresh", "weight": 1, "indicators": [
            {"id": "homepage-freshness", "weight": 1, "normalise": {"method": "bounded_linear", "worst": 30, "best": 0}},
            {"id": "site-search", "weight": 1, "normalise": {"method": "bounded_linear", "worst": 0, "best": 1}}]}],
    "vetoes": [{"id": "homepage-not-updated", "title": "首页不更新", "indicator": "homepage-freshness", "op": ">",
                "value": 14}]}
FRAMEWORK = parse_framework(FRAMEWORK_DOC, "t.yaml")


def platform(pid: str, group: str = "g") -> Platform:
    return Platform(pid, pid, "website", "government", "prefecture", "江苏", "east", f"http://{pid}.gov.cn/", group)


def value(pid: str, ind: str, v: float | None, status: str = "ok") -> dict:
    return {"platform_id": pid, "indicator_id": ind, "value": v, "status": status, "detail": "", "evidence": []}


@pytest.fixture
def store(tmp_path: Path) -> CampaignStore:
    s = CampaignStore(tmp_path / "c.duckdb")
    s.write_platforms([platform("a"), platform("b"), platform("c"), platform("d", "other")])
    s.insert("indicator_values", [
        value("a", "availability", 0.0), value("a", "homepage-freshness", 3), value("a", "site-search", 1),
        value("b", "availability", 0.25), value("b", "homepage-freshness", 0), value("b", "site-search", None, "missing"),
        value("c", "availability", 0.0), value("c", "homepage-freshness", 20), value("c", "site-search", 1),
        value("d", "availability", 0.0), value("d", "homepage-freshness", 0),
    ])
    yield s
    s.close()


def test_index_by_hand(store: CampaignStore) -> None:
    summary = score_campaign(store, FRAMEWORK)
    res = {r["platform_id"]: r for r in store.rows("results")}
    # a: access 100; fresh = mean(90, 100) = 95; index = (3*100 + 95) / 4
    assert res["a"]["index"] == pytest.approx(98.75)
    # b: access 50; site-search missing → fresh = 100 alone (reweighted); index = (150 + 100) / 4
    assert res["b"]["index"] == pytest.approx(62.5)
    assert res["b"]["coverage"] == pytest.approx(0.875)
    dims = {(r["platform_id"], r["dimension_id"]): r["score"] for r in store.rows("dimension_scores")}
    assert dims[("b", "fresh")] == 100.0
    statuses = {(r["platform_id"], r["indicator_id"]): r["status"] for r in store.rows("indicator_scores")}
    assert statuses[("b", "site-search")] == "missing" and statuses[("d", "site-search")] == "missing"
    # c is vetoed (20 days > 14) and ranks last in its group despite a higher index than b
    assert res["c"]["vetoed"] and res["c"]["vetoes"][0]["id"] == "homepage-not-updated"
    assert res["c"]["index"] > res["b"]["index"]
    assert [res[p]["rank"] for p in "abc"] == [1, 2, 3] and res["a"]["group_size"] == 3
    assert res["d"]["rank"] == 1 and res["d"]["group_size"] == 1
    assert summary.vetoed == 1 and summary.scored == 4
    steps = [r["step"] for r in store.rows("run_log", order_by="seq", stage="scoring")]
    assert steps == ["denominate", "screen", "impute", "treat", "normalise", "aggregate", "apply_rules", "rank",
                     "statistics"]
    logged = {r["step"]: r["params"] for r in store.rows("run_log", stage="scoring")}
    assert logged["aggregate"]["index"]["weights"] == {"access": 0.75, "fresh": 0.25}
    assert logged["normalise"]["availability"] == {"method": "bounded_linear", "worst": 0.5, "best": 0, "direction": -1}


def test_rerun_replaces(store: CampaignStore) -> None:
    score_campaign(store, FRAMEWORK)
    score_campaign(store, FRAMEWORK)
    assert store.count("results") == 4
    assert store.count("run_log", stage="scoring") == 9
    assert store.count("indicator_scores") == 12 and store.count("dimension_scores") == 8


def test_needs_indicator_values(tmp_path: Path) -> None:
    with CampaignStore(tmp_path / "e.duckdb") as s:
        s.write_platforms([platform("a")])
        with pytest.raises(StoreError, match="govlens scan"):
            score_campaign(s, FRAMEWORK)


def test_needs_platforms_of_the_framework_kind(tmp_path: Path) -> None:
    with CampaignStore(tmp_path / "e.duckdb") as s:
        with pytest.raises(ScoringError, match="名录中没有网站类平台"):
            score_campaign(s, FRAMEWORK)


def test_rank_intervals_and_engine_tables_are_stored(store: CampaignStore) -> None:
    fw = parse_framework({**FRAMEWORK_DOC, "uncertainty": {"replications": 60, "weights": {"noise": 0.3},
                                                           "aggregation": ["weighted_geometric"]},
                          "deductions": [{"id": "slow", "indicator": "availability", "op": ">", "value": 0.1,
                                          "points": 5}]}, "t.yaml")
    summary = score_campaign(store, fw)
    assert summary.replications == 60 // 4 * 4
    intervals = {r["platform_id"]: r for r in store.rows("rank_intervals", framework="t")}
    results = {r["platform_id"]: r for r in store.rows("results", framework="t")}
    assert set(intervals) == set(results)
    for pid, r in intervals.items():
        assert r["rank"] == results[pid]["rank"] and r["rank_low"] <= r["rank_median"] <= r["rank_high"]
        assert (r["quantile_low"], r["quantile_high"], r["replications"]) == (0.05, 0.95, summary.replications)
    assert intervals["d"]["rank_low"] == intervals["d"]["rank_high"] == 1          # alone in its group
    details = {r["platform_id"]: r for r in store.rows("index_details", framework="t")}
    assert details["b"]["deductions"] == 5 and details["a"]["deductions"] == 0
    assert results["b"]["index"] == pytest.approx(details["b"]["aggregated"] - 5)
    weights = {(r["node"], r["child"]): r["weight"] for r in store.rows("index_weights", framework="t")}
    assert weights[("index", "access")] == 0.75
    assert {r["factor"] for r in store.rows("sensitivity", framework="t")} == {"weights", "aggregation"}
    names = {r["name"] for r in store.rows("scoring_analysis", framework="t")}
    assert {"imputation", "treatment", "node_stats", "flags", "uncertainty", "notes"} <= names


def test_imputed_values_are_marked(store: CampaignStore) -> None:
    fw = parse_framework({**FRAMEWORK_DOC, "impute": "indicator_mean"}, "t.yaml")
    score_campaign(store, fw)
    statuses = {(r["platform_id"], r["indicator_id"]): (r["status"], r["score"]) for r in store.rows("indicator_scores")}
    assert statuses[("b", "site-search")] == ("imputed", 100.0)


def test_framework_groups_limit_the_units_scored(store: CampaignStore) -> None:
    fw = parse_framework({**FRAMEWORK_DOC, "platform_groups": ["other"]}, "t.yaml")
    summary = score_campaign(store, fw)
    assert summary.platforms == 1 and {r["platform_id"] for r in store.rows("results")} == {"d"}
    with pytest.raises(ScoringError, match="nope组"):
        score_campaign(store, parse_framework({**FRAMEWORK_DOC, "platform_groups": ["nope"]}, "t.yaml"))


def test_tied_platforms_share_a_rank_and_average_is_refused_before_the_store_changes(store: CampaignStore) -> None:
    from govlens.errors import FrameworkError

    doc = {**FRAMEWORK_DOC, "vetoes": []}
    store.insert("indicator_values", [value("e", "availability", 0.0), value("e", "homepage-freshness", 3),
                                      value("e", "site-search", 1)])
    store.write_platforms([platform("a"), platform("b"), platform("c"), platform("d", "other"), platform("e")])
    score_campaign(store, parse_framework(doc, "t.yaml"))
    res = {r["platform_id"]: r for r in store.rows("results")}
    assert res["e"]["index"] == res["a"]["index"] and res["a"]["rank"] == res["e"]["rank"] == 1   # a twin of a
    before = store.count("run_log", stage="scoring")
    with pytest.raises(FrameworkError, match="半名次"):
        score_campaign(store, parse_framework({**doc, "rank": {"ties": "average"}}, "t.yaml"))
    assert store.count("run_log", stage="scoring") == before and store.count("results") == 5
