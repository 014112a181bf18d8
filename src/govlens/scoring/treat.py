"""Outlier treatment, per indicator, with a report of what was done to each (COINr's ``Treat``).

    none       nothing (the default: govlens probes are normalised between fixed goalposts)
    winsorise  COINr's default two-stage treatment:
               1. an indicator passes when |skew| < ``skew`` (2) OR kurtosis < ``kurtosis`` (3.5);
               2. if it fails, the most extreme point (on the side of the skew) takes the value of the next
                  one, again and again, until it passes or ``winmax`` (5) points are winsorised;
               3. if it still fails, ``fallback`` (``log_ct``) is applied to the original values instead.
    log_ct     COIN Tool log: ln(x − min + 0.01 (max − min))
    log        ln(x); every value must be positive

Skewness and kurtosis are the bias-corrected sample statistics (scipy's ``bias=False``), which are
COINr's (e1071 type 2, as Excel's SKEW and KURT); they are computed here from the central moments
(G₁ = g₁ √(n(n−1)) / (n−2), G₂ = ((n+1) g₂ + 6)(n−1) / ((n−2)(n−3))) rather than by ``scipy.stats``,
whose import alone costs more than a whole small ``govlens index`` run (tests check the two agree). The winsorisation loop is written here because
no library does this iterative, skew-driven variant: scipy's ``mstats.winsorize`` clips fixed
proportions of both tails.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from govlens.frameworks.model import MethodSpec
from govlens.messages import join, quote, t
from govlens.scoring.methods import ParamError, Registry, call
from govlens.scoring.run import IndexRun, assemble, is_text

METHODS = Registry("treat")
REPORT_COLUMNS = ["indicator", "method", "skew_before", "kurtosis_before", "winsorised", "winsorised_high",
                  "winsorised_low", "transformed", "skew_after", "kurtosis_after", "passes"]


def skew_kurtosis(x: np.ndarray) -> tuple[float, float]:
    """Bias-corrected skewness and excess kurtosis of the finite values (NaN with fewer than 4)."""
    x = x[np.isfinite(x)]
    if x.size < 4 or np.ptp(x) == 0:
        return float("nan"), float("nan")
    n = x.size
    d = x - x.mean()
    m2, m3, m4 = (d ** 2).mean(), (d ** 3).mean(), (d ** 4).mean()
    if m2 <= (np.finfo(float).resolution * x.mean()) ** 2:     # equal up to rounding (scipy's test): no shape
        return float("nan"), float("nan")
    g1, g2 = m3 / m2 ** 1.5, m4 / m2 ** 2 - 3.0
    return (float(g1 * np.sqrt(n * (n - 1)) / (n - 2)),
            float(((n + 1) * g2 + 6.0) * (n - 1) / ((n - 2) * (n - 3))))


def passes(x: np.ndarray, skew: float, kurtosis: float) -> bool:
    s, k = skew_kurtosis(x)
    if np.isnan(s):
        return True
    return abs(s) < skew or k < kurtosis


@METHODS.register("none")
def t_none(x: np.ndarray) -> tuple[np.ndarray, dict[str, Any]]:
    return x, {}


@METHODS.register("log_ct")
def log_ct(x: np.ndarray) -> tuple[np.ndarray, dict[str, Any]]:
    lo, hi = np.nanmin(x), np.nanmax(x)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.log(x - lo + 0.01 * (hi - lo)), {"transformed": "log_ct"}


@METHODS.register("log")
def log(x: np.ndarray) -> tuple[np.ndarray, dict[str, Any]]:
    if np.nanmin(x) <= 0:
        raise ParamError(t("scoring.log_positive", min=f"{np.nanmin(x):g}"))
    return np.log(x), {"transformed": "log"}


@METHODS.register("winsorise")
def winsorise(x: np.ndarray, *, winmax: int | None = 5, skew: float = 2.0, kurtosis: float = 3.5,
              fallback: str = "log_ct", force: bool = False) -> tuple[np.ndarray, dict[str, Any]]:
    """COINr's ``winsorise`` then, if it still fails, ``fallback`` on the original values."""
    if fallback not in METHODS or fallback == "winsorise":
        raise ParamError(t("scoring.fallback", known=join([m for m in METHODS if m != "winsorise"])), "fallback")
    if winmax is not None and (isinstance(winmax, bool) or not isinstance(winmax, int) or winmax < 0):
        raise ParamError(t("scoring.winmax"), "winmax")
    original = x
    x = x.copy()
    finite = np.isfinite(x)
    last_high: np.ndarray = np.array([], dtype=int)
    last_low: np.ndarray = np.array([], dtype=int)
    ok = passes(x, skew, kurtosis)
    nwin = 0
    if (not ok or force) and finite.sum() >= 4:
        while (not ok or force) and (winmax is None or nwin < winmax):
            s, _ = skew_kurtosis(x)
            vals = x[finite]
            if np.isnan(s):
                break
            high = s >= 0                               # clip the end the skew leans to
            end = vals.max() if high else vals.min()
            idx = np.flatnonzero(finite & (x == end))
            rest = vals[vals != end]
            if rest.size == 0:
                break
            x[idx] = rest.max() if high else rest.min()
            if high:
                last_high = idx
            else:
                last_low = idx
            nwin = last_high.size + last_low.size    # COINr counts the points now sitting at the clipped ends
            ok = passes(x, skew, kurtosis)
    details: dict[str, Any] = {"winsorised": int(nwin), "winsorised_high": int(last_high.size),
                               "winsorised_low": int(last_low.size)}
    if not ok and fallback != "none":
        y, more = METHODS[fallback](original)
        details.update(more)
        details.update({"winsorised": 0, "winsorised_high": 0, "winsorised_low": 0})
        return y, details
    return x, details


def treat_frame(run: IndexRun, frame: pd.DataFrame,
                specs: dict[str, tuple[MethodSpec, str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(treated frame, report with one row per indicator)."""
    out = {}
    rows = []
    for col in frame.columns:
        series = frame[col]
        spec, path = specs[col]
        if is_text(series):
            rows.append({"indicator": col, "method": "none (categorical)"})
            continue
        if spec.method == "none":
            rows.append({"indicator": col, "method": "none"})
            continue
        x = series.to_numpy(dtype=float)
        s0, k0 = skew_kurtosis(x)
        try:
            y, details = call(METHODS.method(spec.method), x, params=dict(spec.params))
        except ParamError as exc:
            raise run.param_error(ParamError(t("scoring.indicator_of", name=quote(col), reason=exc), exc.field),
                                      path) from None
        s1, k1 = skew_kurtosis(y)
        thresholds = (float(spec.params.get("skew", 2.0)), float(spec.params.get("kurtosis", 3.5)))
        if not np.array_equal(x, y, equal_nan=True):
            out[col] = y
        rows.append({"indicator": col, "method": spec.method, "skew_before": s0, "kurtosis_before": k0,
                     "winsorised": details.get("winsorised", 0), "winsorised_high": details.get("winsorised_high", 0),
                     "winsorised_low": details.get("winsorised_low", 0),
                     "transformed": details.get("transformed", ""), "skew_after": s1, "kurtosis_after": k1,
                     "passes": bool(np.isnan(s1) or abs(s1) < thresholds[0] or k1 < thresholds[1])})
    return assemble(frame, out), pd.DataFrame(rows, columns=REPORT_COLUMNS)


def treat(run: IndexRun, override: MethodSpec | None = None,
          logged: dict[str, MethodSpec] | None = None) -> None:
    """Write the ``treated`` data set from the latest one, and the per-indicator ``treatment`` report."""
    specs = run.method_specs("treat", override, "treatment", logged)
    frame, report = treat_frame(run, run.latest(), specs)
    run.data["treated"] = frame
    run.analysis["treatment"] = report
    run.log_step("treat", {k: spec.as_dict() for k, (spec, _) in specs.items()})
