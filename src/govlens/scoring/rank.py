"""Ranks within groups, at every level of the tree. Vetoed units rank after every other unit of their group.

The *order* is always deterministic: higher score, then (for the index) fewer findings, then unit id,
so two runs on the same data list units alike. Units without a score are listed after the others
("not ranked" in reports, but they keep a place in the order). Units *tie* when they have the same
score and vetoed status: an equal score is an equal rank, whatever the order lists first. The
framework's ``rank: {ties: …}`` says what rank tied units get, with pandas' names (R's ``ties.method``):

    min      the lowest rank of the tie (1, 2, 2, 4) — the default, as UN EGDI and COINr publish
    max      the highest (1, 3, 3, 4)
    average  their mean (1, 2.5, 2.5, 4)
    dense    like min, but the next rank follows on (1, 2, 2, 3)
    first    their place in the order (1, 2, 3, 4): never a shared rank — the tie broken by findings, then id

``rank: {by_findings: true}`` splits equal scores by the findings count first (fewer findings ranks higher), so
only units equal on both tie. A tied unit's rank interval spans its tie (:mod:`govlens.scoring.uncertainty`):
seven units tied at the top are "1, interval 1–7", not seven certain firsts.

``ties`` is one method for every level or a list with one per level (level 1: indicators into their
dimension, the last: the index). The index is ranked with vetoes and findings; each dimension by its
own score within the same groups (``rank_<dimension>``), vetoes and findings playing no part.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from govlens.frameworks.load import TIES  # noqa: F401  (the names, kept with the framework parser)
from govlens.scoring.run import IndexRun
from govlens.scoring.tree import ROOT


def rank_within_groups(frame: pd.DataFrame, *, group: str = "group", score: str = "index",
                       vetoed: str = "vetoed", tiebreak_count: str = "findings", key: str = "platform_id",
                       ties: str = "first") -> pd.DataFrame:
    """Add ``rank`` (1 = best) and ``group_size`` columns; returns a new frame (pandas, for reference)."""
    out = frame.copy()
    out["_score"] = out[score].fillna(-np.inf)
    out["_vetoed"] = out[vetoed].astype(bool)
    out = out.sort_values([group, "_vetoed", "_score", tiebreak_count, key],
                          ascending=[True, True, False, True, True], kind="mergesort")
    tie_cols = [group, "_vetoed", "_score", tiebreak_count]
    out["_tie"] = (out[tie_cols] != out[tie_cols].shift()).any(axis=1).cumsum()
    out["rank"] = out.groupby(group, sort=False)["_tie"].rank(method=ties)
    if ties != "average":
        out["rank"] = out["rank"].astype(np.int64)
    out["group_size"] = out.groupby(group, sort=False)[key].transform("size")
    return out.drop(columns=["_score", "_vetoed", "_tie"])


def tiebreak_position(run: IndexRun) -> np.ndarray:
    """Each unit's place when indices are equal: fewer findings first, then id (0 = wins every tie)."""
    ids = run.input.ids.to_numpy(dtype=object).astype(str)
    tb = tiebreak_counts(run)
    order = np.lexsort((ids, tb))
    pos = np.empty(len(ids), dtype=np.int64)
    pos[order] = np.arange(len(ids))
    return pos


def tiebreak_counts(run: IndexRun) -> np.ndarray:
    """The findings count ranks read on equal index (∞ when unknown; 0 for every unit of a plain table)."""
    if run.input.tiebreak is None:
        return np.zeros(len(run.input.ids))
    return np.nan_to_num(run.input.tiebreak.to_numpy(dtype=float), nan=np.inf)


def tie_counts(run: IndexRun) -> np.ndarray | None:
    """The findings counts that split equal scores (``rank: {by_findings: true}``), else None: scores alone tie."""
    return tiebreak_counts(run) if run.framework.ties_by_findings else None


def tie_span(run: IndexRun) -> tuple[np.ndarray, np.ndarray]:
    """(lowest, highest) rank of each unit's tie in the nominal ranking: (r, r) for a unit that ties with none."""
    res = run.results
    assert res is not None
    args = (res["group"].to_numpy(dtype=object), res["index"].to_numpy(dtype=float),
            res["vetoed"].to_numpy(dtype=bool), tiebreak_position(run))
    low, _ = group_ranks(*args, "min", tie_counts(run))
    high, _ = group_ranks(*args, "max", tie_counts(run))
    return low.astype(float), high.astype(float)


def ties_of(run: IndexRun, level: int) -> str:
    ties = run.framework.ties
    if not ties:
        return "min"
    return ties[0] if len(ties) == 1 else ties[level - 1]


def tied_ranks(position: np.ndarray, new_tie: np.ndarray, ties: str) -> np.ndarray:
    """Ranks (float) from 0-based positions within a group, with ``new_tie`` marking the first of each tie
    (arrays in order, along the last axis; the first element of every group must be marked)."""
    pos = np.broadcast_to(np.arange(new_tie.shape[-1]), new_tie.shape)
    if ties == "first":
        return position + 1.0
    first = np.maximum.accumulate(np.where(new_tie, pos, 0), axis=-1)
    if ties == "dense":
        return np.cumsum(new_tie, axis=-1).astype(float)        # the caller counts from each group's start
    ends = np.concatenate([new_tie[..., 1:], np.ones(new_tie.shape[:-1] + (1,), bool)], axis=-1)
    rev = np.maximum.accumulate(np.where(ends[..., ::-1], pos, 0), axis=-1)[..., ::-1]
    last = new_tie.shape[-1] - 1 - rev
    start = pos - position                                      # where each element's group starts
    lo, hi = first - start + 1.0, last - start + 1.0
    return lo if ties == "min" else hi if ties == "max" else (lo + hi) / 2


def group_ranks(groups: np.ndarray, score: np.ndarray, vetoed: np.ndarray, tiebreak: np.ndarray,
                ties: str = "first", counts: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(rank, group size) of each unit: the order of :func:`rank_within_groups`, by one ``np.lexsort``;
    units tie on equal (group, vetoed, score, ``counts``)."""
    codes, _ = pd.factorize(pd.Series(groups, dtype=object), sort=True)
    key = np.where(np.isnan(score), np.inf, -score)
    order = np.lexsort((tiebreak, key, vetoed.astype(np.int8), codes))
    sorted_codes = codes[order]
    starts = np.r_[0, np.flatnonzero(np.diff(sorted_codes)) + 1]
    sizes = np.diff(np.r_[starts, len(order)])
    start_of = np.repeat(starts, sizes)
    position = np.arange(len(order)) - start_of
    if ties == "first" or len(order) == 0:
        ranked = position + 1.0
    else:
        c = np.zeros(len(order)) if counts is None else np.asarray(counts, dtype=float)[order]
        k, v = key[order], vetoed.astype(np.int8)[order]
        new_tie = np.r_[True, (np.diff(sorted_codes) != 0) | (k[1:] != k[:-1]) | (np.diff(v) != 0)
                        | (c[1:] != c[:-1])]
        ranked = tied_ranks(position, new_tie, ties)
        if ties == "dense":
            ranked = ranked - (np.cumsum(new_tie) - 1)[np.r_[starts]].repeat(sizes)
    rank = np.empty(len(order), dtype=float if ties == "average" else np.int64)
    rank[order] = ranked
    size = np.empty(len(order), dtype=np.int64)
    size[order] = np.repeat(sizes, sizes)
    return rank, size


def rank(run: IndexRun) -> None:
    """Add ``rank`` and ``group_size`` to the run's results, and ``rank_<node>`` for every dimension."""
    assert run.results is not None, "apply_rules before rank"
    res = run.results
    groups = res["group"].to_numpy(dtype=object)
    position = tiebreak_position(run)
    ties = {node.id: ties_of(run, node.level) for node in run.tree.nodes}
    ranks, sizes = group_ranks(groups, res["index"].to_numpy(dtype=float), res["vetoed"].to_numpy(dtype=bool),
                               position, ties[ROOT], tie_counts(run))
    extra = {}
    aggregated = run.data.get("aggregated")
    never = np.zeros(len(res), bool)
    ids = run.input.ids.to_numpy(dtype=object).astype(str)
    by_id = np.empty(len(ids), dtype=np.int64)
    by_id[np.argsort(ids, kind="stable")] = np.arange(len(ids))
    for node in run.tree.nodes:
        if node.id != ROOT and aggregated is not None:
            extra[f"rank_{node.id}"] = group_ranks(groups, aggregated[node.id].to_numpy(dtype=float), never, by_id,
                                                   ties[node.id])[0]
    run.results = res.assign(rank=ranks, group_size=sizes, **extra)
    run.log_step("rank", {"within": "group", "vetoed": "last", "unscored": "last",
                          "tiebreak": ["index desc", "findings asc", "id asc"],
                          "ties": ties[ROOT], "ties_by_node": ties,
                          "ties_by_findings": run.framework.ties_by_findings})
