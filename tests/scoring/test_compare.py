"""Year over year: movements explained by dimension (Shapley), from index folders and campaign stores."""
from __future__ import annotations

from itertools import permutations
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from govlens.frameworks.model import MethodSpec
from govlens.scoring.compare import ResultSet, compare, load_results, shapley, summary
from govlens.scoring.export import write_outputs

from .conftest import framework, run_of, simple

NONE = {"normalise": {"method": "none"}}


def result_set(dims: dict[str, list[float]], weights: list[float], method: str = "weighted_arithmetic",
               ids: list[str] | None = None, groups: list[str] | None = None) -> ResultSet:
    from govlens.scoring.aggregate import METHODS
    ids = ids or [f"u{i}" for i in range(len(next(iter(dims.values()))))]
    x = np.column_stack(list(dims.values()))
    index = METHODS[method](x, np.array(weights))[0]
    table = pd.DataFrame({"name": ids, "group": groups or ["g"] * len(ids), "index": index, **dims}, index=ids)
    table["rank"] = table["index"].rank(ascending=False, method="first")
    return ResultSet("t", table, list(dims), np.array(weights, dtype=float), MethodSpec(method))


def test_arithmetic_contributions_are_the_weighted_changes() -> None:
    old = result_set({"x": [50.0, 80.0], "y": [50.0, 20.0]}, [3, 1])
    new = result_set({"x": [60.0, 50.0], "y": [30.0, 20.0]}, [3, 1])
    table = compare(old, new)
    assert table.loc["u0", "contribution_x"] == pytest.approx(3 / 4 * 10)
    assert table.loc["u0", "contribution_y"] == pytest.approx(1 / 4 * -20)
    assert table.loc["u0", "index_change"] == pytest.approx(2.5) and table.loc["u0", "contribution_other"] == pytest.approx(0)
    assert table.loc["u1", "main_driver"] == "x"
    assert table.loc["u0", "rank_change"] == 1 and table.loc["u1", "rank_change"] == -1


def test_shapley_adds_up_for_a_geometric_index_and_matches_the_definition() -> None:
    rng = np.random.default_rng(0)
    old, new = rng.uniform(10, 100, (20, 3)), rng.uniform(10, 100, (20, 3))
    w = np.array([1.0, 2.0, 3.0])

    def f(x: np.ndarray) -> np.ndarray:
        return np.exp((np.log(x) * w).sum(axis=1) / w.sum())
    phi = shapley(old, new, f)
    assert phi.sum(axis=1) == pytest.approx(f(new) - f(old))
    # the Shapley value as the mean over orderings of the marginal effects
    by_order = np.zeros_like(phi)
    orders = list(permutations(range(3)))
    for order in orders:
        x = old.copy()
        for j in order:
            before = f(x)
            x[:, j] = new[:, j]
            by_order[:, j] += (f(x) - before) / len(orders)
    assert phi == pytest.approx(by_order)


def test_many_dimensions_use_the_one_at_a_time_approximation_with_the_same_total() -> None:
    rng = np.random.default_rng(1)
    old, new = rng.uniform(10, 100, (5, 14)), rng.uniform(10, 100, (5, 14))
    f = lambda x: np.sqrt(x).mean(axis=1) ** 2  # noqa: E731
    assert shapley(old, new, f).sum(axis=1) == pytest.approx(f(new) - f(old))


def test_new_dropped_and_moved_beyond_uncertainty() -> None:
    old = result_set({"x": [90.0, 50.0, 10.0]}, [1], ids=["a", "b", "c"])
    new = result_set({"x": [20.0, 60.0, 70.0]}, [1], ids=["a", "b", "d"])
    old.table["rank_low"], old.table["rank_high"] = [1, 2, 3], [1, 2, 3]
    new.table["rank_low"], new.table["rank_high"] = [3, 1, 1], [3, 2, 2]
    table = compare(old, new)
    assert table.loc["d", "status"] == "new" and table.loc["c", "status"] == "dropped"
    assert table.loc["a", "beyond_uncertainty"] and not table.loc["b", "beyond_uncertainty"]
    s = summary(table)
    assert (s["units"], s["new"], s["dropped"], s["up"], s["down"]) == (2, 1, 1, 0, 1)


def test_two_index_folders(tmp_path: Path) -> None:
    fw = framework(simple({"a": NONE, "b": NONE}, {"x": ["a"], "y": ["b"]}, weights={"x": 1, "y": 3},
                          uncertainty={"replications": 40, "weights": {"noise": 0.2}}))
    ids = ["p", "q", "r"]
    write_outputs(run_of(fw, {"a": [10.0, 50.0, 90.0], "b": [90.0, 50.0, 10.0]}, ids=ids), tmp_path / "2013")
    write_outputs(run_of(fw, {"a": [10.0, 50.0, 90.0], "b": [10.0, 50.0, 90.0]}, ids=ids), tmp_path / "2014")
    old, new = load_results(tmp_path / "2013"), load_results(tmp_path / "2014")
    assert old.dimensions == ["x", "y"] and new.weights == pytest.approx([0.25, 0.75])
    table = compare(old, new)
    assert table.loc["p", "rank_old"] == 1 and table.loc["p", "rank_new"] == 3 and table.loc["p", "main_driver"] == "y"
    assert table.loc["p", "contribution_y"] == pytest.approx(0.75 * -80)
    assert "beyond_uncertainty" in table.columns
