"""Normalisation: raw indicator values → comparable scores, by a method named per indicator.

Each method takes a numpy array of values (NaN for missing) and keyword parameters and
returns an array of the same length with NaN kept, so a missing value never becomes zero.

Goalpost methods carry their direction in their parameters (``worst``/``best``; a lower-is-better
timing has ``best < worst``). Data-driven methods (min-max, z-score, ranks, distances …) read
the indicator's ``direction``: with -1 the values are negated first, as COINr does.

    bounded_linear   (x − worst) / (best − worst), clipped to [0, 1], × 100   — the govlens default
    goalposts        the same (COINr's name)
    log_linear       bounded_linear on log10(1 + x), for heavy-tailed counts
    lognormal        Lighthouse's log-normal curve through two control points: p10 → 90, median → 50
    minmax           (x − min) / (max − min) × (u − l) + l              (COINr n_minmax)
    zscore           (x − mean) / sd × s + m                            (COINr n_zscore)
    rank             rank, ties get the lowest rank                     (COINr n_rank)
    percentile_rank  (rank − 1) / (n − 1) × scale                       (COINr n_prank)
    borda            rank − 1: the number of units with a lower value   (COINr n_borda)
    distance_to_reference  (1 − (x_ref − x) / (x_ref − min)) × scale    (COINr n_dist2ref)
    distance_to_target     (1 − (target − x) / (target − min)) × scale  (COINr n_dist2targ)
    distance_to_max        (1 − (max − x) / (max − min)) × scale        (COINr n_dist2max)
    fraction_of_max        x / max × scale                              (COINr n_fracmax)
    categorical      a mapping of categories (or codes) to scores
    none             the values as they are

and, from the OECD/JRC Handbook (:mod:`govlens.scoring.normalise_reference`): ratio_to_mean,
distance_to_mean, ratio_to_worst, distance_to_worst, above_below_mean, percentile (r / n),
categorical_scale (numeric cut-offs).
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from govlens.errors import FrameworkError
from govlens.frameworks.model import IndicatorRef, MethodSpec
from govlens.messages import join, quote, t, word
from govlens.scoring.methods import ParamError, Registry, call, shown
from govlens.scoring.run import IndexRun, is_text

METHODS = Registry("normalise")
DIRECTIONAL = "directional"      # attribute: the method reads the indicator's direction


def method(name: str, directional: bool = False) -> Any:
    return METHODS.register(name, directional=directional)


def _finite(x: np.ndarray) -> np.ndarray:
    return x[~np.isnan(x)]


def _goalposts(worst: Any, best: Any) -> tuple[float, float]:
    try:
        w, b = float(worst), float(best)
    except (TypeError, ValueError):
        raise ParamError(t("scoring.goalposts_numeric"), "worst") from None
    if w == b:
        raise ParamError(t("scoring.goalposts_differ"), "best")
    return w, b


@method("bounded_linear")
def bounded_linear(raw: np.ndarray, *, worst: float, best: float) -> np.ndarray:
    """Linear between goalposts, clipped: worst → 0, best → 100 (best < worst means lower is better)."""
    w, b = _goalposts(worst, best)
    return np.clip((raw - w) / (b - w), 0.0, 1.0) * 100.0


METHODS["goalposts"] = bounded_linear


@method("log_linear")
def log_linear(raw: np.ndarray, *, worst: float, best: float) -> np.ndarray:
    """Bounded linear on log10(1 + x), for heavy-tailed counts (links, indexed pages, mentions)."""
    w, b = _goalposts(worst, best)
    if min(w, b) <= -1:
        raise ParamError(t("scoring.log_goalposts"), "worst")
    with np.errstate(invalid="ignore"):
        return bounded_linear(np.log10(1.0 + np.maximum(raw, 0.0)), worst=np.log10(1.0 + w), best=np.log10(1.0 + b))


@method("lognormal")
def lognormal(raw: np.ndarray, *, p10: float, median: float) -> np.ndarray:
    """Lighthouse's score curve for timings: a log-normal complementary CDF through p10 → 90 and median → 50.

    score = erfc(ln(x / median) · erfc⁻¹(0.2) / ln(median / p10)) / 2, then kept inside Lighthouse's bands
    (≤ p10: 90–100, ≤ median: 50–90, above: 0–50); values ≤ 0 score 100.
    """
    try:
        p10, median = float(p10), float(median)
    except (TypeError, ValueError):
        raise ParamError(t("scoring.p10_numeric"), "p10") from None
    if not 0 < p10 < median:
        raise ParamError(t("scoring.p10_order"), "p10")
    from scipy import special  # imported here: scipy costs ~0.3 s and only this method needs it

    inverse_erfc_one_fifth = float(special.erfcinv(0.2))
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.maximum(np.finfo(float).tiny, raw / median)
        standard = np.log(ratio) * inverse_erfc_one_fifth / -np.log(p10 / median)
        pct = special.erfc(standard) / 2
    score = np.where(raw <= p10, np.clip(pct, 0.9, 1.0),
                     np.where(raw <= median, np.clip(pct, 0.5, np.nextafter(0.9, 0)),
                              np.clip(pct, 0.0, np.nextafter(0.5, 0))))
    score = np.where(raw <= 0, 1.0, score)
    return np.where(np.isnan(raw), np.nan, score * 100.0)


@method("minmax", directional=True)
def minmax(raw: np.ndarray, *, l: float = 0.0, u: float = 100.0, higher_is_better: bool = True) -> np.ndarray:
    """Min-max over the units being scored onto [l, u]; a constant indicator gives everyone ``u``."""
    finite = _finite(raw)
    if finite.size == 0:
        return raw.copy()
    lo, hi = float(finite.min()), float(finite.max())
    if hi == lo:
        return np.where(np.isnan(raw), np.nan, float(u))
    scaled = (raw - lo) / (hi - lo)
    if not higher_is_better:
        scaled = 1.0 - scaled
    return scaled * (float(u) - float(l)) + float(l)


@method("zscore", directional=True)
def zscore(raw: np.ndarray, *, mean: float = 0.0, sd: float = 1.0) -> np.ndarray:
    """(x − mean) / sample sd, rescaled to the given mean and sd; a constant indicator gives everyone ``mean``."""
    if float(sd) <= 0:
        raise ParamError(t("scoring.sd_positive"), "sd")
    finite = _finite(raw)
    if finite.size < 2 or np.ptp(finite) == 0:
        return np.where(np.isnan(raw), np.nan, float(mean))
    return (raw - finite.mean()) / finite.std(ddof=1) * float(sd) + float(mean)


def _rank_min(raw: np.ndarray) -> np.ndarray:
    out = np.full(raw.shape, np.nan)
    ok = ~np.isnan(raw)
    out[ok] = pd.Series(raw[ok]).rank(method="min").to_numpy()
    return out


@method("rank", directional=True)
def rank(raw: np.ndarray) -> np.ndarray:
    """Rank among the units (1 = lowest value; ties share the lowest rank), as R's rank(ties = "min")."""
    return _rank_min(raw)


@method("percentile_rank", directional=True)
def percentile_rank(raw: np.ndarray, *, scale: float = 100.0) -> np.ndarray:
    """(rank − 1) / (n − 1) × scale, ties sharing the lowest rank; a single unit scores ``scale``."""
    r = _rank_min(raw)
    n = int((~np.isnan(raw)).sum())
    if n <= 1:
        return np.where(np.isnan(raw), np.nan, float(scale))
    return (r - 1) / (n - 1) * float(scale)


@method("borda", directional=True)
def borda(raw: np.ndarray) -> np.ndarray:
    """Borda score: the number of units with a strictly lower value (rank − 1)."""
    return _rank_min(raw) - 1


def _distance(raw: np.ndarray, ref: float, cap: bool, scale: float, what: str) -> np.ndarray:
    finite = _finite(raw)
    if finite.size == 0:
        return raw.copy()
    lo = float(finite.min())
    if ref == lo:
        raise ParamError(t("scoring.distance_undefined", what=word("scoring.distance_what", what), lo=f"{lo:g}"))
    y = 1.0 - (ref - raw) / (ref - lo)
    if cap:
        y = np.minimum(y, 1.0)
    return y * float(scale)


@method("distance_to_reference", directional=True)
def distance_to_reference(raw: np.ndarray, *, reference: Any = None, value: float | None = None,
                          cap: bool = False, scale: float = 100.0, _ids: Any = None) -> np.ndarray:
    """Distance to a reference unit's value (``reference: <unit id>``) or a given ``value``."""
    if (reference is None) == (value is None):
        raise ParamError(t("scoring.reference_or_value"), "reference")
    if reference is not None:
        ids = list(_ids) if _ids is not None else []
        if str(reference) not in ids:
            raise ParamError(t("scoring.no_unit", name=shown(reference)), "reference")
        ref = float(raw[ids.index(str(reference))])
        if np.isnan(ref):
            raise ParamError(t("scoring.reference_no_value", name=shown(reference)), "reference")
    else:
        ref = float(value)  # type: ignore[arg-type]
    return _distance(raw, ref, bool(cap), scale, "reference")


@method("distance_to_target", directional=True)
def distance_to_target(raw: np.ndarray, *, target: float, cap: bool = False, scale: float = 100.0) -> np.ndarray:
    return _distance(raw, float(target), bool(cap), scale, "target")


@method("distance_to_max", directional=True)
def distance_to_max(raw: np.ndarray, *, scale: float = 100.0) -> np.ndarray:
    finite = _finite(raw)
    if finite.size == 0:
        return raw.copy()
    if np.ptp(finite) == 0:
        return np.where(np.isnan(raw), np.nan, float(scale))
    return _distance(raw, float(finite.max()), False, scale, "maximum")


@method("fraction_of_max", directional=True)
def fraction_of_max(raw: np.ndarray, *, scale: float = 100.0) -> np.ndarray:
    finite = _finite(raw)
    if finite.size == 0:
        return raw.copy()
    top = float(finite.max())
    if top == 0:
        raise ParamError(t("scoring.largest_zero"))
    return raw / top * float(scale)


@method("none", directional=True)
def as_is(raw: np.ndarray) -> np.ndarray:
    return raw.astype(float, copy=True)


@method("categorical")
def categorical(raw: Any, *, map: dict[Any, float], default: float | None = None) -> np.ndarray:  # noqa: A002
    """Categories (or numeric codes) to scores: ``map: {完善: 100, 部分: 50, 无: 0}``; unknown → ``default``."""
    if not isinstance(map, dict) or not map:
        raise ParamError(t("scoring.categorical_mapping"), "map")
    table = {}
    for k, v in map.items():
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise ParamError(t("scoring.category_not_number", name=shown(k)), f"map.{k}")
        table[_category(k)] = float(v)
    values = np.asarray(raw, dtype=object)
    out = np.full(values.shape, np.nan)
    unknown: list[str] = []
    for i, v in enumerate(values):
        if v is None or (isinstance(v, float) and np.isnan(v)):
            continue
        key = _category(v)
        if key in table:
            out[i] = table[key]
        elif default is not None:
            out[i] = float(default)
        else:
            unknown.append(key)
    if unknown:
        raise ParamError(t("scoring.categorical_unknown", value=shown(unknown[0]), count=len(unknown),
                           known=join([str(k) for k in table])), "map")
    return out


def _category(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def effective_direction(ref: IndicatorRef) -> int:
    """The direction data-driven methods use: goalposts imply it (best < worst: lower is better)."""
    params = ref.normalisation.params
    if ref.normalisation.method in ("bounded_linear", "goalposts", "log_linear") and "worst" in params \
            and "best" in params:
        try:
            return 1 if float(params["best"]) > float(params["worst"]) else -1
        except (TypeError, ValueError):
            return ref.direction
    if ref.normalisation.method == "lognormal":
        return -1
    if ref.normalisation.method == "minmax" and params.get("higher_is_better") is False:
        return -1
    return ref.direction


def normalise_values(raw: Any, spec: MethodSpec, direction: int = 1, ids: Any = None) -> np.ndarray:
    """Apply one method to one indicator's values; raises ParamError."""
    fn = METHODS.method(spec.method)
    params = dict(spec.params)
    if spec.method == "distance_to_reference":
        params["_ids"] = ids
    if spec.method == "categorical":
        return call(fn, raw, params=params)
    x = np.asarray(raw, dtype=float)
    if getattr(fn, "own_direction", False):
        params["_direction"] = -1 if direction == -1 else 1
    elif getattr(fn, DIRECTIONAL, False) and direction == -1:
        if spec.method == "minmax" and params.get("higher_is_better") is False:
            pass                                  # the legacy flag already reverses it
        else:
            x = -x
    return np.asarray(call(fn, x, params=params), dtype=float)


def specs_of(run: IndexRun, override: MethodSpec | None = None) -> dict[str, tuple[MethodSpec, str, int]]:
    """indicator → (method, key path, direction); ``override`` replaces every method but a categorical map."""
    out = {}
    for ref in run.tree.indicators:
        replace = override is not None and ref.normalisation.method != "categorical"   # categories keep their map
        spec = override if replace else ref.normalisation
        path = "uncertainty.normalisation" if replace else f"{ref.path}.normalise"
        out[ref.id] = (spec, path, effective_direction(ref))
    return out


def normalise_frame(run: IndexRun, frame: pd.DataFrame,
                    specs: dict[str, tuple[MethodSpec, str, int]]) -> tuple[pd.DataFrame, list[str]]:
    """(normalised frame, indicators that are constant over the units)."""
    ids = frame.index
    block = np.empty((len(frame), len(frame.columns)), dtype=float, order="F")
    constant = []
    for j, col in enumerate(frame.columns):
        spec, path, direction = specs[col]
        series = frame[col]
        try:
            raw = series.to_numpy(dtype=object) if is_text(series) and spec.method == "categorical" \
                else series.to_numpy(dtype=float)
            block[:, j] = normalise_values(raw, spec, direction, ids)
        except ParamError as exc:
            raise run.param_error(ParamError(t("scoring.indicator_of", name=quote(col), reason=exc), exc.field),
                                  path) from None
        except (TypeError, ValueError):
            raise run.error(t("scoring.unusable_values", name=quote(col), method=quote(spec.method)), path) from None
        if not is_text(series):
            values = series.to_numpy(dtype=float)
            finite = values[~np.isnan(values)]
            if finite.size > 1 and finite.min() == finite.max():
                constant.append(col)
    return pd.DataFrame(block, index=ids, columns=list(frame.columns), copy=False), constant


def normalise(raw_or_run: Any, method_name: Any = None, params: Any = None, *,
              override: MethodSpec | None = None, logged: dict[str, tuple[MethodSpec, int]] | None = None) -> Any:
    """``normalise(run)`` writes the ``normalised`` data set; ``normalise(raw, name, params)`` scores one array."""
    if not isinstance(raw_or_run, IndexRun):
        try:
            return normalise_values(raw_or_run, MethodSpec(method_name, dict(params or {})))
        except ParamError as exc:
            raise FrameworkError(t("scoring.normalisation_of", name=quote(str(method_name)), reason=exc)) from None
    run = raw_or_run
    specs = ({k: (spec, "normalise", d) for k, (spec, d) in logged.items()} if logged is not None
             else specs_of(run, override))
    frame, constant = normalise_frame(run, run.latest(), specs)
    run.data["normalised"] = frame
    for col in constant:
        run.notes.append(t("scoring.note_constant", name=quote(col)))
    run.log_step("normalise", {k: {**spec.as_dict(), "direction": d} for k, (spec, _, d) in specs.items()})


from govlens.scoring import normalise_reference  # noqa: E402,F401  (registers the Handbook's methods)
