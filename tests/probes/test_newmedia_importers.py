"""The new-media importers on real files (CSV, JSON Lines, XLSX) into a real DuckDB store: bad input."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from govlens.errors import ImportFileError, InputError
from govlens.probes.importers import (app_store, expert_recommendations, newmedia_comments, newmedia_posts,
                                      newmedia_stats)
from govlens.probes.importers import newmedia_submissions
from govlens.registry.model import Platform
from govlens.store import CampaignStore

CHECK = date(2013, 12, 15)
HEADER = ("platform_id,date,followers,follower_growth,posts,original_posts,reads,likes,shares,comments,looking,"
          "headline_reads,max_post_reads,max_post_likes,verified,menu_items")
ROW_A = "wb-1,2013-12-01,1000,10,3,2,500,20,5,4,,,300,10,true,"
ROW_B = "wx-1,2013-12-01,200,1,1,1,80,3,1,0,2,60,80,3,false,5"
PLATFORMS = [
    Platform("wb-1", "示例发布", "weibo", "government", "prefecture", "浙江", "east", "https://weibo.com/u/1", "weibo_local"),
    Platform("wx-1", "示例微信", "wechat", "department", "county", "浙江", "east", "https://mp.weixin.qq.com/p?i=1",
             "wechat_local"),
    Platform("site-1", "示例网站", "website", "government", "county", "浙江", "east", "https://www.x.gov.cn/", "county"),
    Platform("mp-1", "示例手机版", "mobile_portal", "government", "county", "浙江", "east", "http://m.x.gov.cn/",
             "mobile_local"),
]


@pytest.fixture
def store(tmp_path: Path):
    s = CampaignStore(tmp_path / "c.duckdb")
    s.write_platforms(PLATFORMS)
    yield s
    s.close()


def write(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def refused(store, path, module=newmedia_stats) -> ImportFileError:
    with pytest.raises(ImportFileError) as info:
        module.import_file(store, path, PLATFORMS, check_date=CHECK)
    print(info.value)
    for e in info.value.errors:
        print("  ", e)
    return info.value


def test_good_csv_is_imported_with_an_observation_per_account(store, tmp_path) -> None:
    report = newmedia_stats.import_file(store, write(tmp_path / "s.csv", HEADER, ROW_A, ROW_B), PLATFORMS,
                                        check_date=CHECK)
    assert (report.rows, report.platforms, report.errors) == (2, 2, [])
    row = store.rows("nm_stats", platform_id="wx-1")[0]
    assert row["looking"] == 2 and row["verified"] is False and row["menu_items"] == 5
    assert store.rows("nm_stats", platform_id="wb-1")[0]["looking"] is None
    obs = {o["platform_id"]: o for o in store.rows("observations", probe="newmedia_stats")}
    assert obs["wb-1"]["data"]["source"] == "s.csv" and obs["wb-1"]["data"]["days"] == 1


@pytest.mark.parametrize("row, line_field, words", [
    ("wb-1,2013-12-02,many,10,3,2,500,20,5,4,,,300,10,true,", (3, "followers"), "不是有效的整数"),
    ("wb-1,2013-12-32,1000,10,3,2,500,20,5,4,,,300,10,true,", (3, "date"), "date"),
    ("wb-1,2013-12-02,1000,10,3,2,500,20,5,4,,,300,10,maybe,", (3, "verified"), "true/false"),
    ("wb-1,2013-12-02,1000,10,3,2,500,20", (3, None), "列数不足"),
    ("wb-1,2013-12-02,1000,10,3,2,500,20,5,4,,,300,10,true,,9", (3, None), "列数过多"),
    ("nobody,2013-12-02,1000,10,3,2,500,20,5,4,,,300,10,true,", (3, "platform_id"), "未知的平台编号"),
    ("site-1,2013-12-02,1000,10,3,2,500,20,5,4,,,300,10,true,", (3, "platform_id"), "不是登记表中的政务微博、政务微信"),
    ("wb-1,2013-12-01,1000,10,3,2,500,20,5,4,,,300,10,true,", (3, "date"), "platform_id/date 重复（首次出现在第 2 行）"),
    ("wb-1,2013-12-20,1000,10,3,2,500,20,5,4,,,300,10,true,", (3, "date"), "晚于检查日期"),
    ("wb-1,2013-12-02,1000,10,3,5,500,20,5,4,,,300,10,true,", (3, "original_posts"), "原创发文数多于发文总数"),
    ("wb-1,2013-12-02,-4,10,3,2,500,20,5,4,,,300,10,true,", (3, "followers"), "小于 0"),
    ("wb-1,2013-12-02,1000,10,3,2,500,20,5,4,,,900,10,true,", (3, "max_post_reads"), "单篇最高阅读数"),
    (",2013-12-02,1000,10,3,2,500,20,5,4,,,300,10,true,", (3, "platform_id"), "缺少值"),
])
def test_a_bad_row_refuses_the_whole_file_naming_line_and_field(store, tmp_path, row, line_field, words) -> None:
    err = refused(store, write(tmp_path / "bad.csv", HEADER, ROW_A, row, ROW_B))
    assert (err.errors[0].line, err.errors[0].field) == line_field
    assert words in str(err.errors[0]) and "bad.csv" in str(err) and "第3行" in str(err)
    assert store.count("nm_stats") == 0


def test_every_bad_row_is_listed_and_earlier_data_survives(store, tmp_path) -> None:
    newmedia_stats.import_file(store, write(tmp_path / "good.csv", HEADER, ROW_A, ROW_B), PLATFORMS, check_date=CHECK)
    bad = [ROW_A.replace("2013-12-01", f"2013-11-{d:02d}").replace(",1000,", ",x,") for d in range(1, 8)]
    err = refused(store, write(tmp_path / "bad.csv", HEADER, ROW_B, *bad, "wb-1,2013-11-30,1,1,1,9,1,1,1,1,,,1,1,true,"))
    assert err.total == 8 and [e.line for e in err.errors] == list(range(3, 11))
    assert store.count("nm_stats") == 2                      # nothing half-imported: the good file's rows stay
    assert {r["platform_id"] for r in store.rows("nm_stats")} == {"wb-1", "wx-1"}


def test_a_quoted_cell_spanning_lines_does_not_shift_line_numbers(store, tmp_path) -> None:
    header = "platform_id,post_id,published_at,type,headline,reads,likes,shares,comments,looking,url,text"
    path = write(tmp_path / "posts.csv", header,
                 'wb-1,p1,2013-12-01 08:00:00,original,,10,1,0,0,,,"第一行\n第二行"',
                 "wb-1,p2,2013-12-01 09:00:00,video,,10,1,0,0,,,正文")
    err = refused(store, path, newmedia_posts)
    assert (err.errors[0].line, err.errors[0].field) == (4, "type") and "original/repost/article" in str(err)


def test_header_problems(store, tmp_path) -> None:
    with pytest.raises(InputError) as info:
        newmedia_stats.import_file(store, write(tmp_path / "h.csv", HEADER.replace("reads,", "")), PLATFORMS)
    assert (info.value.line, info.value.field) == (1, "reads")
    with pytest.raises(InputError, match="文件为空"):
        newmedia_stats.import_file(store, write(tmp_path / "e.csv", ""), PLATFORMS)
    (tmp_path / "g.csv").write_bytes(HEADER.replace("platform_id", "账号").encode("gbk") + b"\n")
    with pytest.raises(InputError, match="不是 UTF-8 编码"):
        newmedia_stats.import_file(store, tmp_path / "g.csv", PLATFORMS)
    with pytest.raises(InputError, match="应为 .csv、.jsonl 或 .xlsx 文件"):
        newmedia_stats.import_file(store, write(tmp_path / "s.txt", HEADER), PLATFORMS)
    with pytest.raises(InputError, match="找不到"):
        newmedia_stats.import_file(store, tmp_path / "missing.csv", PLATFORMS)


def _jsonl(path: Path, *docs: object) -> Path:
    path.write_text("\n".join(d if isinstance(d, str) else json.dumps(d, ensure_ascii=False) for d in docs) + "\n",
                    encoding="utf-8")
    return path


def _doc(**over):
    doc = dict(zip(HEADER.split(","), ROW_A.split(",")))
    doc = {k: (None if v == "" else v) for k, v in doc.items()}
    doc.update(over)
    return doc


def test_jsonl_good_and_bad(store, tmp_path) -> None:
    good = _jsonl(tmp_path / "s.jsonl", _doc(), _doc(date="2013-12-02", followers=1010))
    assert newmedia_stats.import_file(store, good, PLATFORMS, check_date=CHECK).rows == 2
    err = refused(store, _jsonl(tmp_path / "b.jsonl", _doc(), "{not json", _doc(date="2013-12-03", reads="lots"),
                                [1, 2]))
    assert [(e.line, e.field) for e in err.errors] == [(2, None), (3, "reads"), (4, None)]
    assert "不是有效的 JSON" in str(err.errors[0]) and "不是有效的整数" in str(err.errors[1])
    err = refused(store, _jsonl(tmp_path / "c.jsonl", _doc(), _doc(platform_id="ghost")))
    assert (err.errors[0].line, err.errors[0].field) == (2, "platform_id")
    assert store.count("nm_stats") == 2


def _xlsx(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_xlsx_per_row_policy_keeps_good_rows(store, tmp_path) -> None:
    path = _xlsx(tmp_path / "experts.xlsx", ["platform_id", "expert", "score", "comment"],
                 [["wb-1", "专家甲", 88, "好"], ["wb-1", "专家乙", "九十", None], [None, None, None, None],
                  ["wx-1", "专家甲", 130, None], ["site-1", "专家甲", 70, None], ["wx-1", "专家乙", 75.5, "可以"]])
    report = expert_recommendations.import_file(store, path, PLATFORMS, check_date=CHECK)
    print([str(e) for e in report.errors])
    assert report.rows == 2
    assert [(e.line, e.field) for e in report.errors] == [(3, "score"), (5, "score"), (6, "platform_id")]
    rows = {(r["platform_id"], r["expert"]): r for r in store.rows("nm_experts")}
    assert rows[("wx-1", "专家乙")]["source_line"] == 7 and rows[("wb-1", "专家甲")]["source_file"] == "experts.xlsx"


def test_submissions_per_row(store, tmp_path) -> None:
    path = write(tmp_path / "sub.csv", "platform_id,source,followers,posts,reads,submitted_on,materials",
                 "wb-1,self_nomination,1000,90,50000,2013-12-01,材料",
                 "wb-1,self_nomination,1000,90,50000,2013-12-01,重复",
                 "wx-1,rumour,1,1,1,2013-12-01,",
                 "wx-1,platform_submission,1,1,1,2014-01-01,")
    report = newmedia_submissions.import_file(store, path, PLATFORMS, check_date=CHECK)
    assert report.rows == 1
    assert [(e.line, e.field) for e in report.errors] == [(3, "source"), (4, "source"), (5, "submitted_on")]


def test_comments_and_app_store(store, tmp_path) -> None:
    path = write(tmp_path / "c.csv", "platform_id,comment_id,post_id,parent_id,by_account,created_at,text",
                 "wb-1,c1,p1,,false,2013-12-01 10:00:00,请问在哪里办理？",
                 "wb-1,c2,p1,c2,true,2013-12-01 11:00:00,您好")
    err = refused(store, path, newmedia_comments)
    assert (err.errors[0].line, err.errors[0].field) == (3, "parent_id")
    path = write(tmp_path / "apps.csv", "platform_id,store,app_name,rating,ratings,downloads,last_update,version",
                 "mp-1,应用宝,示例,4.5,10,1000,2013-10-01,1.0",
                 "mp-1,App Store,示例,6,10,1000,2013-10-01,1.0",
                 "wb-1,应用宝,示例,4,10,1000,2013-10-01,1.0")
    report = app_store.import_file(store, path, PLATFORMS, check_date=CHECK)
    assert report.rows == 1 and [(e.line, e.field) for e in report.errors] == [(3, "rating"), (4, "platform_id")]
    obs = store.rows("observations", probe="app_store")[0]
    assert obs["data"]["rating"] == 4.5 and obs["data"]["downloads"] == 1000


def test_every_importer_is_documented_column_by_column() -> None:
    from govlens.probes.components import importers_by_key
    from govlens.settings import Settings
    from govlens.store.schema import SCHEMA
    doc = (Path(__file__).parents[2] / "docs" / "newmedia-data.md").read_text(encoding="utf-8")
    for key, module in importers_by_key(Settings()).items():
        assert f"## `{key}`" in doc, key
        table = SCHEMA[module.SPEC.table]
        for c in module.SPEC.columns:
            assert f"| `{c.name}` | {c.sql} |" in doc, (key, c.name)
            assert c.name in table, (module.SPEC.table, c.name)          # the store holds every column
