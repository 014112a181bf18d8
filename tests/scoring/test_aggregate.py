"""Aggregation: the four means by hand, batched weights, Copeland, per-level methods and clear errors."""
from __future__ import annotations

import numpy as np
import pytest

from govlens.errors import FrameworkError
from govlens.scoring.aggregate import copeland, generalised_mean, power_mean, weighted_arithmetic, weighted_harmonic
from govlens.scoring.methods import ParamError

from .conftest import col, framework, run_of, simple

MINMAX1 = {"normalise": {"method": "minmax", "l": 1, "u": 100}}


def test_the_means_by_hand() -> None:
    x, w = np.array([[100.0, 25.0]]), np.array([1.0, 1.0])
    assert power_mean(x, w, 1.0)[0][0] == 62.5
    assert power_mean(x, w, 0.0)[0][0] == pytest.approx(50)
    assert weighted_harmonic(x, w)[0][0] == pytest.approx(40)                       # 2 / (1/100 + 1/25)
    assert generalised_mean(x, w, p=2)[0][0] == pytest.approx(np.sqrt((100 ** 2 + 25 ** 2) / 2))
    assert power_mean(x, np.array([3.0, 1.0]), 1.0)[0][0] == pytest.approx(81.25)


def test_many_weight_sets_at_once_equal_one_at_a_time() -> None:
    rng = np.random.default_rng(0)
    x = rng.uniform(1, 100, (50, 4))
    x[rng.random((50, 4)) < 0.2] = np.nan
    w = rng.uniform(0.5, 1.5, (4, 7))
    for p in (1.0, 0.0, -1.0, 0.5):
        batched, cov = power_mean(x, w, p)
        for r in range(7):
            one, c1 = power_mean(x, w[:, r], p)
            assert np.allclose(batched[:, r], one, equal_nan=True) and np.allclose(cov[:, r], c1)


def test_missing_children_are_skipped_and_reweighted_and_min_coverage() -> None:
    x = np.array([[100.0, 50.0], [np.nan, 50.0], [np.nan, np.nan]])
    agg, cov = weighted_arithmetic(x, np.array([3.0, 1.0]))
    assert agg[0] == 87.5 and agg[1] == 50 and np.isnan(agg[2]) and cov.tolist() == [1, 0.25, 0]
    agg, _ = weighted_arithmetic(x, np.array([3.0, 1.0]), min_coverage=0.5)
    assert agg[0] == 87.5 and np.isnan(agg[1])


def test_geometric_lifts_zeros_and_refuses_negatives() -> None:
    assert power_mean(np.array([[0.0, 100.0]]), np.array([1.0, 1.0]), 0.0)[0][0] == pytest.approx(10)
    with pytest.raises(ParamError):
        power_mean(np.array([[-1.0, 100.0]]), np.array([1.0, 1.0]), 0.0)
    with pytest.raises(ParamError):
        power_mean(np.array([[0.0, 100.0]]), np.array([1.0, 1.0]), -1.0, zero_floor=None)


def test_negative_scores_under_geometric_aggregation_are_a_clear_error() -> None:
    fw = framework(simple({"a": {"normalise": {"method": "zscore"}}, "b": {"normalise": {"method": "zscore"}}},
                          aggregation="weighted_geometric"))
    with pytest.raises(FrameworkError) as info:
        run_of(fw, {"a": [1.0, 2.0, 3.0], "b": [3.0, 1.0, 2.0]})
    msg = str(info.value)
    assert info.value.field == "aggregation" and "“d” 的 weighted_geometric 汇总需要正的得分" in msg
    assert "子项 “a” 有 1 个单位为负值（例如单位 “u0” = -1）" in msg


def test_copeland_by_hand_and_non_compensatory() -> None:
    # A beats B and C on both children; B and C split → Copeland 2, −1, −1 → 100, 25, 25
    scores, _ = copeland(np.array([[3.0, 3.0], [2.0, 1.0], [1.0, 2.0]]), np.array([1.0, 1.0]))
    assert scores.tolist() == [100, 25, 25]
    # D is far ahead on one child only: the mean puts D first, Copeland puts E (better on both than F) first
    x = np.array([[100.0, 10.0], [50.0, 50.0], [49.0, 49.0]])
    assert weighted_arithmetic(x, np.array([1.0, 1.0]))[0].argmax() == 0
    assert copeland(x, np.array([1.0, 1.0]))[0].argmax() == 1
    with pytest.raises(ParamError, match="max_units"):
        copeland(np.ones((11, 2)), np.ones(2), max_units=10)


def test_a_method_per_level_and_per_node() -> None:
    values = {"a": [10.0, 90.0, 40.0], "b": [90.0, 10.0, 60.0], "c": [50.0, 50.0, 20.0]}
    inds = {k: {"normalise": {"method": "none"}} for k in values}
    dims = {"x": ["a", "b"], "y": ["c"]}
    per_level = run_of(framework(simple(inds, dims, aggregation=["weighted_geometric", "weighted_arithmetic"])), values)
    x = col(per_level, "aggregated", "x")
    assert x[0] == pytest.approx(30) and x[1] == pytest.approx(30)                  # √(10·90)
    assert col(per_level, "aggregated", "index")[0] == pytest.approx(40)            # (30 + 50) / 2
    doc = simple(inds, dims)
    doc["dimensions"][0]["aggregation"] = "weighted_harmonic"
    doc["index"] = {"aggregation": {"method": "generalised_mean", "p": 2}}
    per_node = run_of(framework(doc), values)
    assert col(per_node, "aggregated", "x")[0] == pytest.approx(18)                 # 2 / (1/10 + 1/90)
    assert col(per_node, "aggregated", "index")[0] == pytest.approx(np.sqrt((18 ** 2 + 50 ** 2) / 2))
    with pytest.raises(FrameworkError) as info:
        run_of(framework(simple(inds, dims, aggregation=["weighted_arithmetic"])), values)
    assert info.value.field == "aggregation" and "指标树有 2 层汇总" in str(info.value)


def test_nested_dimensions() -> None:
    doc = {"id": "t", "dimensions": [
        {"id": "top", "weight": 1, "dimensions": [
            {"id": "s1", "weight": 1, "indicators": [{"id": "a", "normalise": {"method": "none"}}]},
            {"id": "s2", "weight": 3, "indicators": [{"id": "b", "normalise": {"method": "none"}}]}]},
        {"id": "other", "weight": 1, "indicators": [{"id": "c", "normalise": {"method": "none"}}]}]}
    run = run_of(framework(doc), {"a": [0.0, 100.0], "b": [100.0, 0.0], "c": [0.0, 0.0]})
    assert col(run, "aggregated", "top").tolist() == [75, 25]
    assert col(run, "aggregated", "index").tolist() == [37.5, 12.5]
    assert run.tree.levels == 3 and run.tree.node("top").level == 2


def test_copeland_as_the_index_method() -> None:
    inds = {k: {"normalise": {"method": "none"}} for k in ("a", "b")}
    values = {"a": [100.0, 50.0, 49.0], "b": [10.0, 50.0, 49.0]}
    assert run_of(framework(simple(inds)), values).results["rank"].tolist() == [1, 2, 3]
    run = run_of(framework(simple(inds, aggregation=["copeland", "weighted_arithmetic"])), values)
    assert run.results["rank"].tolist() == [2, 1, 3] and run.results["index"].tolist() == [50, 75, 25]   # (c + n − 1) / (2 (n − 1)), c = 0, 1, −1


def _units_invariance_runs(aggregation: str, **uncertainty: object) -> tuple[object, object]:
    rng = np.random.default_rng(23)
    data = {k: rng.uniform(0.05, 1.0, 23).tolist() for k in ("a", "b", "c", "d")}
    inds = {k: {"normalise": {"method": "none"}} for k in data}
    fw = framework(simple(inds, dims={"x": ["a", "b"], "y": ["c", "d"]}, aggregation=aggregation,
                          **({"uncertainty": uncertainty} if uncertainty else {})))
    small = run_of(fw, data, uncertainty_spec=bool(uncertainty))
    large = run_of(fw, {k: [v * 100 for v in vs] for k, vs in data.items()}, uncertainty_spec=bool(uncertainty))
    return small, large


@pytest.mark.parametrize("aggregation", ["weighted_geometric", "weighted_harmonic"])
def test_geometric_and_harmonic_ranks_do_not_depend_on_the_units(aggregation: str) -> None:
    """0–1 data and the same data × 100 rank alike under a mean that is homogeneous of degree 1
    (once values below 1 were lifted to 1, 0–1 data collapsed to ties)."""
    small, large = _units_invariance_runs(aggregation)
    a, b = small.results["index"].to_numpy(float), large.results["index"].to_numpy(float)
    assert np.allclose(a * 100, b)
    assert small.results["rank"].tolist() == large.results["rank"].tolist()
    assert len(set(small.results["rank"])) == 23                       # no collapse to ties


def test_geometric_units_invariance_holds_in_the_monte_carlo_too() -> None:
    small, large = _units_invariance_runs("weighted_geometric", replications=64, seed=5, weights={"noise": 0.3},
                                          sensitivity=False)
    for col in ("rank_median", "rank_low", "rank_high"):
        assert small.results[col].tolist() == large.results[col].tolist()
    assert (small.results["rank_high"] - small.results["rank_low"]).max() > 0    # the weights did move ranks


def test_only_zeros_are_lifted() -> None:
    agg, _ = power_mean(np.array([[0.25, 0.04], [0.0, 100.0]]), np.array([1.0, 1.0]), 0.0)
    assert agg[0] == pytest.approx(0.1) and agg[1] == pytest.approx(10)
