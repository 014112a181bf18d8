"""Weighting: the weights of a node's children, by a method named in the framework.

    expert   the weights written in the YAML (the default)
    equal    every child the same
    ahp      Saaty's analytic hierarchy process: the principal eigenvector of a pairwise comparison
             matrix; refuses a consistency ratio CR = ((λmax − n) / (n − 1)) / RI(n) above ``max_cr`` (0.1)
    entropy  Shannon entropy weights: w ∝ 1 − e_j, e_j = −Σ p_ij ln p_ij / ln n, p_ij = x_ij / Σ_i x_ij
    critic   Diakoulaki's CRITIC: w ∝ σ_j Σ_k (1 − r_jk) on min-max scaled children
    pca      squared loadings of the first principal component of the children's correlation matrix
    budget   budget allocation: each expert spreads ``budget`` points; weights are the mean (or geometric
             mean) of the experts' sheets, with their disagreement reported per child

Every method returns weights that sum to 1 and a details table that the run keeps
(``analysis['weights']``). Data-driven methods see the children's scores of the units being
ranked: normalised indicators for a dimension, aggregated dimensions for the index. The
eigen-decompositions are numpy's; the formulas themselves are a few lines each and no library
ships them over a table with missing values, so they are written here.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from govlens.frameworks.fields import number_or_fraction
from govlens.messages import join, os_reason, quote, t
from govlens.scoring.methods import ParamError, Registry, call, not_number, shown
from govlens.scoring.run import IndexRun
from govlens.scoring.tree import Node

METHODS = Registry("weight")
# Saaty's random consistency index RI(n) for n = 1 … 15 (Saaty 1980; Saaty & Vargas 2012, table 1.7).
RANDOM_INDEX = (0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59)


class Context:
    """What a weighting method may look at besides the children's scores."""

    def __init__(self, children: tuple[str, ...], expert: np.ndarray, base_dir: Path | None, node: str) -> None:
        self.children, self.expert, self.base_dir, self.node = children, expert, base_dir, node


def _normalised(w: np.ndarray) -> np.ndarray:
    total = float(np.sum(w))
    if not np.isfinite(total) or total <= 0:
        return np.full(w.shape, 1.0 / len(w))
    return w / total


@METHODS.register("expert")
def w_expert(x: np.ndarray, ctx: Context) -> tuple[np.ndarray, dict[str, Any]]:
    if ctx.expert.sum() <= 0:
        raise ParamError(t("scoring.all_zero"), "weight")
    return _normalised(ctx.expert), {}


@METHODS.register("equal")
def w_equal(x: np.ndarray, ctx: Context) -> tuple[np.ndarray, dict[str, Any]]:
    k = len(ctx.children)
    return np.full(k, 1.0 / k), {}


def ahp_weights(matrix: np.ndarray) -> tuple[np.ndarray, float, float, float]:
    """(principal-eigenvector weights, λmax, CI, CR) of a positive reciprocal matrix."""
    n = matrix.shape[0]
    values, vectors = np.linalg.eig(matrix)
    i = int(np.argmax(values.real))
    lam = float(values[i].real)
    w = np.abs(vectors[:, i].real)
    w = w / w.sum()
    if n <= 2:
        return w, float(n), 0.0, 0.0
    ci = (lam - n) / (n - 1)
    if n > len(RANDOM_INDEX):
        raise ParamError(t("scoring.ahp_too_many", n=n, max=len(RANDOM_INDEX)), "matrix")
    return w, lam, ci, ci / RANDOM_INDEX[n - 1]


@METHODS.register("ahp")
def w_ahp(x: np.ndarray, ctx: Context, *, matrix: list[list[Any]], order: list[str] | None = None,
          max_cr: float = 0.1) -> tuple[np.ndarray, dict[str, Any]]:
    order = list(order) if order is not None else list(ctx.children)
    if sorted(order) != sorted(ctx.children):
        raise ParamError(t("scoring.ahp_order", children=join(list(ctx.children))), "order")
    k = len(order)
    if not isinstance(matrix, list) or len(matrix) != k or not all(isinstance(r, list) and len(r) == k
                                                                     for r in matrix):
        raise ParamError(t("scoring.ahp_shape", k=k, children=join([str(o) for o in order])), "matrix")
    a = np.empty((k, k))
    for i, row in enumerate(matrix):
        for j, cell in enumerate(row):
            try:
                a[i, j] = number_or_fraction(cell)
            except (ValueError, ZeroDivisionError):
                raise ParamError(not_number(cell), f"matrix[{i}][{j}]") from None
            if not a[i, j] > 0:
                raise ParamError(t("scoring.ahp_positive"), f"matrix[{i}][{j}]")
    for i in range(k):
        if abs(a[i, i] - 1) > 1e-9:
            raise ParamError(t("scoring.ahp_diagonal"), f"matrix[{i}][{i}]")
        for j in range(i + 1, k):
            if abs(a[i, j] * a[j, i] - 1) > 0.01:
                raise ParamError(t("scoring.ahp_reciprocal", i=i, j=j, a=f"{a[i, j]:g}", b=f"{a[j, i]:g}",
                                   should=f"{1 / a[i, j]:.4g}"), f"matrix[{j}][{i}]")
    w, lam, ci, cr = ahp_weights(a)
    if cr > float(max_cr):
        raise ParamError(t("scoring.ahp_inconsistent", cr=f"{cr:.3f}", max_cr=f"{max_cr:g}", lam=f"{lam:.3f}",
                           ci=f"{ci:.3f}", k=k, ri=f"{RANDOM_INDEX[k - 1]:.2f}"), "matrix")
    weights = w[[order.index(c) for c in ctx.children]]
    return weights, {"lambda_max": lam, "ci": ci, "cr": cr}


@METHODS.register("entropy")
def w_entropy(x: np.ndarray, ctx: Context) -> tuple[np.ndarray, dict[str, Any]]:
    if np.nanmin(x, initial=0.0) < 0:
        raise ParamError(t("scoring.entropy_negative"))
    e = np.ones(x.shape[1])
    for j in range(x.shape[1]):
        col = x[:, j][~np.isnan(x[:, j])]
        n, total = col.size, col.sum()
        if n < 2 or total <= 0:
            continue
        p = col / total
        nz = p[p > 0]
        e[j] = float(-(nz * np.log(nz)).sum() / np.log(n))
    d = 1.0 - e
    if d.sum() <= 1e-15:
        return np.full(len(d), 1.0 / len(d)), {"entropy": e.tolist(), "note": "no child varies: equal weights"}
    return d / d.sum(), {"entropy": e.tolist()}


@METHODS.register("critic")
def w_critic(x: np.ndarray, ctx: Context) -> tuple[np.ndarray, dict[str, Any]]:
    frame = pd.DataFrame(x)
    lo, hi = frame.min(), frame.max()
    span = (hi - lo).replace(0, np.nan)
    scaled = (frame - lo) / span
    sigma = scaled.std(ddof=1).fillna(0.0).to_numpy()
    r = scaled.corr().fillna(0.0).to_numpy().copy()
    np.fill_diagonal(r, 1.0)
    c = sigma * (1.0 - r).sum(axis=1)
    if c.sum() <= 0:
        return np.full(len(c), 1.0 / len(c)), {"sigma": sigma.tolist(), "note": "no child varies: equal weights"}
    return c / c.sum(), {"sigma": sigma.tolist(), "information": c.tolist()}


@METHODS.register("pca")
def w_pca(x: np.ndarray, ctx: Context) -> tuple[np.ndarray, dict[str, Any]]:
    complete = x[~np.isnan(x).any(axis=1)]
    k = x.shape[1]
    if complete.shape[0] < 3:
        raise ParamError(t("scoring.pca_units"))
    sd = complete.std(axis=0, ddof=1)
    varying = sd > 0
    w = np.zeros(k)
    if varying.sum() == 0:
        return np.full(k, 1.0 / k), {"note": "no child varies: equal weights"}
    if varying.sum() == 1:
        w[varying] = 1.0
        return w, {"note": "one child varies"}
    corr = np.corrcoef(complete[:, varying], rowvar=False)
    values, vectors = np.linalg.eigh(corr)          # ascending; symmetric, so singular matrices are fine
    first = vectors[:, -1]
    w[varying] = first ** 2                           # unit eigenvector: the squares sum to 1
    return w, {"eigenvalues": values[::-1].tolist(), "explained": float(values[-1] / values.sum()),
               "loadings": (first * np.sqrt(max(values[-1], 0.0))).tolist()}


@METHODS.register("budget")
def w_budget(x: np.ndarray, ctx: Context, *, experts: dict[str, dict[str, float]] | None = None,
             sheets: str | None = None, budget: float = 100.0, combine: str = "mean",
             disagreement: float = 0.5) -> tuple[np.ndarray, dict[str, Any]]:
    """Budget allocation (BAP): experts' points per child, combined by mean or geometric mean."""
    if (experts is None) == (sheets is None):
        raise ParamError(t("scoring.experts_source"), "experts")
    if sheets is not None:
        experts = _read_sheets(Path(sheets) if ctx.base_dir is None else ctx.base_dir / sheets, ctx.node)
    assert experts is not None
    if not isinstance(experts, dict) or not experts:
        raise ParamError(t("scoring.experts_mapping"), "experts")
    if combine not in ("mean", "geometric"):
        raise ParamError(t("scoring.combine"), "combine")
    table = np.zeros((len(experts), len(ctx.children)))
    for e, (name, sheet) in enumerate(experts.items()):
        if not isinstance(sheet, dict):
            raise ParamError(t("scoring.expert_mapping"), f"experts.{name}")
        for child, points in sheet.items():
            if child not in ctx.children:
                raise ParamError(t("scoring.not_child", child=shown(child), children=join(list(ctx.children))),
                                 f"experts.{name}.{child}")
            if isinstance(points, bool) or not isinstance(points, (int, float)) or points < 0:
                raise ParamError(t("scoring.points"), f"experts.{name}.{child}")
            table[e, ctx.children.index(child)] = float(points)
        total = table[e].sum()
        if abs(total - float(budget)) > 1e-6 * max(1.0, float(budget)):
            raise ParamError(t("scoring.budget", name=shown(name), total=f"{total:g}", budget=f"{budget:g}"),
                             f"experts.{name}")
    shares = table / float(budget)
    if combine == "mean":
        w = shares.mean(axis=0)
    else:
        with np.errstate(divide="ignore"):
            w = np.exp(np.log(shares).mean(axis=0))
    mean = shares.mean(axis=0)
    sd = shares.std(axis=0, ddof=1) if len(experts) > 1 else np.zeros(len(ctx.children))
    with np.errstate(divide="ignore", invalid="ignore"):
        cv = np.where(mean > 0, sd / mean, 0.0)
    disagree = [c for c, v in zip(ctx.children, cv) if v > float(disagreement)]
    return _normalised(w), {"experts": len(experts), "sd": sd.tolist(), "min": shares.min(axis=0).tolist(),
                            "max": shares.max(axis=0).tolist(), "cv": cv.tolist(), "disagreement": disagree}


def _read_sheets(path: Path, node: str) -> dict[str, dict[str, float]]:
    """``expert,node,child,points`` rows (``node`` may be empty when the file serves one node)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = {"expert", "child", "points"} - set(reader.fieldnames or [])
            if missing:
                raise ParamError(t("scoring.sheet_missing_columns", path=path, columns=join(sorted(missing))), "sheets")
            out: dict[str, dict[str, float]] = {}
            for line, row in enumerate(reader, start=2):
                if row.get("node") and row["node"] != node:
                    continue
                try:
                    points = float(row["points"])
                except (TypeError, ValueError):
                    raise ParamError(t("scoring.sheet_not_number", path=path, line=line, value=shown(row["points"])),
                                     "sheets") from None
                out.setdefault(row["expert"], {})[row["child"]] = out.get(row["expert"], {}).get(row["child"], 0) \
                    + points
    except OSError as exc:
        raise ParamError(t("scoring.sheet_unreadable", path=path, reason=os_reason(exc)), "sheets") from None
    except UnicodeDecodeError:
        raise ParamError(t("scoring.sheet_unreadable", path=path, reason=t("import.not_utf8")), "sheets") from None
    if not out:
        raise ParamError(t("scoring.sheet_no_allocation", path=path, node=quote(node)), "sheets")
    return out


def weigh_node(run: IndexRun, node: Node, x: np.ndarray, spec_override: Any = None) -> np.ndarray:
    """Weights of ``node``'s children (summing to 1), recorded in the run's weights report."""
    spec = spec_override or node.weighting
    path = node.weighting_path
    base = Path(run.framework.source).parent if run.framework.source and Path(run.framework.source).exists() else None
    ctx = Context(node.children, node.expert_weights, base, node.id)
    try:
        weights, details = call(METHODS.method(spec.method), x, ctx, params=dict(spec.params))
    except ParamError as exc:
        raise run.param_error(ParamError(t("scoring.weights_of", node=quote(node.id), reason=exc), exc.field),
                              path) from None
    weights = np.asarray(weights, dtype=float)
    run.weights[node.id] = weights
    rows = []
    for i, child in enumerate(node.children):
        row = {"node": node.id, "child": child, "method": spec.method, "weight": float(weights[i]),
               "expert_weight": float(node.expert_weights[i])}
        for key, value in details.items():
            if isinstance(value, list) and len(value) == len(node.children):
                row[key] = value[i]
            elif not isinstance(value, list):
                row[key] = value
        rows.append(row)
    table = run.analysis.get("weights")
    new = pd.DataFrame(rows)
    run.analysis["weights"] = new if table is None else pd.concat([table[table["node"] != node.id], new],
                                                                  ignore_index=True)
    disagreement = details.get("disagreement")
    if disagreement:
        run.notes.append(t("scoring.note_disagreement", node=quote(node.id), children=join(list(disagreement))))
    return weights
