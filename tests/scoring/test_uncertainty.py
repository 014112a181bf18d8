"""Rank uncertainty: the vectorised replay must equal the engine's own, and the Sobol indices must
point at the assumption that actually moves the ranks."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from govlens.scoring.engine import replay
from govlens.scoring.rank import rank_within_groups
from govlens.scoring.uncertainty import Ranker, _normalised_for, _replicate_index, weight_pool

from .conftest import framework, run_of, simple

MINMAX = {"normalise": {"method": "minmax"}}


def data(n: int = 60, seed: int = 0) -> dict[str, list[float]]:
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 100, (n, 4)).round(1)
    x[5] = x[6]                     # two identical units: an exact tie, broken by findings then id
    x[rng.random((n, 4)) < 0.05] = np.nan
    return {k: x[:, i].tolist() for i, k in enumerate("abcd")}


def test_ranker_equals_the_published_ranking_with_ties_groups_and_vetoes() -> None:
    rng = np.random.default_rng(1)
    n = 500
    groups = rng.choice(["g1", "g2", "g3"], n)
    vetoed = rng.random(n) < 0.1
    scores = rng.integers(0, 40, (n, 6)).astype(np.float32)           # many exact ties
    scores[rng.random((n, 6)) < 0.02] = np.nan
    tiebreak = rng.permutation(n)
    ranker = Ranker(groups, vetoed, tiebreak)
    out = np.zeros((6, n), dtype=ranker.dtype)
    ranker.ranks(np.ascontiguousarray(scores[ranker.order].T), out)      # replications × units in block order
    for r in range(6):
        frame = pd.DataFrame({"id": np.arange(n), "group": groups, "index": scores[:, r].astype(float),
                              "vetoed": vetoed, "tb": tiebreak})
        expected = rank_within_groups(frame, tiebreak_count="tb", key="id").set_index("id")["rank"]
        assert (out[r] == expected.loc[ranker.order].to_numpy()).all()
    assert ranker.dtype == np.uint16


def test_without_perturbation_every_replication_reproduces_the_ranks_exactly() -> None:
    fw = framework(simple({k: MINMAX for k in "abcd"}, {"x": ["a", "b"], "y": ["c", "d"]},
                          vetoes=[{"id": "v", "indicator": "d", "op": "<", "value": 5}],
                          deductions=[{"id": "x", "indicator": "a", "per_unit": True, "points": 0.2, "max": 15}],
                          bonuses=[{"id": "b1", "indicator": "b", "op": ">", "value": 50, "points": 4, "min_index": 45},
                                   {"id": "b2", "indicator": "c", "op": ">", "value": 50, "points": 4, "min_index": 48}],
                          uncertainty={"replications": 64, "weights": {"noise": 0},
                                       "aggregation": ["weighted_arithmetic"]}))
    values = data()
    n = len(values["a"])
    run = run_of(fw, values, groups=["g1", "g2"] * (n // 2), tiebreak=[i % 3 for i in range(n)])
    res = run.results
    scored = res["index"].notna()
    assert res.loc[scored, "rank_low"].tolist() == res.loc[scored, "rank"].astype(float).tolist()
    assert res.loc[scored, "rank_high"].tolist() == res.loc[scored, "rank"].astype(float).tolist()
    assert run.analysis["rank_shift"]["mean_abs_rank_shift"].max() == 0
    assert (res["deductions"] > 0).any() and (res["bonus"] == 8).any() and (res["bonus"] == 4).any()


def test_a_batched_replication_equals_a_replay_with_the_same_weights() -> None:
    fw = framework(simple({k: MINMAX for k in "abcd"}, {"x": ["a", "b", "c"], "y": ["d"]},
                          aggregation=["weighted_geometric", "weighted_arithmetic"]))
    run = run_of(fw, data(seed=3))
    spec = type("S", (), {"weight_noise": 0.4, "weight_levels": ()})()
    pool = weight_pool(run, run.tree.nodes, spec, 5, seed=7)
    x = _normalised_for(run, (None, None, None))
    batched = _replicate_index(run, run.tree.nodes, x, pool, np.arange(5))
    for r in range(5):
        changes = {"aggregate": {node.id: {"weights": dict(zip(node.children, pool[node.id][:, r].tolist()))}
                                 for node in run.tree.nodes}}
        again = replay(run, changes)
        assert np.allclose(batched[r], again.data["aggregated"]["index"].to_numpy(), rtol=1e-5, equal_nan=True)


def test_intervals_are_ordered_deterministic_and_wider_for_close_units() -> None:
    doc = simple({k: MINMAX for k in "ab"}, uncertainty={"replications": 300, "weights": {"noise": 0.5}, "seed": 5})
    values = {"a": [100.0, 0.0, 50.0, 52.0, 10.0], "b": [100.0, 0.0, 52.0, 50.0, 5.0]}
    one = run_of(framework(doc), values).results
    two = run_of(framework(doc), values).results
    assert one[["rank_median", "rank_low", "rank_high"]].equals(two[["rank_median", "rank_low", "rank_high"]])
    assert (one["rank_low"] <= one["rank_median"]).all() and (one["rank_median"] <= one["rank_high"]).all()
    assert (one.loc["u0", "rank_low"], one.loc["u0", "rank_high"]) == (1, 1)        # best on both: always first
    assert (one.loc["u1", "rank_low"], one.loc["u1", "rank_high"]) == (5, 5)
    assert one.loc["u2", "rank_low"] == 2 and one.loc["u2", "rank_high"] == 3          # the close pair swaps


def test_sobol_indices_point_at_the_assumption_that_moves_the_ranks() -> None:
    # a and b disagree completely, so how they are normalised (goalposts vs ranks) decides the order,
    # while ±1 % on the weights hardly matters
    rng = np.random.default_rng(2)
    a = rng.uniform(0, 1, 80) ** 4 * 100
    b = 100 - rng.uniform(0, 100, 80)
    doc = simple({"a": {"normalise": {"method": "bounded_linear", "worst": 0, "best": 100}},
                  "b": {"normalise": {"method": "bounded_linear", "worst": 0, "best": 100}}},
                 uncertainty={"replications": 520, "weights": {"noise": 0.01}, "normalisation": ["percentile_rank"]})
    run = run_of(framework(doc), {"a": a.tolist(), "b": b.tolist()})
    sens = run.analysis["sensitivity"].set_index("factor")
    assert sens.loc["normalisation", "ST"] > 0.8 and sens.loc["weights", "ST"] < 0.1
    info = run.analysis["uncertainty"].iloc[0]
    assert info["design"] == "saltelli" and info["replications"] == 520 // 4 * 4      # N·(k + 2), k = 2


def test_plain_monte_carlo_without_sensitivity() -> None:
    doc = simple({k: MINMAX for k in "ab"}, uncertainty={"replications": 77, "weights": {"noise": 0.3},
                                                        "sensitivity": False})
    run = run_of(framework(doc), {"a": [1.0, 2.0, 3.0], "b": [3.0, 2.0, 1.0]})
    assert run.analysis["uncertainty"].iloc[0]["replications"] == 77 and run.analysis["sensitivity"].empty
    logged = {s.verb: s.params for s in run.log}["uncertainty"]
    assert logged["replications"] == 77 and logged["factors"] == {"weights": []}


def test_imputation_and_treatment_alternatives_replay_the_data_steps() -> None:
    values = data(seed=4)
    values["a"][0] = 10_000.0                    # an outlier that winsorisation would tame
    doc = simple({k: MINMAX for k in "abcd"}, {"x": list("abcd")},
                 uncertainty={"replications": 40, "weights": {"noise": 0},
                              "imputation": ["indicator_mean"], "treatment": ["winsorise"], "sensitivity": False})
    run = run_of(framework(doc), values)
    shifts = run.analysis["rank_shift"]
    assert shifts.loc[shifts["imputation"] >= 0.5, "mean_abs_rank_shift"].max() > 0
    assert shifts.loc[(shifts["imputation"] < 0.5) & (shifts["treatment"] < 0.5), "mean_abs_rank_shift"].max() == 0
    assert pytest.approx(0) != shifts.loc[shifts["treatment"] >= 0.5, "mean_abs_rank_shift"].max()


def test_a_factor_can_list_exactly_its_choices_without_the_nominal() -> None:
    """Nominal minmax, but the Monte Carlo draws only `rank`: every replication ranks as a run whose own
    normalisation is `rank` (with a plain list, about half the draws would be the nominal minmax)."""
    rng = np.random.default_rng(3)
    x = {k: (rng.lognormal(0, 1.5, 40)).round(3).tolist() for k in "ab"}      # skewed: rank ≠ minmax order
    only_rank = {"replications": 40, "weights": {"noise": 0}, "normalisation": {"choices": ["rank"]},
                 "sensitivity": False}
    run = run_of(framework(simple({k: MINMAX for k in "ab"}, uncertainty=only_rank)), x)
    by_rank = run_of(framework(simple({k: {"normalise": {"method": "rank"}} for k in "ab"})), x)
    assert run.results["rank"].tolist() != by_rank.results["rank"].tolist()
    assert run.results["rank_median"].tolist() == by_rank.results["rank"].astype(float).tolist()
    assert run.results["rank_low"].tolist() == run.results["rank_high"].tolist()
    logged = next(s for s in run.log if s.verb == "uncertainty").params["factors"]
    assert logged == {"normalisation": [{"method": "rank"}]}


def test_a_published_winmax_design_and_the_nominal_placeholder() -> None:
    choices = [{"method": "winsorise", "winmax": k} for k in range(1, 6)]
    fw = framework(simple({k: MINMAX for k in "abcd"}, {"x": ["a", "b"], "y": ["c", "d"]}, uncertainty={
        "replications": 50, "weights": {"noise": 0}, "treatment": {"choices": choices}, "sensitivity": False,
        "imputation": {"choices": ["nominal", "indicator_mean"]}}))
    assert fw.uncertainty.exact == ("imputation", "treatment")
    run = run_of(fw, data(40))
    factors = next(s for s in run.log if s.verb == "uncertainty").params["factors"]
    assert [c["winmax"] for c in factors["treatment"]] == [1, 2, 3, 4, 5]
    assert factors["imputation"] == [None, {"method": "indicator_mean"}]


@pytest.mark.parametrize("value, field", [({"choices": []}, "uncertainty.treatment.choices"),
                                          ({"choice": ["none"]}, "uncertainty.treatment.choice"),
                                          ({"choices": ["nope"]}, "uncertainty.treatment.choices[0]")])
def test_bad_exact_choices_name_their_key(value, field) -> None:
    from govlens.errors import FrameworkError
    from govlens.scoring.table import from_frame
    from govlens.scoring.engine import build_index

    with pytest.raises(FrameworkError) as info:
        fw = framework(simple({k: MINMAX for k in "ab"}, uncertainty={"treatment": value}))
        build_index(from_frame(pd.DataFrame(data(10)).iloc[:, :2]), fw)
    assert info.value.field == field


@pytest.mark.parametrize("ties", ["min", "max", "average", "dense", "first"])
def test_ranker_gives_tied_units_the_ties_method_rank(ties) -> None:
    rng = np.random.default_rng(2)
    n = 400
    groups = rng.choice(["g1", "g2"], n)
    vetoed = rng.random(n) < 0.15
    scores = rng.integers(0, 15, (n, 5)).astype(np.float32)
    scores[rng.random((n, 5)) < 0.03] = np.nan
    counts = rng.integers(0, 3, n).astype(float)
    tiebreak = np.empty(n, dtype=np.int64)
    tiebreak[np.lexsort((np.arange(n), counts))] = np.arange(n)
    ranker = Ranker(groups, vetoed, tiebreak, ties, counts)
    out = np.zeros((5, n), dtype=ranker.dtype)
    ranker.ranks(np.ascontiguousarray(scores[ranker.order].T), out)
    for r in range(5):
        frame = pd.DataFrame({"id": np.arange(n), "group": groups, "index": scores[:, r].astype(float),
                              "vetoed": vetoed, "tb": counts})
        expected = rank_within_groups(frame, tiebreak_count="tb", key="id", ties=ties).set_index("id")["rank"]
        assert np.array_equal(out[r], expected.loc[ranker.order].to_numpy())


def test_with_ties_min_an_unperturbed_monte_carlo_reproduces_the_shared_ranks() -> None:
    x = {"a": [5.0, 5.0, 3.0, 1.0, 5.0], "b": [2.0, 2.0, 9.0, 1.0, 2.0]}
    fw = framework(simple({k: {"normalise": {"method": "none"}} for k in "ab"},
                          uncertainty={"replications": 20, "weights": {"noise": 0}, "sensitivity": False}))
    run = run_of(fw, x)
    assert run.results["rank"].tolist() == [2, 2, 1, 5, 2]
    assert run.results["rank_median"].tolist() == [2, 2, 1, 5, 2]
