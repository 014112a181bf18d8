"""Exact ranks within groups for many replications at once: the Monte Carlo's ranking step.

Units are laid out once in block order (group, not vetoed / vetoed, nominal tie-break), so a
replication's ranks in a block are one row-wise sort of a contiguous slice; tied units get the
framework's ``rank.ties`` rank (:func:`govlens.scoring.rank.tied_ranks`), as the nominal ranking does.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from govlens.scoring.rank import tied_ranks


class Ranker:
    """Exact ranks within groups for many replications of the index (vetoed last, ties by ``ties``).

    Units are laid out once in *block order* — by group, then not vetoed / vetoed, then the nominal
    tie-break order — so each block is a contiguous slice and a replication's ranks in a block are one
    sort of that slice. ``order[j]`` is the unit at position j."""

    def __init__(self, groups: np.ndarray, vetoed: np.ndarray, tiebreak: np.ndarray, ties: str = "first",
                 counts: np.ndarray | None = None) -> None:
        codes, _ = pd.factorize(pd.Series(groups, dtype=object), sort=True)
        self.order = np.lexsort((tiebreak, vetoed.astype(int), codes))
        self.ties = ties
        self.counts = (np.zeros(len(codes)) if counts is None else np.asarray(counts, dtype=float))[self.order]
        self.group_of_block: list[int] = []
        sorted_codes, sorted_veto = codes[self.order], vetoed[self.order].astype(int)
        starts = np.flatnonzero(np.r_[True, (np.diff(sorted_codes) != 0) | (np.diff(sorted_veto) != 0)])
        ends = np.r_[starts[1:], len(self.order)]
        self.blocks: list[tuple[int, int, int]] = []          # (start, end, rank offset within the group)
        group_start: dict[int, int] = {}
        for s, e in zip(starts, ends):
            g = int(sorted_codes[s])
            group_start.setdefault(g, int(s))
            self.blocks.append((int(s), int(e), int(s - group_start[g])))
            self.group_of_block.append(g)
        self.max_group = int(np.bincount(codes).max()) if len(codes) else 0
        self.dtype = np.float32 if ties == "average" else np.uint16 if self.max_group < 2 ** 16 - 1 else np.uint32

    def ranks(self, scores: np.ndarray, out: np.ndarray) -> None:
        """Ranks of every replication (rows of ``scores``, B × n in block order) into ``out`` (B × n)."""
        dense_done = np.zeros(scores.shape[0])          # dense: tie groups already ranked in this unit's group
        for b, (start, end, offset) in enumerate(self.blocks):
            if b and self.group_of_block[b] != self.group_of_block[b - 1]:
                dense_done[:] = 0
            v = -scores[:, start:end]                            # best first after sorting
            v[np.isnan(v)] = np.inf
            o = np.argsort(v, axis=1)
            sv = np.take_along_axis(v, o, axis=1)
            tie = sv[:, 1:] == sv[:, :-1]
            if tie.any():                                        # equal index: keep the tie-break order
                rows = tie.shape[0]
                pad = np.zeros((rows, 1), bool)
                in_run = (np.concatenate([tie, pad], axis=1) | np.concatenate([pad, tie], axis=1)).ravel()
                run_id = np.cumsum(np.concatenate([~pad, ~tie], axis=1).ravel())[in_run]
                flat = o.ravel()
                members = flat[in_run]
                flat[in_run] = members[np.lexsort((members, run_id))]
                o = flat.reshape(o.shape)
            if self.ties == "first" or (not tie.any() and self.ties != "dense"):
                values = np.arange(offset + 1, offset + 1 + end - start, dtype=out.dtype)[None, :]
            else:
                c = self.counts[start:end][o]
                new_tie = np.concatenate([np.ones((tie.shape[0], 1), bool), ~tie | (c[:, 1:] != c[:, :-1])], axis=1)
                position = np.broadcast_to(np.arange(end - start), o.shape)
                values = tied_ranks(position, new_tie, self.ties)
                if self.ties == "dense":
                    values = values + dense_done[:, None]
                    dense_done += new_tie.sum(axis=1)
                else:
                    values = values + offset
                values = values.astype(out.dtype)
            np.put_along_axis(out[:, start:end], o, values, axis=1)
