"""Ranks within groups. Vetoed units rank after every other unit of their group.

Ties are broken deterministically: higher index, then fewer findings, then platform id,
so two runs on the same data always publish the same order. Units without an index are
listed after the others (they are "not ranked" in reports, but keep a place in the order).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from govlens.scoring.run import IndexRun


def rank_within_groups(frame: pd.DataFrame, *, group: str = "group", score: str = "index",
                       vetoed: str = "vetoed", tiebreak_count: str = "findings", key: str = "platform_id") -> pd.DataFrame:
    """Add ``rank`` (1 = best) and ``group_size`` columns; returns a new frame."""
    out = frame.copy()
    out["_score"] = out[score].fillna(-np.inf)
    out["_vetoed"] = out[vetoed].astype(bool)
    out = out.sort_values([group, "_vetoed", "_score", tiebreak_count, key],
                          ascending=[True, True, False, True, True], kind="mergesort")
    out["rank"] = out.groupby(group, sort=False).cumcount() + 1
    out["group_size"] = out.groupby(group, sort=False)[key].transform("size")
    return out.drop(columns=["_score", "_vetoed"])


def tiebreak_position(run: IndexRun) -> np.ndarray:
    """Each unit's place when indices are equal: fewer findings first, then id (0 = wins every tie)."""
    ids = run.input.ids.to_numpy(dtype=object).astype(str)
    tb = run.input.tiebreak.to_numpy(dtype=float) if run.input.tiebreak is not None else np.zeros(len(ids))
    order = np.lexsort((ids, np.nan_to_num(tb, nan=np.inf)))
    pos = np.empty(len(ids), dtype=np.int64)
    pos[order] = np.arange(len(ids))
    return pos


def group_ranks(groups: np.ndarray, score: np.ndarray, vetoed: np.ndarray,
                tiebreak: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(rank, group size) of each unit: the order of :func:`rank_within_groups`, by one ``np.lexsort``."""
    codes, _ = pd.factorize(pd.Series(groups, dtype=object), sort=True)
    key = np.where(np.isnan(score), np.inf, -score)
    order = np.lexsort((tiebreak, key, vetoed.astype(np.int8), codes))
    sorted_codes = codes[order]
    starts = np.r_[0, np.flatnonzero(np.diff(sorted_codes)) + 1]
    sizes = np.diff(np.r_[starts, len(order)])
    start_of = np.repeat(starts, sizes)
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order)) - start_of + 1
    size = np.empty(len(order), dtype=np.int64)
    size[order] = np.repeat(sizes, sizes)
    return rank, size


def rank(run: IndexRun) -> None:
    """Add ``rank`` and ``group_size`` to the run's results."""
    assert run.results is not None, "apply_rules before rank"
    res = run.results
    ranks, sizes = group_ranks(res["group"].to_numpy(dtype=object), res["index"].to_numpy(dtype=float),
                               res["vetoed"].to_numpy(dtype=bool), tiebreak_position(run))
    run.results = res.assign(rank=ranks, group_size=sizes)
    run.log_step("rank", {"within": "group", "vetoed": "last", "unscored": "last",
                          "tiebreak": ["index desc", "findings asc", "id asc"]})
