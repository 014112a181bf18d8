"""Ranks within groups: vetoed last, unscored after the scored; equal scores share a rank by default, split by
findings then id with ``ties: first``, by findings first with ``by_findings: true``."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from govlens.scoring.rank import group_ranks, rank_within_groups

from .conftest import framework, run_of, simple

MINMAX = {"normalise": {"method": "minmax"}}
NOISE = {"replications": 64, "weights": {"noise": 0.3}, "seed": 3}   # one indicator: no replication moves a rank


def test_ties_rank_by_findings_then_id() -> None:
    fw = framework(simple({"a": MINMAX}, rank={"ties": "first"}))
    run = run_of(fw, {"a": [5.0, 5.0, 5.0, 1.0]}, ids=["z", "y", "x", "w"], tiebreak=[2, 0, 0, 0])
    assert dict(zip(run.results.index, run.results["rank"])) == {"x": 1, "y": 2, "z": 3, "w": 4}


def test_equal_scores_share_the_lowest_rank_by_default_whatever_their_findings() -> None:
    run = run_of(framework(simple({"a": MINMAX}, uncertainty=NOISE)), {"a": [5.0, 5.0, 5.0, 1.0]},
                 ids=["z", "y", "x", "w"], tiebreak=[2, 0, 0, 0])
    assert dict(zip(run.results.index, run.results["rank"])) == {"x": 1, "y": 1, "z": 1, "w": 4}
    assert run.results["rank_low"].tolist()[:3] == [1, 1, 1]
    assert run.results["rank_high"].tolist()[:3] == [3, 3, 3]          # the interval spans the tie
    assert run.results.loc["w", ["rank_low", "rank_high"]].tolist() == [4, 4]


def test_by_findings_splits_equal_scores_by_their_findings_first() -> None:
    run = run_of(framework(simple({"a": MINMAX}, rank={"by_findings": True}, uncertainty=NOISE)),
                 {"a": [5.0, 5.0, 5.0, 1.0]},
                 ids=["z", "y", "x", "w"], tiebreak=[2, 0, 0, 0])
    assert dict(zip(run.results.index, run.results["rank"])) == {"x": 1, "y": 1, "z": 3, "w": 4}
    assert run.results.loc["x", ["rank_low", "rank_high"]].tolist() == [1, 2]
    assert run.results.loc["z", ["rank_low", "rank_high"]].tolist() == [3, 3]


@pytest.mark.parametrize("ties, expected", [("min", [1, 2, 2, 4, 5]), ("max", [1, 3, 3, 4, 5]),
                                            ("average", [1, 2.5, 2.5, 4, 5]), ("dense", [1, 2, 2, 3, 4]),
                                            ("first", [1, 2, 3, 4, 5])])
def test_every_ties_method_on_a_plain_table(ties, expected) -> None:
    """Scores 90, 80, 80, 70 and one unit without a score (last), as pandas/R name the methods."""
    run = run_of(framework(simple({"a": {"normalise": {"method": "none"}}}, rank={"ties": ties})),
                 {"a": [90.0, 80.0, 80.0, 70.0, np.nan]})
    assert run.results["rank"].tolist() == expected
    assert run.results["rank_d"].tolist() == expected            # the dimension is ranked too


def test_ties_per_level_and_dimension_ranks() -> None:
    fw = framework(simple({k: {"normalise": {"method": "none"}} for k in "abc"}, {"x": ["a", "b"], "y": ["c"]},
                          rank={"ties": ["dense", "max"]}))
    run = run_of(fw, {"a": [10.0, 10.0, 30.0, 20.0], "b": [10.0, 10.0, 30.0, 20.0], "c": [40.0, 0.0, 20.0, 0.0]},
                 groups=["g", "g", "g", "h"])
    res = run.results
    assert res["rank_x"].tolist() == [2, 2, 1, 1] and res["rank_y"].tolist() == [1, 3, 2, 1]   # dense, dense
    assert res["index"].tolist() == [25.0, 5.0, 25.0, 10.0] and res["rank"].tolist() == [2, 3, 2, 1]   # max


def test_vetoed_units_tie_only_among_themselves() -> None:
    fw = framework(simple({"a": {"normalise": {"method": "none"}}},
                          vetoes=[{"id": "v", "indicator": "a", "op": "==", "value": 50}]))
    run = run_of(fw, {"a": [50.0, 50.0, 40.0, 50.0]}, tiebreak=[0, 0, 0, 1])
    assert run.results["vetoed"].tolist() == [True, True, False, True]
    assert run.results["rank"].tolist() == [2, 2, 1, 2]                     # vetoed 50s after the 40, tied


@pytest.mark.parametrize("ties", ["min", "max", "average", "dense", "first"])
def test_lexsort_ties_equal_pandas_rank(ties) -> None:
    rng = np.random.default_rng(5)
    n = 1500
    groups = rng.choice(["a", "b", "c"], n).astype(object)
    score = rng.integers(0, 12, n).astype(float)
    score[rng.random(n) < 0.05] = np.nan
    vetoed = rng.random(n) < 0.1
    counts = rng.integers(0, 3, n).astype(float)
    order = np.lexsort((np.arange(n), counts))
    position = np.empty(n, dtype=np.int64)
    position[order] = np.arange(n)
    rank, _ = group_ranks(groups, score, vetoed, position, ties, counts)
    frame = pd.DataFrame({"id": np.arange(n), "group": groups, "index": score, "vetoed": vetoed, "tb": counts})
    expected = rank_within_groups(frame, tiebreak_count="tb", key="id", ties=ties).set_index("id").loc[np.arange(n)]
    assert np.array_equal(rank, expected["rank"].to_numpy())


def test_one_lexsort_equals_the_published_sort() -> None:
    rng = np.random.default_rng(3)
    n = 2000
    groups = rng.choice(["a", "b", "c"], n).astype(object)
    score = rng.integers(0, 30, n).astype(float)
    score[rng.random(n) < 0.05] = np.nan
    vetoed = rng.random(n) < 0.1
    tiebreak = rng.permutation(n)
    rank, size = group_ranks(groups, score, vetoed, tiebreak)
    frame = pd.DataFrame({"id": np.arange(n), "group": groups, "index": score, "vetoed": vetoed, "tb": tiebreak})
    expected = rank_within_groups(frame, tiebreak_count="tb", key="id").set_index("id").loc[np.arange(n)]
    assert (rank == expected["rank"].to_numpy()).all() and (size == expected["group_size"].to_numpy()).all()


@pytest.mark.parametrize("rank, field, message", [
    ({"ties": "lowest"}, "rank.ties", "必须是以下之一：min、max、average、dense、first"),
    ({"ties": ["min", "min", "min"]}, "rank.ties", "指标树有 2 层"),
    ({"ties": ["min", "top"]}, "rank.ties[1]", "必须是以下之一"),
    ({"tie": "min"}, "rank.tie", "未知的键 “tie”，是否想写 “ties”"),
    ("min", "rank", "应为形如 {ties: min} 的映射"),
])
def test_a_bad_ties_option_names_its_key(rank, field, message) -> None:
    from govlens.errors import FrameworkError

    with pytest.raises(FrameworkError, match=message) as info:
        framework(simple({"a": MINMAX}, rank=rank))
    assert info.value.field == field
