"""A refused data file speaks the campaign's language: zh-CN by default, en with ``--locale en``.

Every kind of row fault the importer finds (a rule in SQL, a cell it cannot convert, a header fault) is
worded from the message catalogue, so no English phrase, DuckDB wording or Python repr reaches a zh-CN
report; and the English catalogue says the same faults in English.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from govlens import messages
from govlens.errors import ImportFileError, InputError
from govlens.probes.importers import newmedia_stats
from govlens.registry.model import Platform
from govlens.store import CampaignStore

CHECK = date(2013, 12, 15)
HEADER = ("platform_id,date,followers,follower_growth,posts,original_posts,reads,likes,shares,comments,looking,"
          "headline_reads,max_post_reads,max_post_likes,verified,menu_items")
GOOD = "wb-1,2013-12-01,1000,10,3,2,500,20,5,4,,,300,10,true,"
BAD_ROWS = [
    "wb-1,2013-12-02,many,10,3,2,500,20,5,4,,,300,10,true,",     # 3 not a whole number
    "nobody,2013-12-02,1000,10,3,2,500,20,5,4,,,300,10,true,",   # 4 unknown platform
    "wb-1,2013-12-01,1000,10,3,2,500,20,5,4,,,300,10,true,",     # 5 duplicate of line 2
    "wb-1,2013-12-20,1000,10,3,2,500,20,5,4,,,300,10,true,",     # 6 after the check date
    "wb-1,2013-12-03,-4,10,3,2,500,20,5,4,,,300,10,true,",       # 7 below 0
    ",2013-12-04,1000,10,3,2,500,20,5,4,,,300,10,true,",         # 8 missing value
    "wb-1,2013-12-05,1000,10,3,2,500,20,5,4,,,300,10,true,,9",   # 9 too many columns
]
PLATFORMS = [Platform("wb-1", "示例发布", "weibo", "government", "prefecture", "浙江", "east",
                      "https://weibo.com/u/1", "weibo_local")]
ENGLISH = re.compile(r"\b(not|missing|unknown|duplicate|expected|header|below|above|line|after|columns?|value)\b",
                     re.IGNORECASE)


@pytest.fixture
def locale():
    yield messages.set_locale
    messages.set_locale("zh-CN")


def refusal(tmp_path: Path) -> ImportFileError:
    path = tmp_path / "stats.csv"
    path.write_text("\n".join([HEADER, GOOD, *BAD_ROWS]) + "\n", encoding="utf-8")
    store = CampaignStore(tmp_path / "c.duckdb")
    try:
        store.write_platforms(PLATFORMS)
        with pytest.raises(ImportFileError) as info:
            newmedia_stats.import_file(store, path, PLATFORMS, check_date=CHECK)
    finally:
        store.close()
    return info.value


def reasons(err: ImportFileError) -> dict[int, str]:
    return {e.line: e.reason for e in err.errors}


def test_every_row_fault_is_worded_in_chinese(tmp_path: Path) -> None:
    err = refusal(tmp_path)
    got = reasons(err)
    assert sorted(got) == [3, 4, 5, 6, 7, 8, 9]
    assert got[3] == "不是有效的整数：many"
    assert "未知的平台编号“nobody”" in got[4] and "政务微博" in got[4]
    assert got[5] == "platform_id/date 重复（首次出现在第 2 行）"      # the record number became the file's line
    assert got[6] == "日期晚于检查日期"
    assert got[7] == "小于 0：-4"
    assert got[8] == "缺少值" and got[9] == "列数过多"
    assert "账号统计数据整个文件未导入" in str(err)
    for line, text in got.items():
        assert not ENGLISH.search(text), (line, text)
        assert "'" not in text and "None" not in text, (line, text)


def test_the_same_faults_in_english(tmp_path: Path, locale) -> None:
    locale("en")
    got = reasons(refusal(tmp_path))
    assert got[3] == "not a valid whole number: 'many'"
    assert got[4].startswith("unknown platform id nobody") and "Weibo accounts" in got[4]
    assert got[5] == "duplicate platform_id/date (first on line 2)"
    assert got[6] == "date after the check date" and got[7] == "below 0: -4"
    assert got[8] == "missing value" and got[9] == "too many columns"


def test_header_faults_in_both_languages(tmp_path: Path, locale) -> None:
    path = tmp_path / "stats.csv"
    path.write_text("platform_id,date\nwb-1,2013-12-01\n", encoding="utf-8")
    store = CampaignStore(tmp_path / "c.duckdb")
    try:
        for lang, words in (("zh-CN", "表头缺少 followers"), ("en", "header lacks followers")):
            locale(lang)
            with pytest.raises(InputError) as info:
                newmedia_stats.import_file(store, path, PLATFORMS, check_date=CHECK)
            assert words in str(info.value) and info.value.line == 1 and info.value.field == "followers"
    finally:
        store.close()
