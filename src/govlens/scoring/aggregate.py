"""Aggregation of scores with weights, skipping missing values and re-weighting the rest.

Missing is a status, never zero: a unit's weights are rescaled over the components it has
(COINr's "skip missing and reweight"), and the share of weight it had is kept as coverage.
"""
from __future__ import annotations

import numpy as np


def weighted_arithmetic(scores: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rows are units, columns components. Returns (aggregate, coverage); all-missing rows give NaN."""
    present = ~np.isnan(scores)
    w = np.where(present, weights[None, :], 0.0)
    total = w.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        agg = np.where(total > 0, np.nansum(np.where(present, scores, 0.0) * w, axis=1) / total, np.nan)
        coverage = total / weights.sum() if weights.sum() > 0 else np.zeros_like(total)
    return agg, coverage


def weighted_geometric(scores: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Weighted geometric mean; zero scores are lifted to 1 (on the 0–100 scale) so one zero does not erase a unit."""
    present = ~np.isnan(scores)
    w = np.where(present, weights[None, :], 0.0)
    total = w.sum(axis=1)
    logs = np.log(np.maximum(np.where(present, scores, 1.0), 1.0))
    with np.errstate(invalid="ignore", divide="ignore"):
        agg = np.where(total > 0, np.exp((logs * w).sum(axis=1) / total), np.nan)
        coverage = total / weights.sum() if weights.sum() > 0 else np.zeros_like(total)
    return agg, coverage


AGGREGATORS = {"weighted_arithmetic": weighted_arithmetic, "weighted_geometric": weighted_geometric}
