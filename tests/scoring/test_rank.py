"""Ranks within groups: vetoed last, unscored after the scored, ties by findings then id."""
from __future__ import annotations

import numpy as np
import pandas as pd

from govlens.scoring.rank import group_ranks, rank_within_groups

from .conftest import framework, run_of, simple

MINMAX = {"normalise": {"method": "minmax"}}


def test_ties_rank_by_findings_then_id() -> None:
    run = run_of(framework(simple({"a": MINMAX})), {"a": [5.0, 5.0, 5.0, 1.0]}, ids=["z", "y", "x", "w"],
                 tiebreak=[2, 0, 0, 0])
    assert dict(zip(run.results.index, run.results["rank"])) == {"x": 1, "y": 2, "z": 3, "w": 4}


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
