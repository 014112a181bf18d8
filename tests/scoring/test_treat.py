"""Outlier treatment: COINr's own test cases (tests/testthat/test-treat.R) and its defaults."""
from __future__ import annotations

import inspect
import math

import numpy as np
import pytest

from govlens.errors import FrameworkError
from govlens.scoring.treat import log_ct, passes, skew_kurtosis, winsorise

from .conftest import framework, run_of, simple


def _e1071_type2(x: list[float]) -> tuple[float, float]:
    """Skewness and kurtosis as e1071 (type 2) and Excel compute them, written out by hand."""
    n = len(x)
    m = sum(x) / n
    d = [v - m for v in x]
    m2 = sum(v * v for v in d) / n
    m3 = sum(v ** 3 for v in d) / n
    m4 = sum(v ** 4 for v in d) / n
    g1, g2 = m3 / m2 ** 1.5, m4 / m2 ** 2 - 3
    return g1 * math.sqrt(n * (n - 1)) / (n - 2), ((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3))


def test_skew_and_kurtosis_are_coinrs() -> None:
    x = [1.0, 2.0, 3.0, 4.0, 10.0, 2.5]
    assert skew_kurtosis(np.array(x)) == pytest.approx(_e1071_type2(x))


def test_defaults_are_coinrs() -> None:
    defaults = {k: v.default for k, v in inspect.signature(winsorise).parameters.items() if k != "x"}
    assert defaults == {"winmax": 5, "skew": 2.0, "kurtosis": 3.5, "fallback": "log_ct", "force": False}


def test_one_outlier_is_winsorised_to_the_next_value() -> None:
    x = np.array([*range(1, 11), 100], dtype=float)
    assert not passes(x, 2, 3.5)
    y, details = winsorise(x, winmax=5)
    assert y[-1] == 10 and (y[:10] == x[:10]).all() and passes(y, 2, 3.5)
    assert details["winsorised"] == 1 and details["winsorised_high"] == 1


def test_winmax_reached_then_the_fallback_on_the_original_values() -> None:
    x = np.array([*range(1, 21), 100, 200], dtype=float)
    y, details = winsorise(x, winmax=1, fallback="none")
    assert not passes(y, 2, 3.5) and details["winsorised"] == 1
    y, details = winsorise(x, winmax=1, fallback="log")
    assert y == pytest.approx(np.log(x)) and details["transformed"] == "log" and details["winsorised"] == 0


def test_forced_winsorisation_counts_every_point_at_the_clipped_end() -> None:
    x = np.array([*range(1, 21), 100, 200], dtype=float)
    y, details = winsorise(x, winmax=3, force=True)
    # 200 → 100, then both 100s → 20; the skew is then negative, so the lowest point 1 → 2 (COINr's loop)
    assert details["winsorised"] == 3 and (details["winsorised_high"], details["winsorised_low"]) == (2, 1)
    assert y.tolist() == [2, *range(2, 21), 20, 20]


def test_low_outliers_and_missing_values() -> None:
    x = np.array([np.nan, *range(1, 11), -100], dtype=float)
    y, details = winsorise(x)
    assert y[-1] == 1 and np.isnan(y[0]) and details["winsorised_low"] == 1


def test_log_ct() -> None:
    y, _ = log_ct(np.array([1.0, 2.0, 11.0]))
    assert y == pytest.approx(np.log([0.1, 1.1, 10.1]))


def test_a_run_reports_what_was_done_to_each_indicator() -> None:
    fw = framework(simple({"a": {"normalise": {"method": "minmax"}},
                           "b": {"normalise": {"method": "minmax"}, "treat": "none"}},
                          treat={"method": "winsorise"}))
    values = {"a": [*range(1, 11), 100.0], "b": [*range(1, 11), 100.0]}
    run = run_of(fw, values)
    report = run.analysis["treatment"].set_index("indicator")
    assert report.loc["a", "method"] == "winsorise" and report.loc["a", "winsorised"] == 1
    assert report.loc["a", "passes"] and report.loc["a", "skew_before"] > 2
    assert report.loc["b", "method"] == "none" and run.data["treated"]["b"].iloc[-1] == 100
    assert run.data["treated"]["a"].iloc[-1] == 10
    logged = {s.verb: s.params for s in run.log}["treat"]
    assert logged["a"]["method"] == "winsorise" and logged["b"] == {"method": "none"}


def test_log_of_non_positive_values_is_a_clear_error() -> None:
    fw = framework(simple({"a": {"normalise": {"method": "minmax"}, "treat": "log"}}))
    with pytest.raises(FrameworkError) as info:
        run_of(fw, {"a": [0.0, 1.0, 2.0]})
    assert info.value.field == "dimensions[0].indicators[0].treat" and "log 需要正数" in str(info.value)


def test_skew_and_kurtosis_equal_scipys_bias_corrected_statistics() -> None:
    from scipy import stats

    rng = np.random.default_rng(8)
    for n in (4, 5, 17, 300):
        for x in (rng.lognormal(0, 1, n), rng.normal(50, 10, n), rng.integers(0, 3, n).astype(float)):
            if np.ptp(x) == 0:
                continue
            s, k = skew_kurtosis(x)
            assert s == pytest.approx(stats.skew(x, bias=False), rel=1e-9, abs=1e-12)
            assert k == pytest.approx(stats.kurtosis(x, bias=False), rel=1e-9, abs=1e-12)
