"""Rows broken as CSV are reported with file, line and field, and every other row is evaluated.

Before: a field over 131,072 characters or a NUL byte rejected the whole file (the NUL with no
line), and an unterminated quote silently swallowed the good rows after it.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from govlens.registry import load_registry

HEADER = "id,name,kind,org_type,level,province,region,url,group\n"


def row(pid: str, name: str = "某县人民政府", url: str | None = None) -> str:
    return f"{pid},{name},website,government,county,浙江,,{url or f'http://www.{pid}.gov.cn/'},county\n"


def load(tmp_path: Path, body: str):
    path = tmp_path / "registry.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path, load_registry(path)


def where(errors) -> list[tuple[int, str]]:
    return [(e.line, e.field) for e in errors]


def test_a_field_over_the_csv_bound_is_one_bad_row(tmp_path: Path) -> None:
    path, loaded = load(tmp_path, row("a1") + row("a2", name="长" * 131_073) + row("a3"))
    assert [p.id for p in loaded.platforms] == ["a1", "a3"]
    assert where(loaded.errors) == [(3, "name")]
    assert "131,072" in str(loaded.errors[0]) and f"{path}:3" in str(loaded.errors[0])


def test_a_nul_byte_is_one_bad_row_with_its_line_and_field(tmp_path: Path) -> None:
    path, loaded = load(tmp_path, row("a1") + row("a2", name="某\x00县") + row("a3"))
    assert [p.id for p in loaded.platforms] == ["a1", "a3"]
    assert where(loaded.errors) == [(3, "name")] and "NUL" in str(loaded.errors[0])


def test_an_unterminated_quote_at_the_end_swallows_nothing(tmp_path: Path) -> None:
    body = row("a1") + row("a2", name='"某县人民政府') + row("a3") + row("a4")
    path, loaded = load(tmp_path, body)
    assert [p.id for p in loaded.platforms] == ["a1", "a3", "a4"]
    assert where(loaded.errors) == [(3, "name")]
    assert "引号未闭合" in str(loaded.errors[0]) and f"{path}:3" in str(loaded.errors[0])


def test_an_unterminated_quote_closed_by_a_later_row_swallows_nothing(tmp_path: Path) -> None:
    body = (row("a1") + row("a2", name='"某县人民政府') + row("a3") + row("a4", name='"某某县，人民政府"')
            + row("a5"))
    path, loaded = load(tmp_path, body)
    assert [p.id for p in loaded.platforms] == ["a1", "a3", "a4", "a5"]
    assert where(loaded.errors) == [(3, "name")]


@pytest.mark.parametrize("bad", ['"', 'x"y"', '"a""'])
def test_every_good_row_survives_one_broken_row(tmp_path: Path, bad: str) -> None:
    good = [row(f"g{i}") for i in range(20)]
    body = "".join(good[:7]) + row("bad", name=bad) + "".join(good[7:])
    _, loaded = load(tmp_path, body)
    assert {p.id for p in loaded.platforms} >= {f"g{i}" for i in range(20)}
    assert len(loaded.errors) <= 1
