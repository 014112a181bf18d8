"""Imputation and screening by data availability."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from govlens.errors import FrameworkError
from govlens.scoring.engine import build_index
from govlens.scoring.table import from_frame

from .conftest import col, framework, run_of, simple

NAN = np.nan
MINMAX = {"normalise": {"method": "minmax"}}


def test_indicator_mean_and_median() -> None:
    fw = framework(simple({"a": {**MINMAX, "impute": "indicator_mean"}, "b": {**MINMAX, "impute": "indicator_median"},
                           "c": MINMAX}))
    run = run_of(fw, {"a": [1, 2, 9, NAN], "b": [1, 2, 9, NAN], "c": [1, NAN, 3, 4]})
    assert col(run, "imputed", "a")[3] == 4 and col(run, "imputed", "b")[3] == 2
    assert np.isnan(col(run, "imputed", "c")[1])                      # none: skipped at aggregation
    report = run.analysis["imputation"].set_index("indicator")
    assert report.loc["a", "imputed"] == 1 and report.loc["c", "still_missing"] == 1


def test_group_mean_and_median_by_ranking_group_or_any_column() -> None:
    fw = framework(simple({"a": {**MINMAX, "impute": "group_mean"}, "b": {**MINMAX, "impute": "group_median"}}))
    values = {"a": [1, 3, NAN, 10, 20, NAN, NAN], "b": [1, 2, 9, NAN, 5, 5, NAN]}
    groups = ["g", "g", "g", "h", "h", "h", "k"]
    run = run_of(fw, values, groups=groups)
    a, b = col(run, "imputed", "a"), col(run, "imputed", "b")
    assert a[2] == 2 and a[5] == 15 and np.isnan(a[6])          # group k has no value: stays missing
    assert b[3] == 5
    frame = pd.DataFrame(values, index=[f"u{i}" for i in range(7)])
    inp = from_frame(frame, groups=["x"] * 7)
    inp.extra = pd.DataFrame({"region": groups}, index=inp.ids)
    fw2 = framework(simple({"a": MINMAX, "b": MINMAX}, impute={"method": "group_mean", "group": "region"}))
    assert build_index(inp, fw2).data["imputed"]["a"].tolist()[:6] == [1, 3, 2, 10, 20, 15]
    fw3 = framework(simple({"a": MINMAX, "b": MINMAX}, impute={"method": "group_mean", "group": "province"}))
    with pytest.raises(FrameworkError) as info:
        build_index(inp, fw3)
    assert info.value.field == "impute.group" and "表中没有用于分组的列 “province”" in str(info.value)


def test_all_missing_unit_gets_no_index_and_no_rank_interval() -> None:
    fw = framework(simple({"a": MINMAX, "b": MINMAX}, uncertainty={"replications": 50, "weights": {"noise": 0.2}}))
    run = run_of(fw, {"a": [1, 2, 3, NAN], "b": [3, 1, 2, NAN]})
    res = run.results
    assert np.isnan(res["index"].iloc[3]) and res["rank"].iloc[3] == 4
    assert np.isnan(res["rank_median"].iloc[3]) and np.isnan(res["rank_low"].iloc[3])
    assert res["coverage"].iloc[3] == 0
