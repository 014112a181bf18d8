"""Bad input to the hotline test-call and materials importers: every bad row named, the good rows kept."""
from __future__ import annotations

import datetime as dt

import pytest

from govlens.errors import InputError
from govlens.probes.importers import hotline_calls, materials
from govlens.registry import Platform
from govlens.store import CampaignStore

AS_OF = dt.date(2013, 12, 15)
PLATFORMS = [Platform("hl-a", "甲市民热线", "hotline", "government", "prefecture", "江苏", "east", "http://a.gov.cn/",
                      "hotline"),
             Platform("w-b", "乙网", "website", "government", "county", "江苏", "east", "http://b.gov.cn/", "county")]


@pytest.fixture
def store(tmp_path):
    s = CampaignStore(tmp_path / "c.duckdb")
    s.write_platforms(PLATFORMS)
    yield s
    s.close()


def test_hotline_calls_bad_rows(tmp_path, store):
    path = tmp_path / "calls.csv"
    path.write_text(
        "platform_id,call_date,line,wait_seconds,answered,resolved,courtesy\n"
        "hl-a,2013-12-01,12345,20,true,true,5\n"                 # 2 good
        "hl-a,2013-12-02,12345,35,true,false,4\n"                # 3 good
        "hl-a,2013-12-03,12345,abc,true,true,4\n"                # 4 wait not a number
        "hl-a,2013-12-04,12345,20,maybe,,\n"                     # 5 answered not a boolean
        "hl-a,2013-12-05,12345,20,true,true,7\n"                 # 6 courtesy above 5
        "hl-a,2013-12-06,12345,200,false,true,\n"                # 7 resolved but not answered
        "hl-a,2014-01-06,12345,20,true,true,4\n"                 # 8 after the check date
        "w-b,2013-12-06,12345,20,true,true,4\n"                  # 9 not a hotline
        "hl-a,2013-12-07,12345,-5,true,true,4\n"                 # 10 negative wait
        "hl-a,2013-12-08,12345,120,false,,3\n",                  # 11 courtesy of an unanswered call
        encoding="utf-8")
    report = hotline_calls.import_file(store, path, PLATFORMS, check_date=AS_OF)
    got = sorted((e.line, e.field) for e in report.errors)
    assert got == [(4, "wait_seconds"), (5, "answered"), (6, "courtesy"), (7, "resolved"), (8, "call_date"),
                   (9, "platform_id"), (10, "wait_seconds"), (11, "courtesy")], [str(e) for e in report.errors]
    assert all("calls.csv" in str(e) for e in report.errors)
    assert report.rows == 2
    obs = store.rows("observations", probe="hotline_calls")[0]["data"]
    assert obs["calls"] == 2 and obs["answer_rate"] == 1.0 and obs["median_wait"] == 27.5


def test_hotline_calls_missing_header_and_file(tmp_path, store):
    path = tmp_path / "calls.csv"
    path.write_text("platform_id,call_date,line\nhl-a,2013-12-01,12345\n", encoding="utf-8")
    with pytest.raises(InputError, match="表头缺少 wait_seconds"):
        hotline_calls.import_file(store, path, PLATFORMS, check_date=AS_OF)
    with pytest.raises(InputError, match="找不到"):
        hotline_calls.import_file(store, tmp_path / "none.csv", PLATFORMS, check_date=AS_OF)


def test_materials_bad_rows(tmp_path, store):
    path = tmp_path / "materials.csv"
    path.write_text(
        "platform_id,type,category,title,submitted_by,submitted_on,summary\n"
        "w-b,self_nomination,design,乙网设计创新自荐,乙网,2013-10-01,做法\n"      # 2 good
        "w-b,award,design,乙网其他,乙网,2013-10-01,\n"                         # 3 unknown type
        "zz,recommendation,design,推荐,专家,2013-10-01,\n"                      # 4 unknown platform
        "w-b,recommendation,design,推荐意见,专家,not-a-date,\n"                   # 5 bad date
        "w-b,self_nomination,design,乙网设计创新自荐,乙网,2013-10-02,\n"           # 6 duplicate title
        "hl-a,recommendation,service,推荐热线,专家,2013-11-01,理由\n",            # 7 good
        encoding="utf-8")
    report = materials.import_file(store, path, PLATFORMS, check_date=AS_OF)
    assert sorted((e.line, e.field) for e in report.errors) == [(3, "type"), (4, "platform_id"),
                                                                 (5, "submitted_on"), (6, "title")]
    assert report.rows == 2
    data = {r["platform_id"]: r["data"] for r in store.rows("observations", probe="materials")}
    assert data["w-b"]["types"] == ["self_nomination"] and data["w-b"]["items"][0]["title"] == "乙网设计创新自荐"
