"""The OECD/JRC Handbook's (2008, §5 and Table 13) normalisations against values computed by hand from its
definitions: x = 2, 4, 6, 8 has mean 5 and worst (lowest) 2."""
from __future__ import annotations

import numpy as np
import pytest

from govlens.errors import FrameworkError
from govlens.frameworks.model import MethodSpec
from govlens.scoring.methods import ParamError
from govlens.scoring.normalise import normalise_values

from .conftest import col, framework, run_of, simple

NAN = np.nan
X = [2, 4, 6, 8, NAN]


def n(values, method, direction=1, **params):
    return normalise_values(np.array(values, dtype=float), MethodSpec(method, params), direction)


def same(a, b) -> bool:
    return np.allclose(np.asarray(a, float), np.asarray(b, float), equal_nan=True)


def test_ratio_and_distance_to_the_mean() -> None:
    assert same(n(X, "ratio_to_mean", scale=1), [0.4, 0.8, 1.2, 1.6, NAN])           # 2/5, 4/5, 6/5, 8/5
    assert same(n(X, "ratio_to_mean"), [40, 80, 120, 160, NAN])                       # default scale 100
    assert same(n(X, "distance_to_mean", scale=1), [-0.6, -0.2, 0.2, 0.6, NAN])       # (2-5)/5 …
    # lower is better: 5/2, 5/4 … and (5-2)/5 …
    assert same(n(X, "ratio_to_mean", -1, scale=1), [2.5, 1.25, 5 / 6, 0.625, NAN])
    assert same(n(X, "distance_to_mean", -1, scale=1), [0.6, 0.2, -0.2, -0.6, NAN])


def test_ratio_and_distance_to_the_worst() -> None:
    assert same(n(X, "ratio_to_worst", scale=1), [1, 2, 3, 4, NAN])                   # 2/2, 4/2, 6/2, 8/2
    assert same(n(X, "distance_to_worst", scale=1), [0, 1, 2, 3, NAN])                # (x-2)/2
    # lower is better: the worst is the largest, 8; ratio 8/x, distance (8-x)/8
    assert same(n(X, "ratio_to_worst", -1, scale=1), [4, 2, 8 / 6, 1, NAN])
    assert same(n(X, "distance_to_worst", -1, scale=1), [0.75, 0.5, 0.25, 0, NAN])


def test_above_or_below_the_mean_with_a_threshold() -> None:
    # w = x / 5 = 0.4, 0.8, 1.2, 1.6; p = 0.25: above 1.25 → 1, below 0.75 → -1, else 0
    assert same(n(X, "above_below_mean", p=0.25), [-1, 0, 0, 1, NAN])
    # p = 0.1: 0.8 < 0.9 → -1, 1.2 > 1.1 → 1
    assert same(n(X, "above_below_mean", p=0.1), [-1, -1, 1, 1, NAN])
    assert same(n(X, "above_below_mean", -1, p=0.25), [1, 0, 0, -1, NAN])
    assert same(n([5, 5, 5], "above_below_mean", p=0), [0, 0, 0])                   # exactly at the mean


def test_percentile_is_rank_over_n_beside_percentile_rank() -> None:
    x = [10, 20, 20, 40, NAN]
    assert same(n(x, "percentile"), [25, 50, 50, 100, NAN])                          # ranks 1, 2, 2, 4 of n = 4
    assert same(n(x, "percentile_rank"), [0, 100 / 3, 100 / 3, 100, NAN])            # (r-1)/(n-1)
    assert same(n(x, "percentile", -1), [100, 50, 50, 25, NAN])     # lower is better: 40 ranks 1, the 20s share 2


def test_categorical_scale_from_cut_offs() -> None:
    # below 3 → 0; 3 ≤ x < 6 → 50; 6 and above → 100 (a value on a cut-off goes to the upper class)
    assert same(n(X, "categorical_scale", cuts=[3, 6], scores=[0, 50, 100]), [0, 50, 100, 100, NAN])
    # on percentiles: 2, 4, 6, 8 are at 25, 50, 75, 100 %; classes <50, 50–<90, ≥90
    assert same(n(X, "categorical_scale", cuts=[50, 90], scores=[0, 60, 100], on="percentile"),
                [0, 60, 60, 100, NAN])
    assert same(n(X, "categorical_scale", -1, cuts=[50, 90], scores=[0, 60, 100], on="percentile"),
                [100, 60, 60, 0, NAN])


@pytest.mark.parametrize("method, params, message", [
    ("ratio_to_mean", {}, "需要正的均值"),
    ("distance_to_worst", {}, "最差值为 -2"),
    ("above_below_mean", {"p": 1.5}, "0 ≤ p < 1"),
    ("categorical_scale", {"cuts": [3, 1], "scores": [0, 1, 2]}, "分界点须严格递增"),
    ("categorical_scale", {"cuts": [3], "scores": [0]}, "应有 2 个数值得分"),
])
def test_unusable_data_or_parameters_are_clear_errors(method, params, message) -> None:
    with pytest.raises(ParamError, match=message):
        n([-1, -2, 1], method, **params)


def test_the_new_methods_run_in_a_framework_and_errors_name_the_key() -> None:
    fw = framework(simple({"a": {"normalise": {"method": "distance_to_worst", "scale": 1}},
                           "b": {"normalise": {"method": "above_below_mean"}}}))
    with pytest.raises(FrameworkError) as info:
        run_of(fw, {"a": [2.0, 4.0], "b": [1.0, 3.0]})
    assert "缺少参数 “p”" in str(info.value) and info.value.field.endswith("normalise.p")
    fw = framework(simple({"a": {"normalise": {"method": "distance_to_worst", "scale": 1}},
                           "b": {"normalise": {"method": "above_below_mean", "p": 0.2}}}))
    run = run_of(fw, {"a": [2.0, 4.0, 6.0], "b": [1.0, 3.0, 2.0]})
    assert same(col(run, "normalised", "a"), [0, 1, 2]) and same(col(run, "normalised", "b"), [-1, 1, 0])
