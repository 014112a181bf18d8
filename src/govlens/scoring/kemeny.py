"""Condorcet–Kemeny ranking (Munda & Nardo; the OECD/JRC Handbook's non-compensatory aggregation).

With the weighted outranking matrix e (e_uv: the weight of the children on which u beats v, ties
counting half — :func:`govlens.scoring.aggregate.outranking`), the Kemeny order is the ranking π
that maximises

    Φ(π) = Σ_{u ranked above v} e_uv

i.e. the order that agrees with the largest total weight of pairwise comparisons. Finding it is
NP-hard, so:

- **exact** for n ≤ ``EXACT_MAX`` (12) units, by dynamic programming over subsets (Held–Karp style):
  F(S) = max_{v ∈ S} F(S ∖ {v}) + Σ_{u ∈ S∖{v}} e_uv is the best score of the units S put on top,
  in O(2ⁿ n) steps; among equally good orders the one found first is kept (deterministic);
- a **heuristic** beyond: two starts — the Copeland order and the Borda order (row sums of e, which
  is COINr's ``a_copeland``), each ties broken by the other — then local search by *insertion*: a
  unit is moved to the position that raises Φ the most, sweep after sweep, until no move raises it.
  The result is a local optimum for every single-unit move; the tests check that it equals the exact
  optimum on random small cases.

The node's score is the unit's place on 0–100: 100 · (m − p) / (m − 1) for place p of m ranked units.
Written here because no maintained Python library solves the Kemeny problem on a weighted matrix
(``ranky``/``choix`` are unweighted, or fit a statistical model instead).
"""
from __future__ import annotations

import numpy as np

EXACT_MAX = 12


def score(e: np.ndarray, order: np.ndarray) -> float:
    """Φ of ``order`` (best first): the sum of e over the pairs it puts the right way round."""
    m = e[np.ix_(order, order)]
    return float(np.triu(m, 1).sum())


def exact(e: np.ndarray) -> np.ndarray:
    """The Kemeny order of a small matrix by dynamic programming over subsets."""
    n = e.shape[0]
    if n > 20:
        raise ValueError("the exact Kemeny search is for small n")
    if n <= 1:
        return np.arange(n)
    size = 1 << n
    members = (np.arange(size)[:, None] >> np.arange(n)[None, :]) & 1      # subset × unit
    gain = members @ e                           # gain[S, v] = Σ_{u ∈ S} e_uv: v placed just below S
    best = np.full(size, -np.inf)
    best[0] = 0.0
    last = np.zeros(size, dtype=np.int64)
    for s in range(size - 1):                    # S ∪ {v} > S, so every S is final when reached
        if best[s] == -np.inf:
            continue
        free = np.flatnonzero(members[s] == 0)
        targets = s | (1 << free)
        values = best[s] + gain[s, free]
        better = values > best[targets] + 1e-12
        best[targets[better]] = values[better]
        last[targets[better]] = free[better]
    order = []
    s = size - 1
    while s:
        v = int(last[s])
        order.append(v)
        s &= ~(1 << v)
    return np.array(order[::-1], dtype=np.int64)


def _insertion_search(e: np.ndarray, order: np.ndarray, max_sweeps: int = 200) -> np.ndarray:
    """Move single units to their best position until no move raises Φ."""
    order = order.copy()
    n = len(order)
    for _ in range(max_sweeps):
        improved = False
        for unit in order.copy():
            a = int(np.flatnonzero(order == unit)[0])
            d = e[unit, order] - e[order, unit]          # > 0: unit should be above that one
            gains = np.zeros(n)
            if a > 0:                                    # move up to b < a: the units b … a−1 fall below it
                gains[:a] = np.cumsum(d[:a][::-1])[::-1]
            if a < n - 1:                                # move down to b > a: the units a+1 … b rise above it
                gains[a + 1:] = -np.cumsum(d[a + 1:])
            b = int(np.argmax(gains))
            if gains[b] > 1e-12:
                order = np.insert(np.delete(order, a), b, unit)
                improved = True
        if not improved:
            break
    return order


def heuristic(e: np.ndarray) -> np.ndarray:
    """Copeland and Borda starts, each improved by insertion moves; the better of the two."""
    n = e.shape[0]
    if n <= 1:
        return np.arange(n)
    off = ~np.eye(n, dtype=bool)
    copeland = ((e > 0.5) & off).sum(axis=1) - ((e < 0.5) & off).sum(axis=1)
    borda = np.where(off, e, 0.0).sum(axis=1)
    starts = [np.lexsort((np.arange(n), -borda, -copeland)), np.lexsort((np.arange(n), -copeland, -borda))]
    results = [_insertion_search(e, s) for s in starts]
    scores = [score(e, r) for r in results]
    return results[int(np.argmax(scores))]


def kemeny_order(e: np.ndarray) -> tuple[np.ndarray, bool]:
    """(the order, best first; whether it is exact)."""
    if e.shape[0] <= EXACT_MAX:
        return exact(e), True
    return heuristic(e), False
