"""Denomination by a column (per capita): invalid denominators make the value missing, and are counted."""
from __future__ import annotations

import numpy as np

from .conftest import col, framework, run_of, simple


def test_denomination_per_capita() -> None:
    fw = framework(simple({"sites": {"normalise": {"method": "none"}, "denominate": {"by": "pop", "scale": 1e4}}}))
    run = run_of(fw, {"sites": [10.0, 10.0, 5.0, 3.0], "pop": [1e5, 2e4, 0.0, np.nan]})
    assert col(run, "denominated", "sites")[:2].tolist() == [1.0, 5.0]
    assert np.isnan(col(run, "denominated", "sites")[2:]).all()
    assert run.analysis["denomination"].iloc[0]["invalid_denominators"] == 2
    assert any("为零、负数或缺失" in n for n in run.notes)
