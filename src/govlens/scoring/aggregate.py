"""Aggregation of a node's children into its score, skipping missing values and re-weighting the rest.

    weighted_arithmetic  Σ w x / Σ w                                   (p = 1)
    weighted_geometric   exp(Σ w ln x / Σ w)                           (p = 0)
    weighted_harmonic    Σ w / Σ (w / x)                               (p = −1)
    generalised_mean     (Σ w x^p / Σ w)^(1/p), any p (``p: 0.5``)
    copeland             non-compensatory: Copeland scores of the weighted outranking matrix, on 0–100
    kemeny               non-compensatory: the Condorcet–Kemeny order of that matrix, as a place on 0–100

Missing is a status, never zero: a unit's weights are rescaled over the children it has (COINr's
"skip missing and reweight"), and the share of weight it had is kept as coverage; with
``min_coverage`` a unit below that share gets no score (COINr's ``dat_thresh``).

The four means are one weighted power mean, written once so that the Monte Carlo can evaluate
many weight sets in one matrix product (``weights`` of shape k × R). Means with p ≤ 0 need
positive values: exact zeros (and only zeros) are replaced by ``zero_floor`` (1 on the 0–100
scale, as govlens always did; any positive value keeps its own value, so scaling the data by
a constant leaves the geometric ranks unchanged), and a negative value is an error naming the
child.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from govlens import messages
from govlens.messages import quote
from govlens.scoring.methods import ParamError, Registry, call
from govlens.scoring.run import IndexRun
from govlens.scoring.tree import ROOT
from govlens.scoring.weight import weigh_node

METHODS = Registry("aggregate")
COPELAND_MAX_UNITS = 20_000
KEMENY_MAX_UNITS = 3_000          # the n × n matrix in memory and O(n²) per local-search sweep


class NegativeValues(ParamError):
    """A mean with p ≤ 0 met a negative value in child ``column``."""

    def __init__(self, message: str, column: int, count: int, first_row: int) -> None:
        super().__init__(message)
        self.column, self.count, self.first_row = column, count, first_row


def lift_zeros(x: np.ndarray, zero_floor: float) -> np.ndarray:
    """``x`` with exact zeros replaced by ``zero_floor``; every other value (0.3, NaN …) as it is."""
    return np.where(x == 0, np.asarray(zero_floor, dtype=x.dtype), x)


def power_mean(x: np.ndarray, weights: np.ndarray, p: float, *, zero_floor: float | None = 1.0,
               min_coverage: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """Weighted power mean of the rows of ``x`` (n × k, NaN = missing).

    ``weights`` is (k,) → returns (n,) arrays, or (k, R) → (n, R): R weight sets at once.
    Returns (aggregate, coverage); a row with no child present gives NaN.
    """
    present = ~np.isnan(x)
    any_missing = not present.all()
    if p <= 0 or p != int(p):
        neg = present & (x < 0)
        if neg.any():
            col = int(np.flatnonzero(neg.any(axis=0))[0])
            raise NegativeValues(messages.t("scoring.negative_values"), col, int(neg[:, col].sum()), int(np.flatnonzero(neg[:, col])[0]))
    if p <= 0:
        if zero_floor is None:
            zero = present & (x == 0)
            if zero.any():
                col = int(np.flatnonzero(zero.any(axis=0))[0])
                raise NegativeValues(messages.t("scoring.zero_values"), col, int(zero[:, col].sum()), int(np.flatnonzero(zero[:, col])[0]))
            base = x
        else:
            base = lift_zeros(x, zero_floor)
    else:
        base = x
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        if p == 1:
            t = base
        elif p == 0:
            t = np.log(base)
        else:
            t = np.power(base, p)
        t = np.where(present, t, 0.0) if any_missing else t
        wf = weights.astype(t.dtype, copy=False)
        num = t @ wf
        total = wf.sum(axis=0)
        den = present.astype(t.dtype) @ wf if any_missing else np.broadcast_to(total, num.shape)
        ratio = num / den
        if p == 1:
            agg = ratio
        elif p == 0:
            agg = np.exp(ratio)
        else:
            agg = np.power(ratio, 1.0 / p)
        coverage = den / total
    ok = (den > 0) & (coverage >= min_coverage - 1e-12)
    return np.where(ok, agg, np.nan), np.where(np.isfinite(coverage), coverage, 0.0)


@METHODS.register("weighted_arithmetic", p=1.0)
def weighted_arithmetic(scores: np.ndarray, weights: np.ndarray, *, min_coverage: float = 0.0
                        ) -> tuple[np.ndarray, np.ndarray]:
    """Rows are units, columns components. Returns (aggregate, coverage); all-missing rows give NaN."""
    return power_mean(scores, weights, 1.0, min_coverage=min_coverage)


@METHODS.register("weighted_geometric", p=0.0)
def weighted_geometric(scores: np.ndarray, weights: np.ndarray, *, zero_floor: float | None = 1.0,
                       min_coverage: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """Weighted geometric mean; zero scores are lifted to ``zero_floor`` so one zero does not erase a unit."""
    return power_mean(scores, weights, 0.0, zero_floor=zero_floor, min_coverage=min_coverage)


@METHODS.register("weighted_harmonic", p=-1.0)
def weighted_harmonic(scores: np.ndarray, weights: np.ndarray, *, zero_floor: float | None = 1.0,
                      min_coverage: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    return power_mean(scores, weights, -1.0, zero_floor=zero_floor, min_coverage=min_coverage)


@METHODS.register("generalised_mean")
def generalised_mean(scores: np.ndarray, weights: np.ndarray, *, p: float, zero_floor: float | None = 1.0,
                     min_coverage: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    if isinstance(p, bool) or not isinstance(p, (int, float)) or not np.isfinite(p):
        raise ParamError(messages.t("scoring.p_number"), "p")
    return power_mean(scores, weights, float(p), zero_floor=zero_floor, min_coverage=min_coverage)


def power_of(method: str, params: dict[str, Any]) -> float | None:
    """The exponent p of a power-mean method, or None for copeland."""
    if method == "generalised_mean":
        return float(params.get("p", 1.0))
    fn = METHODS.get(method)
    return getattr(fn, "p", None)


def outranking(x: np.ndarray, weights: np.ndarray, rows: slice) -> np.ndarray:
    """e_ij = Σ_k w_k [x_ik > x_jk] + ½ Σ_k w_k [x_ik = x_jk], over the children both units have,
    re-weighted to sum to 1 (rows ``rows`` of the n × n matrix)."""
    a = x[rows][:, None, :]
    b = x[None, :, :]
    both = ~np.isnan(a) & ~np.isnan(b)
    w = weights[None, None, :] * both
    total = w.sum(axis=2)
    with np.errstate(invalid="ignore"):
        score = (w * ((a > b) + 0.5 * (a == b))).sum(axis=2)
        return np.where(total > 0, score / np.where(total > 0, total, 1.0), 0.5)


@METHODS.register("copeland")
def copeland(scores: np.ndarray, weights: np.ndarray, *, max_units: int = COPELAND_MAX_UNITS
             ) -> tuple[np.ndarray, np.ndarray]:
    """Copeland: c_i = #{j: e_ij > ½} − #{j: e_ij < ½}, mapped to 0–100 by (c + n − 1) / (2 (n − 1)).

    Non-compensatory: a large lead on one child cannot make up for losing on most of the others.
    The outranking matrix is n × n, so this refuses more than ``max_units`` units.
    """
    if weights.ndim != 1:
        raise ParamError(messages.t("scoring.one_weight_set", method="copeland"))
    n = scores.shape[0]
    if n > int(max_units):
        raise ParamError(messages.t("scoring.pairs_max_units", method="copeland", n=n, max=max_units), "max_units")
    w = weights / weights.sum()
    present = ~np.isnan(scores)
    has_any = present.any(axis=1)
    c = np.zeros(n)
    block = max(1, 4_000_000 // max(1, n * scores.shape[1]))
    for start in range(0, n, block):
        e = outranking(scores, w, slice(start, min(n, start + block)))
        e[:, ~has_any] = 0.5
        idx = np.arange(start, min(n, start + block))
        e[idx - start, idx] = 0.5
        c[idx] = (e > 0.5).sum(axis=1) - (e < 0.5).sum(axis=1)
    m = int(has_any.sum())
    scaled = (c + (m - 1)) / (2 * (m - 1)) * 100.0 if m > 1 else np.full(n, 100.0)
    coverage = (present * w[None, :]).sum(axis=1)
    return np.where(has_any, scaled, np.nan), coverage


def outranking_matrix(scores: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The full n × n weighted outranking matrix (diagonal ½), computed in row blocks."""
    n = scores.shape[0]
    w = weights / weights.sum()
    e = np.empty((n, n))
    block = max(1, 4_000_000 // max(1, n * scores.shape[1]))
    for start in range(0, n, block):
        e[start:start + block] = outranking(scores, w, slice(start, min(n, start + block)))
    np.fill_diagonal(e, 0.5)
    return e


@METHODS.register("kemeny")
def kemeny(scores: np.ndarray, weights: np.ndarray, *, max_units: int = KEMENY_MAX_UNITS
           ) -> tuple[np.ndarray, np.ndarray]:
    """Condorcet–Kemeny order of the weighted outranking matrix (:mod:`govlens.scoring.kemeny`), as a place on
    0–100: 100 (m − p) / (m − 1). Exact up to 12 units, a documented local search beyond."""
    from govlens.scoring.kemeny import kemeny_order

    if weights.ndim != 1:
        raise ParamError(messages.t("scoring.one_weight_set", method="kemeny"))
    n = scores.shape[0]
    if n > int(max_units):
        raise ParamError(messages.t("scoring.pairs_max_units", method="kemeny", n=n, max=max_units), "max_units")
    present = ~np.isnan(scores)
    has_any = np.flatnonzero(present.any(axis=1))
    out = np.full(n, np.nan)
    if len(has_any):
        e = outranking_matrix(scores[has_any], weights)
        order, _ = kemeny_order(e)
        m = len(has_any)
        place = np.empty(m)
        place[order] = np.arange(m)
        out[has_any] = (m - 1 - place) / (m - 1) * 100.0 if m > 1 else 100.0
    coverage = (present * (weights / weights.sum())[None, :]).sum(axis=1)
    return out, coverage


def aggregate_node(run: IndexRun, node_id: str, x: np.ndarray, weights: np.ndarray, spec: Any,
                   path: str, children: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Run one node's aggregation; errors name the node, the child and a unit."""
    try:
        return call(METHODS.method(spec.method), x, weights, params=dict(spec.params))
    except NegativeValues as exc:
        unit = run.input.ids[exc.first_row]
        value = x[exc.first_row, exc.column]
        raise run.error(messages.t("scoring.needs_positive", method=spec.method, node=quote(node_id),
                          child=quote(children[exc.column]), count=exc.count, what=exc, unit=quote(str(unit)),
                          value=f"{value:g}"), path) from None
    except ParamError as exc:
        raise run.param_error(ParamError(messages.t("scoring.aggregation_of", node=quote(node_id), reason=exc), exc.field),
                              path) from None


def aggregate(run: IndexRun, *, aggregation: Any = None, weighting: Any = None,
              logged: dict[str, tuple[Any, np.ndarray]] | None = None) -> None:
    """Weigh and aggregate every node bottom-up; write the ``aggregated`` data set (every dimension and the index).

    ``logged`` (node → (aggregation spec, weights)) replays a logged run with its weights as they were."""
    from govlens.scoring.tree import build_tree

    tree = build_tree(run.framework, aggregation) if aggregation is not None else run.tree
    normalised = run.data["normalised"]
    matrix = normalised.to_numpy(dtype=float)                  # the normalised block itself, column-major
    position = {c: j for j, c in enumerate(normalised.columns)}
    present = ~np.isnan(matrix)
    excluded = ~run.analysis["screening"]["included"].to_numpy() if "screening" in run.analysis else None
    scores: dict[str, np.ndarray] = {}
    coverage: dict[str, np.ndarray] = {}
    record: dict[str, Any] = {}
    for node in tree.nodes:
        if node.leaf_parent:
            cols = [position[c] for c in node.children]
            x = matrix[:, cols]
            cov_in = present[:, cols].astype(float)
        else:
            x = np.column_stack([scores[c] for c in node.children])
            cov_in = np.column_stack([coverage[c] for c in node.children])
        method = node.aggregation
        if logged is not None and node.id in logged:
            method, w = logged[node.id]
            run.weights[node.id] = w = np.asarray(w, dtype=float)
        else:
            w = weigh_node(run, node, x, weighting)
        agg, _ = aggregate_node(run, node.id, x, w, method, node.aggregation_path, node.children)
        if method.method == "kemeny":                # the pairwise evidence behind the order, for the reader
            keep = ~np.isnan(x).all(axis=1)
            ids = run.input.ids[keep]
            run.analysis[f"outranking_{node.id}"] = pd.DataFrame(outranking_matrix(x[keep], w), index=ids,
                                                                  columns=ids)
        cov = cov_in @ w
        if excluded is not None:
            agg = np.where(excluded, np.nan, agg)
        scores[node.id] = agg
        coverage[node.id] = cov
        run.coverage[node.id] = cov
        record[node.id] = {"aggregation": method.as_dict(), "weighting": (weighting or node.weighting).as_dict(),
                           "weights": dict(zip(node.children, w.tolist()))}
    block = np.column_stack([scores[n.id] for n in tree.nodes])
    run.data["aggregated"] = pd.DataFrame(block, index=normalised.index, columns=[n.id for n in tree.nodes])
    run.log_step("aggregate", record)


def index_of(run: IndexRun) -> np.ndarray:
    return run.data["aggregated"][ROOT].to_numpy(dtype=float)
