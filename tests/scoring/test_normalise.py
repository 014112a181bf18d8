"""Normalisation methods against hand-computed values (COINr's n_* definitions, Lighthouse's curve)."""
from __future__ import annotations

import math

import numpy as np
import pytest

from govlens.errors import FrameworkError
from govlens.frameworks.model import MethodSpec
from govlens.scoring.methods import ParamError
from govlens.scoring.normalise import normalise_values

from .conftest import col, framework, run_of, simple

NAN = np.nan


def n(values, method, direction=1, ids=None, **params):
    return normalise_values(np.array(values, dtype=object if method == "categorical" else float),
                            MethodSpec(method, params), direction, ids)


def test_minmax_range_direction_and_constant() -> None:
    assert n([2, 4, 6, NAN], "minmax").tolist()[:3] == [0, 50, 100] and np.isnan(n([2, 4, 6, NAN], "minmax")[3])
    assert n([2, 4, 6], "minmax", l=1, u=10).tolist() == [1, 5.5, 10]
    assert n([2, 4, 6], "minmax", direction=-1).tolist() == [100, 50, 0]
    assert n([3, 3, NAN], "minmax")[:2].tolist() == [100, 100]


def test_zscore_uses_the_sample_sd() -> None:
    assert n([1, 2, 3], "zscore").tolist() == pytest.approx([-1, 0, 1])
    assert n([1, 2, 3], "zscore", mean=50, sd=10).tolist() == pytest.approx([40, 50, 60])
    assert n([7, 7, 7], "zscore", mean=50).tolist() == [50, 50, 50]


def test_ranks_percentiles_and_borda_share_the_lowest_rank_on_ties() -> None:
    assert n([10, 20, 20, 30], "rank").tolist() == [1, 2, 2, 4]
    assert n([10, 20, 20, 30], "percentile_rank").tolist() == pytest.approx([0, 100 / 3, 100 / 3, 100])
    assert n([10, 20, 20, 30], "borda").tolist() == [0, 1, 1, 3]
    r = n([5, NAN, 1], "percentile_rank")
    assert r[0] == 100 and np.isnan(r[1]) and r[2] == 0
    assert n([10, 20, 30], "rank", direction=-1).tolist() == [3, 2, 1]


def test_distances() -> None:
    ids = ["a", "b", "c", "d"]
    assert n([2, 4, 6, 8], "distance_to_reference", ids=ids, reference="c").tolist() == [0, 50, 100, 150]
    assert n([2, 4, 6, 8], "distance_to_reference", ids=ids, reference="c", cap=True).tolist() == [0, 50, 100, 100]
    assert n([2, 4, 6, 8], "distance_to_reference", ids=ids, value=6).tolist() == [0, 50, 100, 150]
    assert n([2, 6, 10], "distance_to_target", target=10).tolist() == [0, 50, 100]
    assert n([2, 4, 6], "distance_to_max").tolist() == [0, 50, 100]
    assert n([2, 4, 8], "fraction_of_max").tolist() == [25, 50, 100]
    with pytest.raises(ParamError, match="表中没有单位 “zz”"):
        n([1, 2], "distance_to_reference", ids=["a", "b"], reference="zz")
    with pytest.raises(ParamError, match="最大值为 0"):
        n([0, 0], "fraction_of_max")


def test_lighthouse_lognormal_control_points() -> None:
    # Lighthouse: score(p10) = 0.90, score(median) = 0.50, and in between the log-normal complementary CDF.
    p10, median = 1800.0, 3000.0
    s = n([p10, median, 0, 1e9, NAN], "lognormal", p10=p10, median=median)
    assert s[0] == pytest.approx(90) and s[1] == pytest.approx(50) and s[2] == 100 and s[3] < 0.01
    assert np.isnan(s[4])
    # halfway in log space between p10 and the median: erfc(-c/2)/2 with Lighthouse's c = erfc⁻¹(0.2)
    mid = median * math.sqrt(p10 / median)
    expected = (1 + math.erf(0.5 * 0.9061938024368232)) / 2 * 100
    assert n([mid], "lognormal", p10=p10, median=median)[0] == pytest.approx(expected, abs=1e-9)
    with pytest.raises(ParamError, match="p10 < median"):
        n([1], "lognormal", p10=5, median=3)


def test_categorical_maps_categories_and_codes() -> None:
    assert n(["是", "否", 1.0, None], "categorical", map={"是": 100, "否": 0, 1: 50}).tolist()[:3] == [100, 0, 50]
    with pytest.raises(ParamError, match="数值 “也许” 不在类别映射中"):
        n(["是", "也许"], "categorical", map={"是": 100})
    assert n(["是", "也许"], "categorical", map={"是": 100}, default=10).tolist() == [100, 10]


def test_goalposts_imply_direction_for_data_driven_alternatives() -> None:
    fw = framework(simple({"fail": {"normalise": {"method": "bounded_linear", "worst": 0.5, "best": 0}}}))
    run = run_of(fw, {"fail": [0.0, 0.25, 0.5]})
    assert col(run, "normalised", "fail").tolist() == [100, 50, 0]
    from govlens.scoring.normalise import effective_direction
    assert effective_direction(fw.leaves()[0]) == -1


def test_constant_indicator_is_noted_and_bad_params_name_the_key() -> None:
    fw = framework(simple({"a": {"normalise": {"method": "minmax"}}, "b": {"normalise": {"method": "minmax"}}}))
    run = run_of(fw, {"a": [1, 2, 3], "b": [5, 5, 5]})
    assert any("指标 “b”：所有单位数值相同" in note for note in run.notes)
    bad = framework(simple({"a": {"normalise": {"method": "zscore", "sd": -1}}}))
    with pytest.raises(FrameworkError) as info:
        run_of(bad, {"a": [1, 2, 3]})
    assert info.value.field == "dimensions[0].indicators[0].normalise.sd" and "sd 须大于 0" in str(info.value)
    unknown = framework(simple({"a": {"normalise": {"method": "minmax", "scale": 3}}}))
    with pytest.raises(FrameworkError, match="未知参数 “scale”"):
        run_of(unknown, {"a": [1, 2, 3]})
