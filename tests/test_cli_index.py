"""`govlens index` and `govlens compare` as a user runs them, on CSV tables and a framework file."""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import numpy as np
import pytest
import yaml

from govlens.cli import main

FRAMEWORK = {
    "id": "regional-2024", "title": {"zh-CN": "地区数字政府指数", "en": "Regional digital government index"},
    "table": {"id": "code", "name": "name", "group": "region"},
    "treat": {"method": "winsorise"},
    "uncertainty": {"replications": 120, "weights": {"noise": 0.25}, "normalisation": ["percentile_rank"]},
    "dimensions": [
        {"id": "service", "weight": 2, "indicators": [
            {"id": "online_share", "normalise": {"method": "minmax"}},
            {"id": "wait_days", "direction": -1, "normalise": {"method": "minmax"}}]},
        {"id": "openness", "weight": 1, "weighting": {"method": "ahp", "matrix": [[1, 3], ["1/3", 1]]},
         "indicators": [
             {"id": "datasets", "denominate": {"by": "population", "scale": 100000}, "normalise": {"method": "minmax"}},
             {"id": "portal", "normalise": {"method": "categorical", "map": {"完善": 100, "基本": 60, "无": 0}}}]}],
}


def write_table(path: Path, rows: int, seed: int, bad: str | None = None) -> None:
    rng = np.random.default_rng(seed)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["code", "name", "region", "online_share", "wait_days", "datasets", "population", "portal"])
        for i in range(rows):
            w.writerow([f"r{i:03d}", f"地区{i}", ["east", "central", "west"][i % 3], round(rng.uniform(0.2, 1), 3),
                        round(rng.uniform(1, 30), 1), int(rng.integers(5, 500)), int(rng.integers(10**5, 10**7)),
                        ["完善", "基本", "无"][int(rng.integers(0, 3))]])
        if bad:
            w.writerow(bad.split(","))


@pytest.fixture
def fw(tmp_path: Path) -> Path:
    path = tmp_path / "fw.yaml"
    path.write_text(yaml.safe_dump(FRAMEWORK, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_index_writes_every_table_and_the_intervals(tmp_path: Path, fw: Path, capsys) -> None:
    table = tmp_path / "t.csv"
    write_table(table, 60, seed=1)
    out = tmp_path / "out"
    assert main(["index", str(table), "--framework", str(fw), "--out", str(out)]) == 0
    for name in ("raw", "denominated", "imputed", "treated", "normalised", "aggregated", "results", "weights",
                 "treatment", "imputation", "denomination", "indicator_stats", "correlations", "node_stats", "flags",
                 "sensitivity", "uncertainty", "rank_shift"):
        assert (out / f"{name}.csv").is_file(), name
    with (out / "results.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 60 and rows[0]["name"] == "地区0"
    assert list(rows[0])[:10] == ["id", "name", "group", "index", "rank", "group_size", "rank_median", "rank_low",
                                  "rank_high", "vetoed"]
    assert {r["group"] for r in rows} == {"east", "central", "west"}
    for r in rows:
        assert float(r["rank_low"]) <= float(r["rank_median"]) <= float(r["rank_high"]) <= int(r["group_size"])
    weights = {(r["node"], r["child"]): float(r["weight"]) for r in csv.DictReader((out / "weights.csv").open())}
    assert weights[("openness", "datasets")] == pytest.approx(0.75)                 # AHP of [[1, 3], [1/3, 1]]
    log = json.loads((out / "log.json").read_text(encoding="utf-8"))
    assert [s["verb"] for s in log["steps"]][:3] == ["denominate", "screen", "impute"]
    assert log["steps"][0]["params"] == {"datasets": {"by": "population", "scale": 100000}}
    assert str(out / "results.csv") in capsys.readouterr().out


def test_a_bad_cell_is_one_line_with_file_line_and_column_and_exit_2(tmp_path: Path, fw: Path, capsys) -> None:
    table = tmp_path / "t.csv"
    write_table(table, 5, seed=1, bad="r999,坏行,east,0.5,十天,10,100000,完善")
    assert main(["index", str(table), "--framework", str(fw), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert f"{table}:7" in err and "wait_days" in err and "不是数值：“十天”" in err
    assert not (tmp_path / "o").exists()


def unreciprocal_framework(folder: Path) -> Path:
    """The framework with an AHP matrix whose [1][0] is not the reciprocal of [0][1]."""
    doc = json.loads(json.dumps(FRAMEWORK))
    doc["dimensions"][1]["weighting"]["matrix"] = [[1, 3], [3, 1]]
    path = folder / "fw.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_an_inconsistent_ahp_matrix_is_refused_with_its_line(tmp_path: Path, capsys) -> None:
    path = unreciprocal_framework(tmp_path)
    table = tmp_path / "t.csv"
    write_table(table, 5, seed=1)
    assert main(["index", str(table), "--framework", str(path), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and "判断矩阵不互为倒数" in err and "dimensions[1].weighting.matrix[1][0]" in err


def test_compare_two_years(tmp_path: Path, fw: Path, capsys) -> None:
    for year, seed in (("2023", 1), ("2024", 2)):
        write_table(tmp_path / f"{year}.csv", 30, seed=seed)
        assert main(["index", str(tmp_path / f"{year}.csv"), "--framework", str(fw), "--out",
                     str(tmp_path / year), "--replications", "40"]) == 0
    out = tmp_path / "cmp.csv"
    assert main(["compare", str(tmp_path / "2023"), str(tmp_path / "2024"), "--out", str(out)]) == 0
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 30
    for r in rows:
        explained = float(r["contribution_service"]) + float(r["contribution_openness"])
        assert explained + float(r["contribution_other"]) == pytest.approx(float(r["index_change"]), abs=1e-4)
        assert r["main_driver"] in ("service", "openness")
    assert "对比：两年都有的 30 个" in capsys.readouterr().err
    # the same comparison as an option of `govlens index`
    assert main(["index", str(tmp_path / "2024.csv"), "--framework", str(fw), "--out", str(tmp_path / "again"),
                 "--replications", "0", "--compare", str(tmp_path / "2023")]) == 0
    assert (tmp_path / "again" / "compare.csv").is_file()


def test_names_like_formulas_stay_text_in_results_and_compare(tmp_path: Path, fw: Path) -> None:
    """A unit's name is anyone's text: ``=HYPERLINK(…)``, ``+cmd``, or a name behind an RTL override
    must reach results.csv and compare.csv as inert text (issue 3's output safety, on the engine's outputs)."""
    evil = {"r000": '=HYPERLINK("http://evil.example/","x")', "r001": " +1+cmd|'/c calc'!A0",
            "r002": "\u202e@SUM(A1)"}
    for year, seed in (("2023", 1), ("2024", 2)):
        write_table(tmp_path / f"{year}.csv", 12, seed=seed)
        text = (tmp_path / f"{year}.csv").read_text(encoding="utf-8")
        for code, name in evil.items():
            num = int(code[1:])
            text = text.replace(f"{code},地区{num},", f'{code},"{name.replace(chr(34), chr(34) * 2)}",')
        (tmp_path / f"{year}.csv").write_text(text, encoding="utf-8")
        assert main(["index", str(tmp_path / f"{year}.csv"), "--framework", str(fw), "--out",
                     str(tmp_path / year), "--replications", "0"]) == 0
    out = tmp_path / "cmp.csv"
    assert main(["compare", str(tmp_path / "2023"), str(tmp_path / "2024"), "--out", str(out)]) == 0
    for path in (tmp_path / "2024" / "results.csv", out):
        with path.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        names = {r["id"]: r["name"] for r in rows}
        assert names["r000"] == "'" + evil["r000"] and names["r001"] == "'" + evil["r001"], path
        assert names["r002"] == "'@SUM(A1)", path                        # the override dropped, then quoted
        for r in rows:
            for cell in r.values():
                assert not (cell or "").lstrip(" ").startswith(("=", "+", "@")), (path, cell)


@pytest.mark.parametrize("locale, words", [
    ("zh-CN", ["第 4 行的列数与表头不符", "不互为倒数", "文件不存在"]),
    ("en", ["line 4 has more fields than the header", "not reciprocal", "file not found"]),
])
def test_index_errors_speak_the_chosen_language_without_python_text(tmp_path: Path, fw: Path, capsys,
                                                                     locale: str, words: list[str]) -> None:
    ragged = tmp_path / "ragged.csv"
    ragged.write_text("code,name,region,online_share,wait_days,datasets,population,portal\n"
                      "r1,甲,east,0.5,3,10,100000,完善\nr2,乙,east,0.5,3,10,100000,完善\n"
                      "r3,丙,east,0.5,3,10,100000,完善,多出一列\n", encoding="utf-8")
    bad_fw = unreciprocal_framework(tmp_path)
    table = tmp_path / "t.csv"
    write_table(table, 5, seed=1)
    runs = [[str(ragged), "--framework", str(fw)], [str(table), "--framework", str(bad_fw)],
            [str(tmp_path / "missing.csv"), "--framework", str(fw)]]
    for args, expected in zip(runs, words):
        assert main(["--locale", locale, "index", *args, "--out", str(tmp_path / "o")]) == 2
        err = capsys.readouterr().err
        assert expected in err, err
        assert not re.search(r"[A-Z]\w+Error\b|\bNone\b|Traceback|C error", err), err   # no exception text
