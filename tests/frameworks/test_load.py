from __future__ import annotations

from pathlib import Path

import pytest

from govlens.errors import FrameworkError
from govlens.frameworks import builtin_frameworks, load_framework, parse_framework, validate_references

MINIMAL = {"id": "f", "dimensions": [{"id": "d", "weight": 1, "indicators": [{"id": "a", "weight": 1}]}]}


def test_shipped_framework_covers_the_eight_aspects() -> None:
    f = load_framework("website-2013")
    assert [d.title() for d in f.dimensions] == ["网站设计", "版面布局", "色彩搭配", "网站访问", "网民体验", "搜索引擎",
                                                 "信息传播", "社会舆情"]
    assert sum(d.weight for d in f.dimensions) == 100
    assert {v.id for v in f.vetoes} >= {"site-unreachable", "homepage-not-updated", "columns-not-updated"}


@pytest.mark.parametrize("mutate, field", [
    (lambda d: d.pop("id"), "id"),
    (lambda d: d.update(dimensions=[]), "dimensions"),
    (lambda d: d["dimensions"][0].update(weight=-1), "dimensions[0].weight"),
    (lambda d: d["dimensions"][0]["indicators"][0].update(weight="heavy"), "dimensions[0].indicators[0].weight"),
    (lambda d: d["dimensions"][0]["indicators"].append({"id": "a"}), "dimensions[0].indicators[1]"),
    (lambda d: d["dimensions"][0]["indicators"][0].update(normalise="linear"), "dimensions[0].indicators[0].normalise"),
    (lambda d: d.update(vetoes=[{"id": "v", "indicator": "a", "op": "~", "value": 1}]), "vetoes[0].op"),
    (lambda d: d.update(vetoes=[{"id": "v", "indicator": "a", "op": ">", "value": "x"}]), "vetoes[0].value"),
    (lambda d: d.update(aggregation="median"), "aggregation"),
])
def test_bad_framework_names_the_key(mutate, field: str) -> None:  # type: ignore[no-untyped-def]
    import copy
    doc = copy.deepcopy(MINIMAL)
    mutate(doc)
    with pytest.raises(FrameworkError) as info:
        parse_framework(doc, "f.yaml")
    assert info.value.field == field and "f.yaml" in str(info.value)


def test_references_checked() -> None:
    f = parse_framework(MINIMAL, "f.yaml")
    with pytest.raises(FrameworkError, match="未知的指标 “a”"):
        validate_references(f, {"b"}, {"bounded_linear"})
    with pytest.raises(FrameworkError, match="未知的方法"):
        validate_references(f, {"a"}, {"log_linear"})


def test_yaml_syntax_error_has_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("id: f\ndimensions:\n  - id: [unclosed\n", encoding="utf-8")
    with pytest.raises(FrameworkError) as info:
        load_framework(path)
    assert info.value.line is not None and str(path) in str(info.value)


def test_unknown_shipped_name() -> None:
    with pytest.raises(FrameworkError, match="website-2013"):
        load_framework("no-such-framework")


@pytest.mark.parametrize("mutate, field", [
    (lambda d: d.update(weighting=3), "weighting"),
    (lambda d: d.update(aggregation=["weighted_arithmetic", "median"]), "aggregation[1]"),
    (lambda d: d.update(index={"aggregation": "copeland", "sum": 1}), "index.sum"),
    (lambda d: d.update(screen={"min_availability": 1.5}), "screen.min_availability"),
    (lambda d: d.update(uncertainty={"replications": 0}), "uncertainty.replications"),
    (lambda d: d.update(uncertainty={"weights": {"noise": 2}}), "uncertainty.weights.noise"),
    (lambda d: d.update(uncertainty={"interval": [0.9, 0.1]}), "uncertainty.interval"),
    (lambda d: d.update(uncertainty={"aggregation": ["mode"]}), "uncertainty.aggregation[0]"),
    (lambda d: d.update(uncertainty={"runs": 5}), "uncertainty.runs"),
    (lambda d: d["dimensions"][0]["indicators"][0].update(direction=2), "dimensions[0].indicators[0].direction"),
    (lambda d: d["dimensions"][0]["indicators"][0].update(denominate={"by": "pop", "scale": 0}),
     "dimensions[0].indicators[0].denominate.scale"),
    (lambda d: d["dimensions"][0].update(dimensions=[{"id": "s", "indicators": [{"id": "b"}]}]), "dimensions[0]"),
    (lambda d: d["dimensions"][0]["indicators"][0].update(id="d"), "dimensions[0].indicators[0].id"),
    (lambda d: d.update(deductions=[{"id": "x", "indicator": "a", "op": ">", "value": 1, "points": -2}]),
     "deductions[0].points"),
    (lambda d: d.update(qualify={"min_index": "sixty"}), "qualify.min_index"),
    (lambda d: d.update(table={"id": 3}), "table"),
])
def test_bad_engine_keys_name_the_key(mutate, field: str) -> None:  # type: ignore[no-untyped-def]
    import copy
    doc = copy.deepcopy(MINIMAL)
    mutate(doc)
    with pytest.raises(FrameworkError) as info:
        parse_framework(doc, "f.yaml")
    assert info.value.field == field, str(info.value)


def test_errors_found_after_parsing_carry_the_yaml_line(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("id: f\ndimensions:\n  - id: d\n    indicators:\n      - id: a\n        weight: -3\n",
                    encoding="utf-8")
    with pytest.raises(FrameworkError) as info:
        load_framework(path)
    assert (info.value.line, info.value.field) == (6, "dimensions[0].indicators[0].weight")
    assert f"{path}:6" in str(info.value)


def test_engine_keys_are_parsed() -> None:
    doc = {"id": "f", "aggregation": ["weighted_geometric", {"method": "generalised_mean", "p": 0.5}],
           "weighting": "entropy", "impute": {"method": "group_median", "group": "region"}, "treat": "winsorise",
           "screen": {"min_availability": 0.5}, "index": {"weighting": {"method": "ahp", "matrix": [[1]]}},
           "qualify": {"min_index": 60}, "table": {"id": "code", "group": "region"},
           "uncertainty": {"replications": 200, "weights": {"noise": 0.1, "levels": [2]},
                           "normalisation": ["minmax", {"method": "zscore", "mean": 50}]},
           "dimensions": [{"id": "d", "aggregation": "weighted_harmonic", "indicators": [
               {"id": "a", "direction": -1, "denominate": {"by": "pop", "scale": 1e4}, "impute": "indicator_mean"}]}]}
    f = parse_framework(doc, "f.yaml")
    assert f.aggregation == "weighted_geometric" and f.aggregation_levels[1].params == {"p": 0.5}
    assert f.weighting.method == "entropy" and f.impute.params == {"group": "region"} and f.treat.method == "winsorise"
    assert f.min_availability == 0.5 and f.qualify_min == 60 and f.table["id"] == "code"
    assert f.uncertainty.replications == 200 and f.uncertainty.weight_levels == (2,)
    assert [s.method for s in f.uncertainty.normalisation] == ["minmax", "zscore"]
    ref = f.leaves()[0]
    assert (ref.direction, ref.denominator, ref.denominator_scale, ref.impute.method) == (-1, "pop", 1e4,
                                                                                            "indicator_mean")
    assert f.dimensions[0].aggregation.method == "weighted_harmonic"
    assert f.indicator_ids() == ["a"]


def test_shipped_framework_publishes_rank_intervals() -> None:
    u = load_framework("website-2013").uncertainty
    assert u is not None and u.replications == 1000 and u.interval == (0.05, 0.95) and u.weight_noise == 0.25


def test_platform_groups_limit_what_a_framework_scores() -> None:
    import copy
    doc = copy.deepcopy(MINIMAL)
    doc["platform_groups"] = ["civilization_city"]
    f = parse_framework(doc, "f.yaml")
    assert f.covers("website", "civilization_city") and not f.covers("website", "county")
    assert not f.covers("weibo", "civilization_city")
    assert parse_framework(MINIMAL, "f.yaml").covers("website", "anything")       # no groups: every group
    doc["platform_groups"] = "civilization_city"
    with pytest.raises(FrameworkError) as info:
        parse_framework(doc, "f.yaml")
    assert info.value.field == "platform_groups"


@pytest.mark.parametrize("name, kinds, dimensions", [
    ("civilization-2013", ("website",), ["文明传播", "信息更新", "互动交流", "网站访问"]),
    ("foreign-site-2013", ("foreign_site",), ["信息公开", "公共服务", "互动交流", "网站管理", "海外传播影响力"]),
    ("cn-domain-2013", ("cn_domain",), ["已注册中文政务域名", "有独立的网站", "通过中文政务域名能访问",
                                       "首页显著位置标示中文政务域名"]),
])
def test_series_6_7_8_frameworks(name, kinds, dimensions) -> None:  # type: ignore[no-untyped-def]
    from govlens.indicators.catalogue import all_ids
    f = load_framework(name)
    assert f.platform_kinds == kinds and [d.title() for d in f.dimensions] == dimensions
    assert sum(d.weight for d in f.dimensions) == 100
    from govlens.scoring import NORMALISATION_METHODS
    validate_references(f, set(all_ids()), set(NORMALISATION_METHODS))


def test_a_bad_framework_gives_its_reason_in_the_process_language(tmp_path: Path) -> None:
    """The reason follows the locale the command line sets; the file, line and field stay the same."""
    from govlens import messages

    path = tmp_path / "framework.yaml"
    path.write_text("id: f\ntitle: 测试框架\ndimensions: []\n", encoding="utf-8")
    with pytest.raises(FrameworkError) as zh:
        load_framework(path)
    with messages.using("en"):
        with pytest.raises(FrameworkError) as en:
            load_framework(path)
    for info in (zh, en):
        assert (info.value.file, info.value.line, info.value.field) == (str(path), 3, "dimensions"), info.value
    assert "应为非空列表" in str(zh.value) and "expected" not in str(zh.value), zh.value
    assert "expected a non-empty list" in str(en.value) and "应为" not in str(en.value), en.value


@pytest.mark.parametrize("review, field, reason", [
    ({"outliers": "drop", "items": [{"id": "a"}]}, "review.outliers", "应为 “exclude” 或 “keep”"),
    ({"item": []}, "review.item", "未知的键 “item”，是否想写 “items”"),
    ({"items": [{"id": "a", "min": 5, "max": 1}]}, "review.items[0].max", "应为数字，且 min < max"),
])
def test_a_bad_review_block_names_its_field_in_chinese(review, field, reason) -> None:
    with pytest.raises(FrameworkError) as info:
        parse_framework({**MINIMAL, "review": review}, "fw.yaml")
    assert info.value.field == field and reason in str(info.value), info.value


def test_a_bad_inspection_scheme_names_its_field_in_chinese() -> None:
    from govlens.frameworks.inspection import parse_inspection_scheme

    with pytest.raises(FrameworkError) as info:
        parse_inspection_scheme({"scheme": "inspection", "deductions": [{"id": "d", "indicator": "a"}]}, "s.yaml")
    assert info.value.field == "deductions[0]" and "请给出条件（op、value）、per（每满多少计一次）或 per_unit: true" \
        in str(info.value)
    with pytest.raises(FrameworkError) as info:           # the scheme's keys before the rule model was one
        parse_inspection_scheme({"scheme": "inspection", "deductions": [
            {"id": "d", "indicator": "a", "when": {"op": "==", "value": 0}, "points": 2}]}, "s.yaml")
    assert info.value.field == "deductions[0].when" and "键 “when” 已改为 “op, value”" in str(info.value)


def test_a_yaml_syntax_error_is_said_in_words_with_its_line(tmp_path) -> None:
    from govlens import messages
    from govlens.errors import FrameworkError
    from govlens.frameworks import load_framework

    path = tmp_path / "fw.yaml"
    path.write_text("id: x\ndimensions:\n  - id: d\n    weight: [1, 2\n", encoding="utf-8")
    with pytest.raises(FrameworkError) as info:
        load_framework(path)
    assert "不是有效的 YAML：" in str(info.value) and info.value.line is not None
    assert "expected" not in str(info.value)                         # PyYAML's English stays out of zh-CN
    with messages.using("en"):
        with pytest.raises(FrameworkError, match="not valid YAML: expected ',' or ']'"):
            load_framework(path)
    with pytest.raises(FrameworkError, match="没有名为 “nope-2099” 的内置评估框架"):
        load_framework("nope-2099")


@pytest.mark.parametrize("former, current", [("foreign-2013", "foreign-site-2013"),
                                             ("cndomain-2013", "cn-domain-2013")])
def test_a_renamed_framework_is_found_by_its_former_id_under_its_current_one(former, current) -> None:
    f = load_framework(former)
    assert f.id == current and f.aliases == (former,) and f.names() == (current, former)
    assert f == load_framework(current)
    assert former not in builtin_frameworks()


def test_former_ids_are_nobody_elses_name() -> None:
    """A former id names one framework, and never a framework shipped today (else two would answer to it)."""
    from govlens.frameworks.load import former_ids, shipped_aliases
    aliases = shipped_aliases()
    assert aliases == {"foreign-2013": "foreign-site-2013", "cndomain-2013": "cn-domain-2013"}
    assert not set(aliases) & set(builtin_frameworks())
    assert former_ids("cndomain-2013") == former_ids("cn-domain-2013") == ("cn-domain-2013", "cndomain-2013")
    assert former_ids("website-2013") == ("website-2013",)


@pytest.mark.parametrize("aliases", ["foreign-2013", [""], [1]])
def test_aliases_must_be_a_list_of_ids(aliases) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(FrameworkError) as info:
        parse_framework({**MINIMAL, "aliases": aliases}, "f.yaml")
    assert info.value.field == "aliases" and "曾用标识" in str(info.value)
