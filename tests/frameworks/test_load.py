from __future__ import annotations

from pathlib import Path

import pytest

from govlens.errors import FrameworkError
from govlens.frameworks import load_framework, parse_framework, validate_references

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
    with pytest.raises(FrameworkError, match="unknown indicator 'a'"):
        validate_references(f, {"b"}, {"bounded_linear"})
    with pytest.raises(FrameworkError, match="unknown normalisation"):
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
