from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from govlens.errors import FrameworkError
from govlens.scoring.aggregate import weighted_arithmetic, weighted_geometric
from govlens.scoring.normalise import normalise
from govlens.scoring.rank import rank_within_groups


def test_bounded_linear_both_directions_and_clipping() -> None:
    raw = np.array([0.0, 0.5, 1.0, 2.0, np.nan])
    assert normalise(raw, "bounded_linear", {"worst": 0, "best": 1}).tolist()[:4] == [0, 50, 100, 100]
    lower_better = normalise(np.array([300.0, 2650.0, 9000.0]), "bounded_linear", {"worst": 5000, "best": 300})
    assert lower_better.tolist() == [100.0, 50.0, 0.0]
    assert np.isnan(normalise(raw, "bounded_linear", {"worst": 0, "best": 1})[4])


def test_log_linear() -> None:
    s = normalise(np.array([0.0, 99.0, 9999.0]), "log_linear", {"worst": 0, "best": 9999})
    assert s[0] == 0 and s[2] == 100 and s[1] == pytest.approx(50.0)


def test_minmax_constant_and_bad_params() -> None:
    assert normalise(np.array([3.0, 3.0]), "minmax", {}).tolist() == [100.0, 100.0]
    with pytest.raises(FrameworkError, match="worst 与 best 不能相同"):
        normalise(np.array([1.0]), "bounded_linear", {"worst": 1, "best": 1})
    with pytest.raises(FrameworkError, match="未知的标准化方法 “nope”"):
        normalise(np.array([1.0]), "nope", {})


def test_weighted_arithmetic_reweights_missing() -> None:
    scores = np.array([[100.0, 50.0], [np.nan, 50.0], [np.nan, np.nan]])
    agg, cov = weighted_arithmetic(scores, np.array([3.0, 1.0]))
    assert agg[0] == pytest.approx(87.5) and agg[1] == 50.0 and np.isnan(agg[2])
    assert cov.tolist() == [1.0, 0.25, 0.0]


def test_weighted_geometric() -> None:
    agg, _ = weighted_geometric(np.array([[100.0, 25.0]]), np.array([1.0, 1.0]))
    assert agg[0] == pytest.approx(50.0)


def test_rank_vetoed_last_and_ties_deterministic() -> None:
    frame = pd.DataFrame({"platform_id": ["b", "a", "c", "d", "e"], "group": ["g"] * 4 + ["h"],
                          "index": [80.0, 80.0, 95.0, 70.0, 10.0], "vetoed": [False, False, True, False, False],
                          "findings": [1, 1, 0, 0, 0]})
    ranked = rank_within_groups(frame).set_index("platform_id")
    assert ranked.loc[["a", "b", "d", "c"], "rank"].tolist() == [1, 2, 3, 4]
    assert ranked.loc["e", "rank"] == 1 and ranked.loc["e", "group_size"] == 1


def test_log_normal_passes_through_lighthouse_control_points():
    from govlens.scoring.normalise import normalise
    raw = np.array([0.0, 934.0, 1600.0, 4000.0, np.nan])
    s = normalise(raw, "lognormal", {"p10": 934, "median": 1600})
    assert s[0] == 100.0 and abs(s[1] - 90.0) < 1e-6 and abs(s[2] - 50.0) < 1e-6
    assert 0 < s[3] < 10 and np.isnan(s[4])
    # CLS on its own curve: Lighthouse scores 0.25 at 50 and 0.1 at 90
    c = normalise(np.array([0.1, 0.25]), "lognormal", {"p10": 0.1, "median": 0.25})
    assert np.allclose(c, [90.0, 50.0])


def test_log_normal_refuses_bad_control_points():
    from govlens.errors import FrameworkError
    from govlens.scoring.normalise import normalise
    for params in ({"p10": 2000, "median": 1600}, {"p10": 0, "median": 1}, {"p10": "x", "median": 1}):
        with pytest.raises(FrameworkError, match="p10"):
            normalise(np.array([1.0]), "lognormal", params)
