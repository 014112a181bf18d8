"""Screening by data availability: counted before imputation, excluded units get no index."""
from __future__ import annotations

import numpy as np
import pytest

from .conftest import col, framework, run_of, simple

NAN = np.nan
MINMAX = {"normalise": {"method": "minmax"}}


def test_screening_by_availability() -> None:
    fw = framework(simple({"a": MINMAX, "b": MINMAX, "c": MINMAX}, screen={"min_availability": 0.6},
                          impute="indicator_mean"))
    run = run_of(fw, {"a": [1, 2, 3, 4], "b": [1, NAN, 3, 4], "c": [1, NAN, 3, NAN]})
    screening = run.analysis["screening"]
    assert screening["availability"].tolist() == pytest.approx([1, 1 / 3, 1, 2 / 3])
    assert screening["included"].tolist() == [True, False, True, True]
    assert np.isnan(run.results["index"].iloc[1]) and not np.isnan(run.results["index"].iloc[3])
    assert any("指标数据不足 60%" in n for n in run.notes)
    # imputation happened after screening counted the gaps: u1's values are filled but it stays out
    assert col(run, "imputed", "b")[1] == pytest.approx(8 / 3)
