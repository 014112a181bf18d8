"""Reading an indicator table: every bad cell or missing column names the file, line and column."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from openpyxl import Workbook

from govlens.errors import ImportRowError, InputError
from govlens.scoring.table import read_table

from .conftest import framework, simple

FW = framework(simple({"pop_served": {"normalise": {"method": "minmax"}, "denominate": {"by": "pop", "scale": 1000}},
                       "rate": {"normalise": {"method": "minmax"}},
                       "level": {"normalise": {"method": "categorical", "map": {"高": 100, "中": 50, "低": 0}}}},
                      vetoes=[{"id": "v", "indicator": "down", "op": ">", "value": 0}]))
HEADER = "code,名称,region,pop_served,pop,rate,level,down\n"


def write(tmp_path: Path, body: str, encoding: str = "utf-8", name: str = "t.csv") -> Path:
    path = tmp_path / name
    path.write_bytes((HEADER + body).encode(encoding))
    return path


def test_reads_numbers_percentages_thousands_missing_tokens_and_categories(tmp_path: Path) -> None:
    path = write(tmp_path, "a,甲,east,1200,\"1,000\",50%,高,0\nb,乙,west,,2000,N/A,低,\nc,丙,east,5,10,0.3,,1\n")
    t = read_table(path, FW, id_col="code", group_col="region", name_col="名称")
    assert t.ids.tolist() == ["a", "b", "c"] and t.groups.tolist() == ["east", "west", "east"]
    assert t.values.loc["a", "pop"] == 1000 and t.values.loc["a", "rate"] == 0.5 and t.values.loc["c", "rate"] == 0.3
    assert np.isnan(t.values.loc["b", "pop_served"]) and np.isnan(t.values.loc["b", "rate"])
    assert t.values["level"].tolist() == ["高", "低", None]
    assert t.names.tolist() == ["甲", "乙", "丙"] and t.lines.tolist() == [2, 3, 4]


def test_gbk_as_excel_saves_it(tmp_path: Path) -> None:
    path = write(tmp_path, "a,北京,east,1,1,1,中,0\n", encoding="gbk")
    assert read_table(path, FW, id_col="code", name_col="名称").names.tolist() == ["北京"]


def test_a_bad_cell_names_file_line_and_column_and_counts_the_others(tmp_path: Path) -> None:
    path = write(tmp_path, "a,甲,east,1,1,0.5,高,0\nb,乙,west,1,1,abc,低,0\nc,丙,east,x,1,0.5,低,0\n")
    with pytest.raises(ImportRowError) as info:
        read_table(path, FW, id_col="code")
    err = info.value
    assert (err.file, err.line, err.field) == (str(path), 3, "rate") and "不是数值：“abc”" in str(err)
    assert "另有 1 个错误单元格" in str(err) and "第 4 行 pop_served" in str(err)


def test_missing_column_names_the_framework_key(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("code,pop_served,pop,level,down\na,1,1,高,0\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_table(path, FW, id_col="code")
    assert info.value.field == "rate" and info.value.line == 1
    assert "评估体系在 dimensions[0].indicators[1].id 处需要它" in str(info.value)


def test_duplicate_and_empty_ids(tmp_path: Path) -> None:
    with pytest.raises(ImportRowError) as info:
        read_table(write(tmp_path, "a,甲,e,1,1,1,高,0\nb,乙,e,1,1,1,高,0\na,丙,e,1,1,1,高,0\n"), FW, id_col="code")
    assert info.value.line == 4 and "单位编号 “a” 重复（首次出现在第 2 行）" in str(info.value)
    with pytest.raises(ImportRowError) as info:
        read_table(write(tmp_path, "a,甲,e,1,1,1,高,0\n,乙,e,1,1,1,高,0\n"), FW, id_col="code")
    assert info.value.line == 3 and info.value.field == "code"


def test_unknown_id_or_group_column_and_empty_files(tmp_path: Path) -> None:
    path = write(tmp_path, "a,甲,e,1,1,1,高,0\n")
    with pytest.raises(InputError, match="没有分组列 “province”"):
        read_table(path, FW, id_col="code", group_col="province")
    empty = tmp_path / "e.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="表格为空"):
        read_table(empty, FW)
    with pytest.raises(InputError, match="表格只有表头，没有数据行"):
        read_table(write(tmp_path, ""), FW, id_col="code")
    with pytest.raises(InputError, match="文件不存在"):
        read_table(tmp_path / "nope.csv", FW)


def test_xlsx(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER.strip().split(","))
    ws.append(["a", "甲", "east", 3, 2, 0.5, "中", 0])
    ws.append(["b", "乙", "east", 4, 2, "bad", "中", 0])
    wb.save(tmp_path / "t.xlsx")
    with pytest.raises(ImportRowError) as info:
        read_table(tmp_path / "t.xlsx", FW, id_col="code")
    assert info.value.line == 3 and info.value.field == "rate"
