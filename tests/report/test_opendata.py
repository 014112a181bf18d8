"""Open data (``data/``): a valid Frictionless package whose every row matches its schema, foreign keys
that are enforced, values that round-trip from the store, CSVs an Excel user can open safely, and a
folder that a failure leaves as it was."""
from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import frictionless
import openpyxl
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govlens.cells import neutralise_cell
from govlens.report import opendata
from govlens.report.opendata import spec, write_open_data
from govlens.report.tables import sheet_titles

from .conftest import build_store

TABLES = ("platforms", "indicator_values", "indicator_scores", "scores", "ranks", "findings")


def _parquet(data: Path, table: str) -> list[dict]:
    return pq.read_table(data / f"{table}.parquet").to_pylist()


def _csv(data: Path, table: str) -> list[list[str]]:
    with open(data / f"{table}.csv", encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def _validate(package: Path) -> frictionless.Report:
    return frictionless.validate(str(package))


def test_the_package_is_valid_and_describes_every_file(campaign):
    data = campaign["out"] / "data"
    report = _validate(data / "datapackage.json")
    assert report.valid, [(t.name, e.message) for t in report.tasks for e in t.errors][:10]
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    names = {r["name"]: r for r in package["resources"]}
    assert set(names) == {*TABLES, *(f"{t}-parquet" for t in TABLES)}       # no inspection in this campaign
    files = {p.name for p in data.iterdir()}
    assert files == {"datapackage.json", *(f"{t}.{ext}" for t in TABLES for ext in ("csv", "parquet"))}
    for task in report.tasks:                      # Frictionless read every row of every resource
        assert task.stats["rows"] == names[task.name]["rows"]
    assert names["platforms"]["rows"] == len(campaign["store"].rows("platforms"))
    assert names["findings"]["rows"] == campaign["store"].count("findings") - 1        # the orphan is not published
    # every field documented in Chinese, with the English beside it
    for res in package["resources"]:
        assert res["title"] and res["translations"]["en"]["title"]
        for field in res["schema"]["fields"]:
            assert field["title"] and field["translations"]["en"]["title"], (res["name"], field["name"])
            assert field["name"] in {f["name"] for f in spec()[res["name"].removesuffix("-parquet")]["fields"]}
    assert names["ranks"]["schema"]["primaryKey"] == ["platform_id", "framework"]
    assert names["findings"]["schema"]["foreignKeys"] == [
        {"fields": ["platform_id"], "reference": {"resource": "platforms", "fields": ["id"]}}]
    assert names["findings-parquet"]["schema"]["foreignKeys"][0]["reference"]["resource"] == "platforms-parquet"


def test_a_broken_foreign_key_or_primary_key_fails_validation(campaign, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(campaign["out"] / "data", data)
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    for res in package["resources"]:               # the edited files no longer match their recorded hashes
        res.pop("hash", None), res.pop("bytes", None), res.pop("rows", None)
    (data / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False), encoding="utf-8")
    with open(data / "findings.csv", "a", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerow(["no-such-platform", "site_down", "", "", "", "", "", "", "", ""])
    rows = _csv(data, "ranks")
    with open(data / "ranks.csv", "a", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerow(rows[1])           # the same (platform, framework) twice
    report = _validate(data / "datapackage.json")
    errors = {(task.name, e.type) for task in report.tasks for e in task.errors}
    assert errors == {("findings", "foreign-key"), ("ranks", "primary-key")}


def test_values_round_trip_from_the_store(campaign):
    data, store = campaign["out"] / "data", campaign["store"]
    assert _parquet(data, "platforms") == store.rows("platforms", order_by="id")      # hostile names exactly
    values = {(r["platform_id"], r["indicator_id"]): r for r in _parquet(data, "indicator_values")}
    stored = store.rows("indicator_values")
    assert len(values) == len(stored)
    for r in stored:
        got = values[(r["platform_id"], r["indicator_id"])]
        assert (got["value"], got["status"], got["detail"]) == (r["value"], r["status"], r["detail"])
        assert got["evidence_url"] == (r["evidence"][0]["url"] if r["evidence"] else None)
    assert values[("gd", "response-time")]["unit"] == "ms" and values[("gd", "availability")]["unit"] == "ratio"
    assert values[("gd", "response-time")]["indicator_title"] == "首页响应时间"
    assert values[("mof", "media-mentions")]["value"] is None
    ranks = {r["platform_id"]: r for r in _parquet(data, "ranks")}
    for r in store.rows("results"):
        got = ranks[r["platform_id"]]
        assert (got["index"], got["rank"], got["group_size"], got["vetoed"]) == (r["index"], r["rank"],
                                                                                r["group_size"], r["vetoed"])
        interval = campaign["intervals"].get(r["platform_id"])
        assert got["rank_low"] == (interval["rank_low"] if interval else None)
        assert got["rank_high"] == (interval["rank_high"] if interval else None)
    assert ranks["hb"]["veto_reasons"] == "首页不更新" and ranks["hb"]["veto_ids"] == "homepage-not-updated"
    assert ranks["gd"]["veto_reasons"] is None and ranks["gd"]["group"] == "provincial"
    scores = {(r["platform_id"], r["node"]): r for r in _parquet(data, "scores")}
    assert scores[("gd", "index")]["score"] == pytest.approx(campaign["index"]["gd"])
    for r in store.rows("dimension_scores"):
        assert scores[(r["platform_id"], r["dimension_id"])]["score"] == r["score"]
    assert scores[("gd", "access")]["node_title"] == "网站访问"
    findings = _parquet(data, "findings")
    stored = [r for r in store.rows("findings") if r["platform_id"] != "orphan"]
    key = ("platform_id", "kind", "url", "detail", "indicator_id", "snippet")
    assert sorted(tuple(f[k] for k in key) for f in findings) == sorted(tuple(r[k] for k in key) for r in stored)
    assert {f["kind_title"] for f in findings if f["kind"] == "stale_column"} == {"栏目更新不及时"}


def test_csv_cells_are_the_parquet_values_made_safe(campaign):
    """Every CSV cell equals the Parquet value through the project's one spreadsheet rule (Python), though the
    CSV was neutralised by a different implementation (Arrow compute)."""
    data = campaign["out"] / "data"
    assert (data / "platforms.csv").read_bytes().startswith(b"\xef\xbb\xbf")       # UTF-8 with BOM, for Excel
    seen_formula = seen_missing = False
    for table in TABLES:
        rows = _csv(data, table)
        header, body = rows[0], rows[1:]
        parquet = _parquet(data, table)
        assert header == [f["name"] for f in spec()[table]["fields"]]
        assert len(body) == len(parquet)
        for line, ref in zip(body, parquet):
            for name, cell in zip(header, line):
                value = ref[name]
                assert cell not in ("None", "nan", "NaN", "null"), (table, name)
                if value is None:
                    assert cell == ""
                    seen_missing = True
                elif isinstance(value, bool):
                    assert cell == ("true" if value else "false")
                elif isinstance(value, (int, float)):
                    assert float(cell) == pytest.approx(value)
                elif isinstance(value, str):
                    assert cell == neutralise_cell(value), (table, name)
                    seen_formula |= cell != value
                else:                                       # a time
                    assert cell == value.isoformat(timespec="seconds")
    assert seen_formula and seen_missing
    names = {r[0]: r[1] for r in _csv(data, "platforms")[1:]}
    assert names["anshan"] == "'" + campaign["formula_name"]
    details = {r[4] for r in _csv(data, "findings")[1:]}
    assert {"'=1+2", "'@SUM(1+1)", "'-news"} <= details


def test_small_batches_give_the_same_files(campaign, tmp_path):
    written = write_open_data(campaign["store"], tmp_path, frameworks=[campaign["framework"]], batch_rows=7)
    for table in TABLES:
        assert (tmp_path / "data" / f"{table}.csv").read_bytes() == (campaign["out"] / "data" / f"{table}.csv").read_bytes()
        assert pq.read_table(written[f"data/{table}.parquet"]).equals(
            pq.read_table(campaign["out"] / "data" / f"{table}.parquet"))


def test_a_failure_leaves_the_previous_open_data_whole(campaign, tmp_path, monkeypatch):
    write_open_data(campaign["store"], tmp_path, frameworks=[campaign["framework"]])
    data = tmp_path / "data"
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    real, calls = opendata.write_table, []

    def failing(store, table, folder, titles, batch_rows=100_000, locale="zh-CN"):
        calls.append(table)
        if len(calls) == 4:
            raise OSError(28, "No space left on device")
        return real(store, table, folder, titles, batch_rows, locale)

    monkeypatch.setattr(opendata, "write_table", failing)
    with pytest.raises(OSError):
        write_open_data(campaign["store"], tmp_path, frameworks=[campaign["framework"]])
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before        # nothing half-written, no staging left


def test_inspection_tables_when_the_campaign_ran_the_national_check(tmp_path):
    built = build_store(tmp_path / "c.duckdb")
    store = built["store"]
    try:
        data = tmp_path / "out" / "data"
        data.mkdir(parents=True)
        (data / "inspection.csv").write_text("stale\n", encoding="utf-8")
        write_open_data(store, tmp_path / "out", frameworks=[built["framework"]])
        assert not (data / "inspection.csv").exists()                     # not run: an old file is removed
        problems = [{"type": "veto", "id": "site-unreachable", "title": "站点无法访问", "indicator": "availability",
                     "raw": 0.6, "points": None, "detail": "=cmd|' /C calc'!A0", "evidence_url": "",
                     "findings": 1, "observed_at": "2013-11-30T09:15:02.123456"},
                    {"type": "deduction", "id": "no-icp", "title": "未标注ICP备案编号", "indicator": "icp-number",
                     "raw": 0.0, "points": 1.0, "detail": "no ICP", "evidence_url": "https://gd.example.gov.cn/",
                     "findings": 1, "observed_at": "2013-11-30T09:15:03"}]
        store.replace("inspection_results", [
            {"platform_id": "gd", "scheme": "national-check-2019", "variant": "", "full_marks": 100.0,
             "deducted": 1.0, "base": 99.0, "bonus": 0.0, "score": 99.0, "vetoed": True, "qualified": False,
             "problems": problems, "unchecked": []},
            {"platform_id": "sh", "scheme": "national-check-2019", "variant": "", "full_marks": 100.0,
             "deducted": 0.0, "base": 100.0, "bonus": 0.0, "score": 100.0, "vetoed": False, "qualified": True,
             "problems": [], "unchecked": []}])
        write_open_data(store, tmp_path / "out", frameworks=[built["framework"]])
    finally:
        store.close()
    report = _validate(data / "datapackage.json")
    assert report.valid, [(t.name, e.message) for t in report.tasks for e in t.errors][:10]
    results = {r["platform_id"]: r for r in _parquet(data, "inspection")}
    assert results["gd"]["vetoes"] == "站点无法访问" and results["gd"]["problems"] == 2
    assert results["sh"]["qualified"] is True and results["sh"]["vetoes"] is None
    items = _parquet(data, "inspection_problems")
    assert [(i["platform_id"], i["seq"], i["problem_id"], i["points"]) for i in items] == [
        ("gd", 1, "site-unreachable", None), ("gd", 2, "no-icp", 1.0)]
    assert items[0]["observed_at"].isoformat() == "2013-11-30T09:15:02"
    assert items[0]["evidence_url"] is None and items[1]["evidence_url"] == "https://gd.example.gov.cn/"
    csv_items = _csv(data, "inspection_problems")
    assert csv_items[1][8] == "'=cmd|' /C calc'!A0" and csv_items[1][10] == "2013-11-30T09:15:02"


def test_results_workbook_sheet_names():
    fws = [SimpleNamespace(id=f"fw-{i}", title=lambda loc, t=t: t) for i, t in enumerate(
        ["2013年度政务网站综合影响力指标体系", "网站/栏目[评估]:第*期?", "2013年度政务网站综合影响力指标体系",
         "一个非常非常非常非常非常非常非常非常非常非常长的指标体系名称超过三十一个字符", ""])]
    titles = sheet_titles(fws, "zh-CN")
    assert titles[0] == "2013年度政务网站综合影响力指标体系"
    assert not any(c in titles[1] for c in "[]:*?/\\")
    assert len({t.casefold() for t in titles}) == len(titles) and all(0 < len(t) <= 31 for t in titles)
    assert titles[4] == "fw-4"


def test_results_workbook_has_the_framework_sheet_with_neutralised_cells(campaign):
    wb = openpyxl.load_workbook(campaign["out"] / "results.xlsx")
    assert wb.sheetnames == ["2013年度政务网站综合影响力指标体系"]
    for row in wb.active.iter_rows():
        for cell in row:
            assert cell.data_type != "f"


def test_the_documentation_names_every_table_and_field():
    doc = (Path(__file__).resolve().parents[2] / "docs" / "open-data.md").read_text(encoding="utf-8")
    for table, t in spec().items():
        section = doc[doc.index(f"### `{table}`"):]
        section = section[:section.find("\n### ", 1)] if "\n### " in section[1:] else section
        for f in t["fields"]:
            assert f"| `{f['name']}` | {f['type']} |" in section, (table, f["name"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list(" =+-@\t\r\n＝＋－＠'a中1\u202e\u2066\u200f.")), max_size=6),
                min_size=1, max_size=20))
def test_the_csv_rule_is_the_project_rule(texts):
    """The Arrow implementation of the spreadsheet rule agrees with govlens.cells on any text."""
    import pyarrow as pa

    batch = pa.RecordBatch.from_arrays([pa.array(texts, pa.string())], names=["t"])
    assert opendata._csv_batch(batch).column(0).to_pylist() == [neutralise_cell(t) for t in texts]


def test_texts_kept_as_messages_are_written_out_in_the_locale(tmp_path):
    from govlens.text import Messages

    T = Messages("test-opendata", {"slow": ("首页响应{ms}毫秒", "the homepage answered in {ms} ms")})
    built = build_store(tmp_path / "c.duckdb")
    store = built["store"]
    try:
        store.insert("findings", [{"platform_id": "gd", "kind": "slow_response", "url": "https://gd.example.gov.cn/",
                                   "detail": T("slow", ms=6200), "indicator_id": "response-time",
                                   "evidence_url": "", "snippet": "", "observed_at": None}])
        for loc, text in (("zh-CN", "首页响应6200毫秒"), ("en", "the homepage answered in 6200 ms")):
            write_open_data(store, tmp_path / loc, frameworks=[built["framework"]], locale=loc)
            details = {f["detail"] for f in _parquet(tmp_path / loc / "data", "findings")}
            assert text in details and not any("\u27e6" in (d or "") for d in details)
            assert text in {r[4] for r in _csv(tmp_path / loc / "data", "findings")}
        package = json.loads((tmp_path / "en" / "data" / "datapackage.json").read_text(encoding="utf-8"))
        platforms = package["resources"][0]
        assert (platforms["title"], platforms["translations"]["zh-CN"]["title"]) == ("Platforms", "评估对象")
        kinds = {f["kind_title"] for f in _parquet(tmp_path / "en" / "data", "findings") if f["kind"] == "stale_column"}
        assert kinds and not any(re.search(r"[\u4e00-\u9fff]", k) for k in kinds)
    finally:
        store.close()
