"""Registry import: every bad row is reported with file, line and field; good rows are kept."""
from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from govlens.errors import RegistryError
from govlens.registry import load_registry

HEADER = "id,name,kind,org_type,level,province,region,url,group\n"
GOOD = "sh,中国上海,website,government,provincial,上海,,http://www.shanghai.gov.cn/,provincial\n"


def write(tmp_path: Path, body: str, name: str = "r.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes((HEADER + body).encode(encoding))
    return path


def test_good_row_and_derived_region(tmp_path: Path) -> None:
    loaded = load_registry(write(tmp_path, GOOD))
    assert [p.id for p in loaded.platforms] == ["sh"]
    assert loaded.platforms[0].region == "east"
    assert loaded.errors == []


def test_central_organ_without_province_is_national(tmp_path: Path) -> None:
    loaded = load_registry(write(tmp_path, GOOD + "mofcom,商务部,website,department,central,,,http://www.mofcom.gov.cn,central\n"))
    mofcom = loaded.platforms[1]
    assert mofcom.region == "national"
    assert mofcom.url == "http://www.mofcom.gov.cn/"


@pytest.mark.parametrize("row, field, words", [
    (",无编号,website,,,,,http://a.gov.cn/,", "id", "缺少取值"),
    ("x1,,website,,,,,http://a.gov.cn/,", "name", "缺少取值"),
    ("x2,某网站,newspaper,,,,,http://a.gov.cn/,", "kind", "未知的平台类型 “newspaper”"),
    ("x2,某网站,webiste,,,,,http://a.gov.cn/,", "kind", "是否想写 “website”"),
    ("x3,某网站,website,,,,,ftp://a.gov.cn/,", "url", "http"),
    ("x4,某网站,website,,,,,http:///nohost,", "url", "host"),
    ("x5,某网站,website,,,,,http://a.gov.cn:99999/,", "url", "port"),
    ("x6,某网站,website,,,,,http://a gov.cn/,", "url", "空格"),
    ("x7,某网站,website,army,,,,http://a.gov.cn/,", "org_type", "未知的机构类型"),
    ("x8,某网站,website,,galactic,,,http://a.gov.cn/,", "level", "未知的行政级别"),
    ("x9,某网站,website,,,火星,,http://a.gov.cn/,", "province", "未知的省份"),
    ("x10,某网站,website,,,上海,west,http://a.gov.cn/,", "region", "不符"),
    ("x11,某网站,website,,,,moon,http://a.gov.cn/,", "region", "未知的地区"),
    ("sh,重复,website,,,,,http://b.gov.cn/,", "id", "重复的编号"),
])
def test_bad_row_reported_with_line_and_field(tmp_path: Path, row: str, field: str, words: str) -> None:
    path = write(tmp_path, GOOD + row + "\n")
    loaded = load_registry(path)
    assert [p.id for p in loaded.platforms] == ["sh"], "the good row is kept"
    assert len(loaded.errors) == 1
    err = loaded.errors[0]
    assert (err.file, err.line, err.field) == (str(path), 3, field)
    assert words in str(err) and f"{path}:3" in str(err)


def test_nothing_usable_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="没有可用的平台"):
        load_registry(write(tmp_path, "x,,website,,,,,http://a.gov.cn/,\n"))


def test_missing_required_column(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("id,name,url\nx,y,http://a.gov.cn/\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="kind") as info:
        load_registry(path)
    assert info.value.line == 1


def test_gbk_csv_as_saved_by_excel(tmp_path: Path) -> None:
    loaded = load_registry(write(tmp_path, GOOD, encoding="gb18030"))
    assert loaded.platforms[0].name == "中国上海"


def test_utf8_bom(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (HEADER + GOOD).encode())
    assert load_registry(path).platforms[0].id == "sh"


def test_quoted_multiline_cell_keeps_line_numbers(tmp_path: Path) -> None:
    body = GOOD + 'x1,"两行\n名称",website,,,,,http://a.gov.cn/,\nx2,某,website,,,,,notaurl,\n'
    loaded = load_registry(write(tmp_path, body))
    assert {p.id for p in loaded.platforms} == {"sh"}
    assert [(e.line, e.field) for e in loaded.errors] == [(3, "name"), (5, "url")]


def test_binary_file_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(b"id,name\x00\x01\x02")
    with pytest.raises(RegistryError, match="NUL"):
        load_registry(path)


def test_unknown_extension_and_missing_file(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text("x")
    with pytest.raises(RegistryError, match=r"\.csv 或 \.xlsx"):
        load_registry(tmp_path / "r.txt")
    with pytest.raises(RegistryError, match="找不到名录文件") as info:
        load_registry(tmp_path / "absent.csv")
    assert str((tmp_path / "absent.csv").resolve()) in str(info.value)


def test_xlsx(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.strip().split(","))
    sheet.append(GOOD.strip().split(","))
    sheet.append(["bad", "坏行", "website", None, None, None, None, "not a url", None])
    path = tmp_path / "r.xlsx"
    book.save(path)
    loaded = load_registry(path)
    assert [p.id for p in loaded.platforms] == ["sh"]
    assert loaded.errors[0].line == 3 and loaded.errors[0].field == "url"


def test_corrupt_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(RegistryError, match="XLSX"):
        load_registry(path)
