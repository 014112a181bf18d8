"""Normalisations of the OECD/JRC Handbook (2008, §5) that COINr lacks: ratios and distances to the mean or
the worst unit, the above/below-the-mean threshold, percentiles as r / n, categorical scales from cut-offs.

    ratio_to_mean        x / x̄ × scale                       (lower is better: x̄ / x)
    distance_to_mean     (x − x̄) / x̄ × scale                 (lower is better: (x̄ − x) / x̄)
    ratio_to_worst       x / worst × scale, worst = min x     (lower is better: worst / x, worst = max x)
    distance_to_worst    (x − worst) / worst × scale          (lower is better: (worst − x) / worst)
    above_below_mean     w = x / x̄:  1 if w > 1 + p,  −1 if w < 1 − p,  else 0   (× scale; lower is better: negated)
    percentile           r / n × scale, r the rank with ties sharing the lowest (beside percentile_rank's (r−1)/(n−1))
    categorical_scale    cut-offs c₁ < … < c_k to scores s₀ … s_k: s_j for c_j ≤ x < c_{j+1};
                         ``on: percentile`` compares the unit's percentile (r / n × 100) instead of x

The Handbook defines these for higher-is-better indicators; for an indicator with ``direction: -1``
the ratio methods take the reciprocal and the distance methods the sign-flipped distance, so "better"
stays "higher" (they read the direction themselves instead of negating x, which would change a ratio's
meaning). A categorical scale on values ignores the direction: its scores say which end is better.
They are written here because no Python library implements the Handbook's normalisations.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from govlens.messages import t
from govlens.scoring.methods import ParamError
from govlens.scoring.normalise import METHODS, _finite, _rank_min

OWN_DIRECTION = "own_direction"        # attribute: the method gets ``_direction`` rather than negated values


def method(name: str) -> Any:
    return METHODS.register(name, own_direction=True)


def _scale(scale: Any) -> float:
    if isinstance(scale, bool) or not isinstance(scale, (int, float)) or not np.isfinite(scale):
        raise ParamError(t("scoring.scale_number"), "scale")
    return float(scale)


def _mean(raw: np.ndarray) -> float | None:
    finite = _finite(raw)
    if finite.size == 0:
        return None
    mean = float(finite.mean())
    if mean <= 0:
        raise ParamError(t("scoring.mean_positive", mean=f"{mean:g}"))
    return mean


def _worst(raw: np.ndarray, direction: int) -> float | None:
    finite = _finite(raw)
    if finite.size == 0:
        return None
    worst = float(finite.min() if direction == 1 else finite.max())
    if worst <= 0:
        raise ParamError(t("scoring.worst_positive", worst=f"{worst:g}"))
    return worst


def _reciprocal_ok(raw: np.ndarray) -> None:
    if (_finite(raw) <= 0).any():
        raise ParamError(t("scoring.ratio_positive"))


def _ratio(raw: np.ndarray, ref: float | None, scale: float, direction: int) -> np.ndarray:
    """raw / ref (ref / raw when lower is better) × scale; the values as they are without a reference."""
    if ref is None:
        return raw.copy()
    if direction == -1:
        _reciprocal_ok(raw)
        return ref / raw * _scale(scale)
    return raw / ref * _scale(scale)


def _distance(raw: np.ndarray, ref: float | None, scale: float, direction: int) -> np.ndarray:
    """(raw − ref) / ref × scale, turned when lower is better; the values as they are without a reference."""
    if ref is None:
        return raw.copy()
    return direction * (raw - ref) / ref * _scale(scale)


@method("ratio_to_mean")
def ratio_to_mean(raw: np.ndarray, *, scale: float = 100.0, _direction: int = 1) -> np.ndarray:
    return _ratio(raw, _mean(raw), scale, _direction)


@method("distance_to_mean")
def distance_to_mean(raw: np.ndarray, *, scale: float = 100.0, _direction: int = 1) -> np.ndarray:
    return _distance(raw, _mean(raw), scale, _direction)


@method("ratio_to_worst")
def ratio_to_worst(raw: np.ndarray, *, scale: float = 100.0, _direction: int = 1) -> np.ndarray:
    return _ratio(raw, _worst(raw, _direction), scale, _direction)


@method("distance_to_worst")
def distance_to_worst(raw: np.ndarray, *, scale: float = 100.0, _direction: int = 1) -> np.ndarray:
    return _distance(raw, _worst(raw, _direction), scale, _direction)


@method("above_below_mean")
def above_below_mean(raw: np.ndarray, *, p: float, scale: float = 1.0, _direction: int = 1) -> np.ndarray:
    """1 above (1 + p)·x̄, −1 below (1 − p)·x̄, 0 in between (the Handbook's threshold p, e.g. 0.2)."""
    if isinstance(p, bool) or not isinstance(p, (int, float)) or not 0 <= p < 1:
        raise ParamError(t("scoring.p_range"), "p")
    mean = _mean(raw)
    if mean is None:
        return raw.copy()
    w = raw / mean
    out = np.where(w > 1 + p, 1.0, np.where(w < 1 - p, -1.0, 0.0))
    return np.where(np.isnan(raw), np.nan, _direction * out * _scale(scale))


def _percentile(raw: np.ndarray, direction: int) -> np.ndarray:
    r = _rank_min(direction * raw)
    return r / int((~np.isnan(raw)).sum())


@method("percentile")
def percentile(raw: np.ndarray, *, scale: float = 100.0, _direction: int = 1) -> np.ndarray:
    """r / n × scale: the share of units at or below this one (the best unit scores ``scale``)."""
    if not (~np.isnan(raw)).any():
        return raw.copy()
    return _percentile(raw, _direction) * _scale(scale)


@method("categorical_scale")
def categorical_scale(raw: np.ndarray, *, cuts: list[float], scores: list[float], on: str = "value",
                      _direction: int = 1) -> np.ndarray:
    """Score s_j for c_j ≤ x < c_{j+1} (``len(scores) == len(cuts) + 1``); a value on a cut-off goes up."""
    if not isinstance(cuts, list) or not cuts or not all(
            isinstance(c, (int, float)) and not isinstance(c, bool) and np.isfinite(c) for c in cuts):
        raise ParamError(t("scoring.cuts_list"), "cuts")
    if any(b <= a for a, b in zip(cuts, cuts[1:])):
        raise ParamError(t("scoring.cuts_increase"), "cuts")
    if not isinstance(scores, list) or len(scores) != len(cuts) + 1 or not all(
            isinstance(s, (int, float)) and not isinstance(s, bool) for s in scores):
        raise ParamError(t("scoring.cuts_scores", n=len(cuts) + 1), "scores")
    if on not in ("value", "percentile"):
        raise ParamError(t("scoring.cuts_on"), "on")
    if not (~np.isnan(raw)).any():
        return raw.copy()
    x = raw if on == "value" else _percentile(raw, _direction) * 100.0
    category = np.searchsorted(np.asarray(cuts, dtype=float), np.nan_to_num(x), side="right")
    return np.where(np.isnan(raw), np.nan, np.asarray(scores, dtype=float)[category])
