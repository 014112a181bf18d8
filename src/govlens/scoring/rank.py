"""Ranks within groups. Vetoed units rank after every other unit of their group.

Ties are broken deterministically: higher index, then fewer findings, then platform id,
so two runs on the same data always publish the same order.
"""
from __future__ import annotations

import pandas as pd


def rank_within_groups(frame: pd.DataFrame, *, group: str = "group", score: str = "index",
                       vetoed: str = "vetoed", tiebreak_count: str = "findings", key: str = "platform_id") -> pd.DataFrame:
    """Add ``rank`` (1 = best) and ``group_size`` columns; returns a new frame."""
    out = frame.copy()
    out["_score"] = out[score].fillna(-1.0)
    out["_vetoed"] = out[vetoed].astype(bool)
    out = out.sort_values([group, "_vetoed", "_score", tiebreak_count, key],
                          ascending=[True, True, False, True, True], kind="mergesort")
    out["rank"] = out.groupby(group, sort=False).cumcount() + 1
    out["group_size"] = out.groupby(group, sort=False)[key].transform("size")
    return out.drop(columns=["_score", "_vetoed"])
