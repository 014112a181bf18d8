"""Normalisation methods: raw indicator values → 0–100 scores, picked by name from the framework.

Each method takes a numpy array of raw values (NaN for missing) and its parameters and
returns scores in [0, 100] with NaN kept, so a missing value never becomes zero.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from govlens.errors import FrameworkError

Method = Callable[..., np.ndarray]
METHODS: dict[str, Method] = {}


def method(name: str) -> Callable[[Method], Method]:
    def register(fn: Method) -> Method:
        METHODS[name] = fn
        return fn
    return register


def _goalposts(params: dict[str, Any], name: str) -> tuple[float, float]:
    try:
        worst, best = float(params["worst"]), float(params["best"])
    except (KeyError, TypeError, ValueError):
        raise FrameworkError(f"normalisation '{name}' needs numeric 'worst' and 'best'") from None
    if worst == best:
        raise FrameworkError(f"normalisation '{name}': 'worst' and 'best' must differ")
    return worst, best


@method("bounded_linear")
def bounded_linear(raw: np.ndarray, *, worst: float, best: float) -> np.ndarray:
    """Linear between goalposts, clipped: worst → 0, best → 100 (best < worst means lower is better)."""
    return np.clip((raw - worst) / (best - worst), 0.0, 1.0) * 100.0


@method("log_linear")
def log_linear(raw: np.ndarray, *, worst: float, best: float) -> np.ndarray:
    """Bounded linear on log10(1 + x), for heavy-tailed counts (links, indexed pages, mentions)."""
    with np.errstate(invalid="ignore"):
        return bounded_linear(np.log10(1.0 + np.maximum(raw, 0.0)), worst=np.log10(1.0 + worst),
                              best=np.log10(1.0 + best))


@method("minmax")
def minmax(raw: np.ndarray, *, higher_is_better: bool = True) -> np.ndarray:
    """Min-max over the units being scored; a constant indicator scores 100 for everyone."""
    finite = raw[~np.isnan(raw)]
    if finite.size == 0:
        return raw.copy()
    lo, hi = float(finite.min()), float(finite.max())
    if hi == lo:
        return np.where(np.isnan(raw), np.nan, 100.0)
    scaled = (raw - lo) / (hi - lo) * 100.0
    return scaled if higher_is_better else 100.0 - scaled


_INVERSE_ERFC_ONE_FIFTH = 0.9061938024368232      # erfc⁻¹(0.2): puts p10 at a score of 0.9
_erf = np.frompyfunc(math.erf, 1, 1)


@method("log_normal")
def log_normal(raw: np.ndarray, *, p10: float, median: float) -> np.ndarray:
    """Lighthouse's metric curve: a log-normal complementary CDF through (p10 → 90, median → 50).

    For costs where lower is better (milliseconds, bytes, layout shift); 0 or less scores 100.
    Same formula as Lighthouse's ``getLogNormalScore`` (its p10/median control points can be
    copied into a framework file as they are).
    """
    try:
        p10, median = float(p10), float(median)
    except (TypeError, ValueError):
        raise FrameworkError("normalisation 'log_normal' needs numeric 'p10' and 'median'") from None
    if not 0 < p10 < median:
        raise FrameworkError("normalisation 'log_normal' needs 0 < p10 < median")
    out = np.full(raw.shape, np.nan)
    ok = ~np.isnan(raw)
    x = raw[ok].astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.log(np.where(x > 0, x, 1.0) / median) * _INVERSE_ERFC_ONE_FIFTH / -np.log(p10 / median)
    score = (1.0 - _erf(z).astype(float)) / 2.0
    out[ok] = np.where(x > 0, np.clip(score, 0.0, 1.0), 1.0) * 100.0
    return out


def normalise(raw: np.ndarray, method_name: str, params: dict[str, Any]) -> np.ndarray:
    if method_name not in METHODS:
        raise FrameworkError(f"unknown normalisation method '{method_name}' (known: {', '.join(sorted(METHODS))})")
    if method_name in ("bounded_linear", "log_linear"):
        worst, best = _goalposts(params, method_name)
        return METHODS[method_name](raw, worst=worst, best=best)
    try:
        return METHODS[method_name](raw, **params)
    except TypeError as exc:
        raise FrameworkError(f"normalisation '{method_name}': {exc}") from None
