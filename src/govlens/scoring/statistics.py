"""Statistics of the framework, so a reviewer sees redundant or mis-weighted indicators.

    indicator_stats   per indicator: coverage, min, max, mean, sd, skewness, kurtosis (denominated values)
    correlations      Pearson correlations between every indicator and node (normalised / aggregated scores)
    node_stats        per node: Cronbach's α of its children, the first principal component's share of
                      variance, eigenvalues > 1, and each child's correlation with the node
    flags             pairs of children correlated above ``redundant`` (0.9), children correlated with their
                      node below ``weak`` (0.2) or negatively, and nodes with α below 0.7

    Cronbach's α = k / (k − 1) · (1 − Σ var(x_i) / var(Σ x_i)) on the units that have every child.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from govlens.scoring.run import IndexRun, is_text
from govlens.scoring.treat import skew_kurtosis

REDUNDANT = 0.9
WEAK = 0.2
ALPHA_LOW = 0.7


def cronbach_alpha(x: np.ndarray) -> float:
    """Cronbach's α of the columns of ``x`` over its complete rows (NaN for fewer than 2 columns or 3 rows)."""
    complete = x[~np.isnan(x).any(axis=1)]
    k = complete.shape[1]
    if k < 2 or complete.shape[0] < 3:
        return float("nan")
    item_var = complete.var(axis=0, ddof=1).sum()
    total_var = complete.sum(axis=1).var(ddof=1)
    if total_var == 0:
        return float("nan")
    return float(k / (k - 1) * (1 - item_var / total_var))


CHUNK_ROWS = 50_000      # a larger table's correlations are summed over row chunks of this many units


def correlation_matrix(frames: pd.DataFrame | list[pd.DataFrame], min_periods: int = 3) -> pd.DataFrame:
    """Pearson correlations over the pairwise-complete units, as ``DataFrame.corr`` gives them, between
    every column of ``frames`` (side by side, never concatenated: at 300,000 units a copy is 300 MB).

    Written as five matrix products (counts, sums, sums of squares and cross-products over the
    units both columns have) because pandas' pairwise loop takes seconds at 300,000 × 70. Over
    ``CHUNK_ROWS`` units the products are summed chunk by chunk (two passes: the column means,
    then the products), so memory stays a few chunks whatever the table's size."""
    frames = [frames] if isinstance(frames, pd.DataFrame) else frames
    columns = [c for f in frames for c in f.columns]
    n_rows = len(frames[0])
    k = len(columns)

    def rows(start: int, end: int) -> tuple[np.ndarray, np.ndarray]:
        x = np.hstack([f.iloc[start:end].to_numpy(dtype=float) for f in frames])
        m = (~np.isnan(x)).astype(float)
        return np.where(m > 0, x, 0.0), m

    spans = [(s, min(n_rows, s + CHUNK_ROWS)) for s in range(0, max(n_rows, 1), CHUNK_ROWS)]
    total, counts = np.zeros(k), np.zeros(k)
    for start, end in spans:                 # centre first (fewer rounding errors); an all-missing column by 0
        x0, m = rows(start, end)
        total += x0.sum(axis=0)
        counts += m.sum(axis=0)
    shift = np.divide(total, counts, out=np.zeros(k), where=counts > 0)
    n, s, q, p = (np.zeros((k, k)) for _ in range(4))
    for start, end in spans:
        x0, m = rows(start, end)
        x0 = np.where(m > 0, x0 - shift[None, :], 0.0)
        n += m.T @ m                      # n_ij: units with both
        s += x0.T @ m                     # s_ij: Σ x_i over units with both
        q += (x0 * x0).T @ m              # Σ x_i² over units with both
        p += x0.T @ x0                    # Σ x_i x_j (zero where either is missing)
    with np.errstate(invalid="ignore", divide="ignore"):
        cov = n * p - s * s.T
        var_i = n * q - s * s
        r = cov / np.sqrt(var_i * var_i.T)
    r = np.where(n >= min_periods, np.clip(r, -1.0, 1.0), np.nan)
    return pd.DataFrame(r, index=columns, columns=columns)


def pca_summary(x: np.ndarray) -> tuple[float, int, list[float]]:
    """(share of variance of the first component, eigenvalues > 1, eigenvalues) of the correlation matrix."""
    complete = x[~np.isnan(x).any(axis=1)]
    varying = complete.std(axis=0, ddof=1) > 0 if complete.shape[0] > 1 else np.zeros(x.shape[1], bool)
    if complete.shape[0] < 3 or varying.sum() < 2:
        return float("nan"), 0, []
    values = np.linalg.eigvalsh(np.corrcoef(complete[:, varying], rowvar=False))[::-1]
    return float(values[0] / values.sum()), int((values > 1).sum()), values.tolist()


def statistics(run: IndexRun, *, redundant: float = REDUNDANT, weak: float = WEAK) -> None:
    """Add ``indicator_stats``, ``correlations``, ``node_stats`` and ``flags`` to the run's analysis."""
    raw = run.data["denominated"]
    rows = []
    for col in raw.columns:
        s = raw[col]
        if is_text(s):
            rows.append({"indicator": col, "n": int(s.notna().sum()), "coverage": float(s.notna().mean())})
            continue
        x = s.to_numpy(dtype=float)
        finite = x[~np.isnan(x)]
        sk, ku = skew_kurtosis(x)
        rows.append({"indicator": col, "n": int(finite.size), "coverage": float(finite.size / max(1, x.size)),
                     "min": float(finite.min()) if finite.size else np.nan,
                     "max": float(finite.max()) if finite.size else np.nan,
                     "mean": float(finite.mean()) if finite.size else np.nan,
                     "sd": float(finite.std(ddof=1)) if finite.size > 1 else np.nan, "skew": sk, "kurtosis": ku,
                     "constant": bool(finite.size > 1 and np.ptp(finite) == 0)})
    run.analysis["indicator_stats"] = pd.DataFrame(rows)

    frames = [run.data["normalised"], run.data["aggregated"]]
    corr = correlation_matrix(frames)
    run.analysis["correlations"] = corr
    frame_of = {c: f for f in reversed(frames) for c in f.columns}      # the first frame wins, as concat's did
    node_rows, flags = [], []
    for node in run.tree.nodes:
        x = np.column_stack([frame_of[c][c].to_numpy(dtype=float) for c in node.children])
        explained, above_one, _ = pca_summary(x)
        alpha = cronbach_alpha(x)
        node_rows.append({"node": node.id, "level": node.level, "children": len(node.children), "alpha": alpha,
                          "pc1_share": explained, "eigenvalues_above_1": above_one})
        if not np.isnan(alpha) and alpha < ALPHA_LOW:
            flags.append({"kind": "low_alpha", "node": node.id, "a": node.id, "b": "", "value": alpha})
        for i, a in enumerate(node.children):
            r_parent = corr.loc[a, node.id] if a in corr.index and node.id in corr.columns else np.nan
            if not pd.isna(r_parent) and r_parent < weak:
                flags.append({"kind": "negative" if r_parent < 0 else "weak", "node": node.id, "a": a, "b": node.id,
                              "value": float(r_parent)})
            for b in node.children[i + 1:]:
                r = corr.loc[a, b] if a in corr.index and b in corr.columns else np.nan
                if not pd.isna(r) and abs(r) >= redundant:
                    flags.append({"kind": "redundant", "node": node.id, "a": a, "b": b, "value": float(r)})
    run.analysis["node_stats"] = pd.DataFrame(node_rows)
    run.analysis["flags"] = pd.DataFrame(flags, columns=["kind", "node", "a", "b", "value"])
    run.log_step("statistics", {"correlation": "pearson", "redundant": redundant, "weak": weak,
                                "alpha_low": ALPHA_LOW})
