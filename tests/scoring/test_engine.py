"""The engine as a whole: a published formula end to end, replay from the log, edge cases, clear errors."""
from __future__ import annotations

import copy
import math
from pathlib import Path

import numpy as np
import pytest

from govlens.errors import FrameworkError, InputError
from govlens.scoring.engine import build_index, replay
from govlens.scoring.table import from_frame

from .conftest import col, framework, framework_file, run_of, simple

MINMAX = {"normalise": {"method": "minmax"}}

# UNDP's Human Development Index (HDR technical note 1, 2014 onwards): dimension indices from goalposts
# (life expectancy 20–85; expected schooling 0–18 and mean schooling 0–15, averaged; ln GNI per capita
# ln 100 – ln 75,000), then the geometric mean of the three, here on the engine's 0–100 scale.
HDI = {"id": "hdi", "aggregation": ["weighted_arithmetic", "weighted_geometric"], "dimensions": [
    {"id": "health", "indicators": [{"id": "life", "normalise": {"method": "bounded_linear", "worst": 20, "best": 85}}]},
    {"id": "education", "indicators": [
        {"id": "eys", "normalise": {"method": "bounded_linear", "worst": 0, "best": 18}},
        {"id": "mys", "normalise": {"method": "bounded_linear", "worst": 0, "best": 15}}]},
    {"id": "income", "indicators": [{"id": "gni", "treat": "log", "normalise": {
        "method": "bounded_linear", "worst": math.log(100), "best": math.log(75000)}}]}]}


def test_the_hdi_formula_end_to_end() -> None:
    run = run_of(framework(HDI), {"life": [79.4, 60.0], "eys": [13.9, 9.0], "mys": [8.4, 4.5],
                                  "gni": [13413.0, 2000.0]})
    health = (79.4 - 20) / 65
    education = (13.9 / 18 + 8.4 / 15) / 2
    income = (math.log(13413) - math.log(100)) / (math.log(75000) - math.log(100))
    assert col(run, "aggregated", "health")[0] == pytest.approx(100 * health)
    assert col(run, "aggregated", "education")[0] == pytest.approx(100 * education)
    assert col(run, "aggregated", "income")[0] == pytest.approx(100 * income)
    assert run.results["index"].iloc[0] == pytest.approx(100 * (health * education * income) ** (1 / 3))
    assert run.results["rank"].tolist() == [1, 2]


def test_replay_from_the_log_gives_the_same_run_and_replays_a_changed_assumption() -> None:
    doc = simple({"a": MINMAX, "b": MINMAX, "c": {"normalise": {"method": "zscore", "mean": 50, "sd": 10}}},
                 {"x": ["a", "b"], "y": ["c"]}, treat={"method": "winsorise"}, impute="indicator_median",
                 uncertainty={"replications": 40, "weights": {"noise": 0.3}})
    rng = np.random.default_rng(0)
    values = {k: rng.uniform(0, 100, 30).tolist() for k in "abc"}
    values["a"][3] = np.nan
    run = run_of(framework(doc), values)
    again = replay(run)
    for name in ("imputed", "treated", "normalised", "aggregated"):
        assert again.data[name].equals(run.data[name]), name
    assert again.results.drop(columns="vetoes").equals(run.results.drop(columns="vetoes"))
    changed = replay(run, {"normalise": {"a": {"method": "percentile_rank"}}})
    other = copy.deepcopy(doc)
    other["dimensions"][0]["indicators"][0]["normalise"] = {"method": "percentile_rank"}
    rebuilt = run_of(framework(other), values)
    assert np.allclose(changed.results["index"], rebuilt.results["index"])
    assert not np.allclose(changed.results["index"], run.results["index"])


def test_unknown_method_names_file_line_and_key(tmp_path: Path) -> None:
    text = "id: t\nweighting: {method: entropyy}\ndimensions:\n  - id: d\n    indicators:\n      - {id: a}\n"
    fw = framework_file(tmp_path, text)
    with pytest.raises(FrameworkError) as info:
        run_of(fw, {"a": [1.0, 2.0]})
    assert (info.value.line, info.value.field) == (2, "weighting") and "未知的方法 “entropyy”（weight）" in str(info.value)
    assert "是否想写 “entropy”" in str(info.value)


def test_a_column_the_framework_needs_must_be_in_the_input() -> None:
    import pandas as pd
    fw = framework(simple({"a": MINMAX, "b": MINMAX}))
    with pytest.raises(InputError, match="没有列 “b”，评估体系在 dimensions"):
        build_index(from_frame(pd.DataFrame({"a": [1.0]}, index=["u"])), fw)


def test_every_data_set_and_the_log_name_the_verbs_in_order() -> None:
    run = run_of(framework(simple({"a": MINMAX})), {"a": [1.0, 2.0]})
    assert list(run.data) == ["raw", "denominated", "imputed", "treated", "normalised", "aggregated"]
    assert [s.verb for s in run.log] == ["denominate", "screen", "impute", "treat", "normalise", "aggregate",
                                        "apply_rules", "rank", "statistics"]
