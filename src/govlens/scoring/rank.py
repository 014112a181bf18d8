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


def rank(run: IndexRun) -> None:
    """Add ``rank`` and ``group_size`` to the run's results."""
    assert run.results is not None, "apply_rules before rank"
    res = run.results
    frame = pd.DataFrame({"unit": res.index.to_numpy(dtype=object), "group": res["group"].to_numpy(),
                          "index": res["index"].to_numpy(dtype=float), "vetoed": res["vetoed"].to_numpy(dtype=bool),
                          "tiebreak": tiebreak_position(run)})
    ranked = rank_within_groups(frame, tiebreak_count="tiebreak", key="unit").set_index("unit")
    run.results = res.assign(rank=ranked.loc[res.index, "rank"].to_numpy(dtype=int),
                             group_size=ranked.loc[res.index, "group_size"].to_numpy(dtype=int))
    run.log_step("rank", {"within": "group", "vetoed": "last", "unscored": "last",
                          "tiebreak": ["index desc", "findings asc", "id asc"]})
