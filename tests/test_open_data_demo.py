"""The demo's open data and workbook, read as a user would: a valid Frictionless package in ``data/`` (the
demo's imported inputs live in ``inputs/``), and a ``results.xlsx`` with a sheet per framework of the
campaign. Uses the session's one demo (tests/conftest.py)."""
from __future__ import annotations

import csv
import json
import tomllib
from collections import Counter
from pathlib import Path

import duckdb
import frictionless
import openpyxl
import pyarrow.parquet as pq

from govlens.frameworks.load import load_framework

TABLES = {"platforms", "indicator_values", "indicator_scores", "scores", "ranks", "findings", "inspection",
          "inspection_problems"}


def test_open_data_is_a_valid_package(demo: Path) -> None:
    data = demo / "data"
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["name"] for r in package["resources"]} == TABLES | {f"{t}-parquet" for t in TABLES}
    report = frictionless.validate(str(data / "datapackage.json"))
    assert report.valid, [(t.name, e.message) for t in report.tasks for e in t.errors][:10]
    assert not list(data.glob("account_*")), "the demo's input files belong in inputs/"
    # every platform of the registry, every finding of findings.csv
    with open(demo / "registry.csv", encoding="utf-8") as fh:
        registry = {r["id"] for r in csv.DictReader(fh)}
    assert set(pq.read_table(data / "platforms.parquet", columns=["id"]).column("id").to_pylist()) == registry
    with open(demo / "findings.csv", encoding="utf-8") as fh:
        assert sum(1 for _ in fh) - 1 == pq.read_metadata(data / "findings.parquet").num_rows
    ranks = pq.read_table(data / "ranks.parquet").to_pylist()
    con = duckdb.connect(str(demo / "campaign.duckdb"), read_only=True)
    try:
        stored = con.execute("SELECT framework, count(*) FROM results GROUP BY framework").fetchall()
    finally:
        con.close()
    assert sorted(Counter(r["framework"] for r in ranks).items()) == sorted(stored)
    with_interval = [r for r in ranks if r["rank_low"] is not None]
    assert with_interval and all(1 <= r["rank_low"] <= r["rank_median"] <= r["rank_high"] <= r["group_size"]
                                 for r in with_interval)


def test_results_workbook_has_a_sheet_per_framework(demo: Path) -> None:
    campaign = tomllib.loads((demo / "campaign.toml").read_text(encoding="utf-8"))["campaign"]
    frameworks = [campaign["framework"], *campaign["frameworks"]]
    wb = openpyxl.load_workbook(demo / "results.xlsx", read_only=True)
    assert wb.sheetnames == [load_framework(f).title("zh-CN")[:31] for f in frameworks]
    for fid, ws in zip(frameworks, wb.worksheets):
        name = "results.csv" if fid == campaign["framework"] else f"results-{fid}.csv"
        with open(demo / name, encoding="utf-8") as fh:
            expected = sum(1 for _ in csv.reader(fh)) - 1
        rows = list(ws.iter_rows(values_only=True))
        assert len(rows) - 1 == expected, fid
        assert rows[0][:2] == ("编号", "名称")
        for row in rows:
            for value in row:
                assert not (isinstance(value, str) and value.startswith(("=", "+", "@"))), value
