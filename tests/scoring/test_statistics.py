"""Statistics of the framework: Cronbach's α by hand, PCA share, flags for redundant and weak indicators."""
from __future__ import annotations

import numpy as np
import pytest

from govlens.scoring.statistics import cronbach_alpha, pca_summary

from .conftest import framework, run_of, simple

NONE = {"normalise": {"method": "none"}}


def test_cronbach_alpha_by_hand() -> None:
    # item variances 5/3 and 5/3; row sums 3, 5, 8, 8 have variance 6 → α = 2 · (1 − (10/3) / 6) = 8/9
    x = np.array([[1, 2], [2, 3], [3, 5], [4, 4]], dtype=float)
    assert cronbach_alpha(x) == pytest.approx(8 / 9)
    assert cronbach_alpha(np.column_stack([x[:, 0], x[:, 0]])) == pytest.approx(1)
    assert np.isnan(cronbach_alpha(x[:, :1]))
    with_gap = np.vstack([x, [np.nan, 1]])                   # incomplete rows are left out
    assert cronbach_alpha(with_gap) == pytest.approx(8 / 9)


def test_pca_share_on_perfectly_correlated_children() -> None:
    share, above_one, values = pca_summary(np.array([[1, 2], [2, 4], [3, 6.0]]))
    assert share == pytest.approx(1) and above_one == 1 and values == pytest.approx([2, 0], abs=1e-12)


def test_flags_for_redundant_weak_and_negative_indicators() -> None:
    rng = np.random.default_rng(0)
    a = rng.uniform(0, 100, 40)
    values = {"a": a.tolist(), "a2": (a * 0.5 + 1).tolist(), "noise": rng.uniform(0, 100, 40).tolist(),
              "against": (100 - a).tolist()}
    fw = framework(simple({k: NONE for k in values}, {"x": ["a", "a2", "noise", "against"]}))
    run = run_of(fw, values)
    flags = run.analysis["flags"]
    redundant = flags[flags["kind"] == "redundant"]
    assert {("a", "a2")} <= set(zip(redundant["a"], redundant["b"]))
    assert ("against", "x") in set(zip(flags.loc[flags["kind"] == "negative", "a"], flags.loc[flags["kind"] == "negative", "b"]))
    corr = run.analysis["correlations"]
    assert corr.loc["a", "a2"] == pytest.approx(1) and corr.loc["a", "against"] == pytest.approx(-1)
    stats = run.analysis["indicator_stats"].set_index("indicator")
    assert stats.loc["a", "n"] == 40 and stats.loc["a", "mean"] == pytest.approx(a.mean())
    node = run.analysis["node_stats"].set_index("node")
    assert node.loc["x", "children"] == 4 and node.loc["x", "eigenvalues_above_1"] >= 1
