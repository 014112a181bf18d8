"""Imputation of missing indicator values, per indicator, by a method named in the framework.

    none              leave it missing: aggregation skips it and re-weights the rest (the default;
                      also named ``aggregate``: COINr's aggregation-level imputation)
    indicator_mean    the indicator's mean over all units          (COINr i_mean)
    indicator_median  the indicator's median over all units        (COINr i_median)
    group_mean        the mean within the unit's group             (COINr i_mean_grp)
    group_median      the median within the unit's group           (COINr i_median_grp)

Group methods take ``group: <column>`` (a column of the table, e.g. ``region`` or ``level``);
without it they use the ranking groups. A group with no value at all stays missing.
Categorical indicators are never imputed.
"""
from __future__ import annotations

import pandas as pd

from govlens.frameworks.model import MethodSpec
from govlens.messages import t
from govlens.scoring.methods import ParamError, Registry, call, shown
from govlens.scoring.run import IndexRun, assemble, is_text

METHODS = Registry("impute")


@METHODS.register("none")
def i_none(x: pd.Series, groups: pd.Series | None) -> pd.Series:
    return x


METHODS["aggregate"] = i_none


@METHODS.register("indicator_mean")
def i_mean(x: pd.Series, groups: pd.Series | None) -> pd.Series:
    return x.fillna(x.mean())


@METHODS.register("indicator_median")
def i_median(x: pd.Series, groups: pd.Series | None) -> pd.Series:
    return x.fillna(x.median())


@METHODS.register("group_mean")
def i_group_mean(x: pd.Series, groups: pd.Series | None, *, group: str | None = None) -> pd.Series:
    if groups is None:
        raise ParamError(t("scoring.group_needed"), "group")
    return x.fillna(x.groupby(groups.to_numpy(), sort=False).transform("mean"))


@METHODS.register("group_median")
def i_group_median(x: pd.Series, groups: pd.Series | None, *, group: str | None = None) -> pd.Series:
    if groups is None:
        raise ParamError(t("scoring.group_needed"), "group")
    return x.fillna(x.groupby(groups.to_numpy(), sort=False).transform("median"))


def impute_frame(run: IndexRun, frame: pd.DataFrame,
                 specs: dict[str, tuple[MethodSpec, str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(imputed frame, report: indicator, method, missing, imputed, still_missing)."""
    out = {}
    rows = []
    for col in frame.columns:
        x = frame[col]
        spec, path = specs[col]
        if is_text(x) or spec.method in ("none", "aggregate"):
            n = int(x.isna().sum())
            rows.append({"indicator": col, "method": "none (categorical)" if is_text(x) else "none",
                         "missing": n, "imputed": 0, "still_missing": n})
            continue
        try:
            fn = METHODS.method(spec.method)
            groups = _groups(run, spec) if spec.method.startswith("group_") else None
            filled = call(fn, x, groups, params=dict(spec.params))
        except ParamError as exc:
            raise run.param_error(exc, path) from None
        before, after = int(x.isna().sum()), int(filled.isna().sum())
        if before != after:
            out[col] = filled.to_numpy(dtype=float)
        rows.append({"indicator": col, "method": spec.method, "missing": before, "imputed": before - after,
                     "still_missing": after})
    return assemble(frame, out), pd.DataFrame(rows)


def _groups(run: IndexRun, spec: MethodSpec) -> pd.Series:
    column = spec.params.get("group")
    if column is None:
        return run.input.groups
    try:
        return run.input.column(str(column)).astype(object)
    except KeyError:
        raise ParamError(t("scoring.no_group_column", name=shown(column)), "group") from None


def impute(run: IndexRun, override: MethodSpec | None = None,
           logged: dict[str, MethodSpec] | None = None) -> None:
    """Write the ``imputed`` data set from the latest one (``logged``: the methods of a replayed log)."""
    specs = run.method_specs("impute", override, "imputation", logged)
    frame, report = impute_frame(run, run.latest(), specs)
    run.data["imputed"] = frame
    run.analysis["imputation"] = report
    run.log_step("impute", {k: spec.as_dict() for k, (spec, _) in specs.items()})

