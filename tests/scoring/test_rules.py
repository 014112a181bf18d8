"""Vetoes, deductions, bonuses and qualification after aggregation (the 2019 inspection scheme)."""
from __future__ import annotations

import numpy as np
import pytest

from govlens.errors import FrameworkError
from govlens.frameworks import parse_framework

from .conftest import framework, run_of, simple

NONE = {"normalise": {"method": "none"}}


def scheme(**extra):
    return framework(simple({"score": NONE}, **extra))


def test_deductions_are_capped_per_rule_and_the_index_never_goes_below_zero() -> None:
    fw = scheme(deductions=[
        {"id": "stale", "indicator": "stale", "points": 2, "per_unit": True, "max": 10},
        {"id": "no-search", "indicator": "search", "op": "==", "value": 0, "points": 5}])
    run = run_of(fw, {"score": [90.0, 90.0, 90.0, 8.0], "stale": [1.0, 7.0, np.nan, 3.0],
                      "search": [1.0, 0.0, 0.0, 0.0]})
    res = run.results
    assert res["deductions"].tolist() == [2, 15, 5, 11]          # 2·1; min(14, 10) + 5; missing → 0; 6 + 5
    assert res["index"].tolist() == [88, 75, 85, 0]
    assert res["aggregated"].tolist() == [90, 90, 90, 8]


def test_bonus_only_above_its_threshold_and_qualification() -> None:
    fw = scheme(deductions=[{"id": "d", "indicator": "errors", "points": 1, "per_unit": True, "max": 30}],
                bonuses=[{"id": "b", "indicator": "services", "points": 3, "per_unit": True, "max": 30, "min_index": 80}],
                qualify={"min_index": 60})
    run = run_of(fw, {"score": [95.0, 85.0, 70.0], "errors": [0.0, 10.0, 5.0], "services": [20.0, 20.0, 2.0]})
    res = run.results
    assert res["bonus"].tolist() == [30, 0, 0]                    # capped; 85 − 10 = 75 < 80
    assert res["index"].tolist() == [125, 75, 65]
    assert res["qualified"].tolist() == [True, True, True]
    run = run_of(fw, {"score": [55.0], "errors": [0.0], "services": [0.0]})
    assert run.results["qualified"].tolist() == [False]


def test_vetoes_rank_last_and_missing_values_never_trigger() -> None:
    fw = scheme(vetoes=[{"id": "stale-home", "title": "首页不更新", "indicator": "days", "op": ">", "value": 14}])
    run = run_of(fw, {"score": [99.0, 50.0, 40.0], "days": [30.0, 3.0, np.nan]})
    res = run.results
    assert res["vetoed"].tolist() == [True, False, False] and res["rank"].tolist() == [3, 1, 2]
    assert res["vetoes"].iloc[0] == [{"id": "stale-home", "indicator": "days", "value": 30.0, "title": "首页不更新"}]
    assert res["index"].iloc[0] == 99                              # a veto does not change the index


def test_rule_keys_are_validated() -> None:
    with pytest.raises(FrameworkError) as info:
        parse_framework(simple({"s": NONE}, deductions=[{"id": "d", "indicator": "x", "points": 2}]), "f.yaml")
    assert info.value.field == "deductions[0]" and "per_unit" in str(info.value)
    with pytest.raises(FrameworkError) as info:
        parse_framework(simple({"s": NONE}, deductions=[{"id": "d", "indicator": "x", "points": 2,
                                                          "per_unit": True}]), "f.yaml")
    assert info.value.field == "deductions[0].max"


def test_a_framework_takes_the_national_checks_step_rules_with_the_same_points() -> None:
    rules = [{"id": "slow", "indicator": "ms", "per": 1000, "above": 3000, "points": 1, "max": 3},
             {"id": "guides", "indicator": "guides", "per": 0.05, "below": 1.0, "points": 1, "max": 10}]
    fw = scheme(deductions=rules)
    ms, guides = [400.0, 5200.0, 9000.0, np.nan], [1.0, 0.8, 0.1, 0.95]
    run = run_of(fw, {"score": [90.0] * 4, "ms": ms, "guides": guides})
    assert run.results["deductions"].tolist() == [0, 2 + 4, 3 + 10, 1]   # int(2200/1000) = 2; (1 − 0.8)/0.05 = 4
    one = [sum(r.points_for(x) for r, x in zip(fw.deductions, xs) if x == x) for xs in zip(ms, guides)]
    assert one == run.results["deductions"].tolist()                      # the scheme's scalar reading agrees
