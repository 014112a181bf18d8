"""The notice belongs to the campaign: the [notice] table, its errors, and a campaign without one.

The stores are the report tests' realistic small campaign (tests/report/conftest.py), written by the real
report stage; a 20-site campaign of 2025 gets six more registry rows (registered, never scored) so the
counts in its text can only come from the registry.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from govlens.awards.config import load_awards, parse_awards
from govlens.errors import AwardsError, CampaignFileError
from govlens.notice_text import NoticeText, parse_notice
from govlens.pipeline.campaign import load_campaign
from govlens.report import write_reports
from govlens.report.numerals import chinese_date

from .conftest import AWARDS_DOC, build_store

# what only the 2013 notice says: never in another campaign's notice
SEED_ONLY = ("近十万", "2013年是党的十八大之后的开局年", "二十多万", "自2002年起", "连续12年", "二〇一三年十二月二十五日", "中国信息化研究与促进网",
             "促进网", "2013年中国优秀政务平台推荐及综合影响力评估结果通报", "党风廉政建设", "党章知识竞赛",
             "24小时永不下班")

CAMPAIGN = '[campaign]\nname = "x"\nregistry = "r.csv"\n'


def _campaign_file(tmp_path: Path, notice: str) -> Path:
    path = tmp_path / "c.toml"
    path.write_text(CAMPAIGN + "\n[notice]\n" + notice, encoding="utf-8")
    return path


def test_the_notice_table_is_read_with_every_key(tmp_path: Path) -> None:
    c = load_campaign(_campaign_file(tmp_path, 'title = "某省2025年度政府网站评估结果通报"\nissuer = "某省政府办公厅"\n'
                                               'date = 2025-07-15\nintro = """第一段，{websites}个网站。\n\n第二段"""\n'
                                               'findings = ["发现一。"]\ncontact = "联系人：张三"\n'
                                               'signature = ["某省政府办公厅", "某省大数据中心"]\n'))
    n = c.notice
    assert n is not None and n.title == "某省2025年度政府网站评估结果通报" and n.issuer == "某省政府办公厅"
    assert n.date == date(2025, 7, 15) and n.intro == ("第一段，{websites}个网站。", "第二段")
    assert n.findings == ("发现一。",) and n.contact == ("联系人：张三",)
    assert n.signature == ("某省政府办公厅", "某省大数据中心")
    assert load_campaign(tmp_path / "c.toml").notice == n
    (tmp_path / "d.toml").write_text(CAMPAIGN, encoding="utf-8")
    assert load_campaign(tmp_path / "d.toml").notice is None


@pytest.mark.parametrize("body, field, words", [
    ('title = "通报"\ntitel = "x"\n', "notice.titel", "未知的键 “titel”，是否想写 “title”"),
    ('intro = ["共{sites}个网站"]\n', "notice.intro", "未知的占位符 {sites}，是否想写 “websites”"),
    ('intro = ["共{websites个网站"]\n', "notice.intro", "花括号不成对"),
    ('date = "25/12/2025"\n', "notice.date", "YYYY-MM-DD"),
    ('signature = [1, 2]\n', "notice.signature", "字符串的列表"),
    ('title = 2025\n', "notice.title", "应为字符串"),
])
def test_bad_notice_keys_are_named_with_their_line(tmp_path: Path, body: str, field: str, words: str) -> None:
    path = _campaign_file(tmp_path, body)
    with pytest.raises(CampaignFileError) as info:
        load_campaign(path)
    err = info.value
    key = field.split(".")[1]
    line = next(i for i, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if t.startswith(key))
    assert err.field == field and words in str(err) and err.line == line and str(path) in str(err)


def test_a_notice_that_is_not_a_table() -> None:
    with pytest.raises(CampaignFileError, match="应为表"):
        parse_notice("通报", "c.toml")


def _store_2025(tmp_path: Path) -> dict:
    """A 20-site campaign of 2025: the report store plus six registered, never scored websites."""
    built = build_store(tmp_path / "campaign.duckdb")
    store = built["store"]
    rows = store.frame("SELECT * FROM platforms").to_dict("records")
    extra = [("hz", "杭州", "浙江", "east"), ("nb", "宁波", "浙江", "east"), ("xa", "西安", "陕西", "west"),
             ("km", "昆明", "云南", "west"), ("ty", "太原", "山西", "central"), ("cc", "长春", "吉林", "northeast")]
    rows += [{"id": pid, "name": name, "kind": "website", "org_type": "government", "level": "prefecture",
              "province": prov, "region": region, "url": f"https://www.{pid}.gov.cn/", "group": "prefecture"}
             for pid, name, prov, region in extra]
    store.replace("platforms", rows)
    store.set_meta("campaign", {"name": "2025年度政府网站评估", "year": 2025, "check_date": "2025-06-30"})
    return built


def test_a_campaign_without_a_notice_table_prints_nothing_of_the_2013_notice(tmp_path: Path) -> None:
    built = _store_2025(tmp_path)
    store = built["store"]
    try:
        paths = write_reports(store, tmp_path / "out", framework=built["framework"],
                              awards=load_awards("notice-2013", year=2025))
        registry = store.frame("SELECT count(*) AS n, count(DISTINCT nullif(province, '')) AS p, "
                               "count(*) FILTER (WHERE level = 'central') AS c FROM platforms").iloc[0]
    finally:
        store.close()
    assert registry["n"] == 20
    for name in ("notice.html", "notice.md"):
        text = (tmp_path / "out" / name).read_text(encoding="utf-8")
        found = [s for s in SEED_ONLY if s in text]
        assert not found, (name, found)
        assert "2025年度政府网站评估结果通报" in text                      # a title from the campaign's name
        assert "2025年度中国最具影响力政务网站" in text and "2013年度中国" not in text   # {year} in award titles
        assert chinese_date(date(2025, 6, 30)) in text                    # the check date, as the closing date
        assert (f"对中央国家机关和{registry['p']}个省级行政区的{registry['n']}个政务平台进行了测量" in text)
    assert paths["notice.md"].read_text(encoding="utf-8").rstrip().endswith("二〇二五年六月三十日")


def test_the_notice_table_fills_the_notice(tmp_path: Path) -> None:
    built = _store_2025(tmp_path)
    store = built["store"]
    notice = NoticeText(title="{year}年度某省政府网站评估结果通报", issuer="某省人民政府办公厅", date=date(2025, 7, 15),
                        intro=(("本次评估覆盖{provinces}个省级行政区的{websites}个政府网站（共{platforms}个平台，"
                                "{accounts}个政务新媒体账号），评出{series}大系列{awards}个奖项。"),),
                        findings=("评估组认为，各地网站的信息更新仍需加强。",), contact=("联系人：张三", "电话：010-12345678"),
                        signature=("某省人民政府办公厅", "某省大数据管理中心"))
    try:
        write_reports(store, tmp_path / "out", framework=built["framework"], awards=parse_awards(AWARDS_DOC),
                      notice=notice)
        provinces = store.frame("SELECT count(DISTINCT province) FROM platforms WHERE province <> ''").iloc[0, 0]
        kinds = dict(store.frame("SELECT kind, count(*) FROM platforms GROUP BY kind").itertuples(index=False))
    finally:
        store.close()
    html = (tmp_path / "out" / "notice.html").read_text(encoding="utf-8")
    md = (tmp_path / "out" / "notice.md").read_text(encoding="utf-8")
    assert "<h1>2025年度某省政府网站评估结果通报</h1>" in html and md.startswith("# 2025年度某省政府网站评估结果通报\n")
    assert (f"本次评估覆盖{provinces}个省级行政区的{kinds['website']}个政府网站（共{sum(kinds.values())}个平台，"
            f"0个政务新媒体账号），评出三大系列3个奖项。") in html
    assert "为促进全国各级党务政务网站建设" not in html           # the awards file's intro gives way to the campaign's
    findings = html[html.index('id="findings"'):]
    assert "评估组认为，各地网站的信息更新仍需加强。" in findings
    closing = html[html.index('<div class="contact">'):]
    assert re.search(r"联系人：张三.*电话：010-12345678.*某省人民政府办公厅.*某省大数据管理中心.*二〇二五年七月十五日",
                     closing, re.DOTALL)
    assert md.rstrip().endswith("某省大数据管理中心  \n二〇二五年七月十五日")


def test_the_demo_notice_text_is_a_valid_notice_table() -> None:
    """The 2013 text ships only as the demo's [notice]; its counts are placeholders, not "近十万"."""
    import tomllib

    from govlens.pipeline.demo import DEMO_NOTICE
    doc = tomllib.loads(DEMO_NOTICE.read_text(encoding="utf-8"))
    n = parse_notice(doc["notice"], str(DEMO_NOTICE))
    assert n is not None and n.title == "2013年中国优秀政务平台推荐及综合影响力评估结果通报" and n.date == date(2013, 12, 25)
    intro = "".join(n.intro or ())
    assert "{websites}" in intro and "{accounts}" in intro and "近十万" not in intro and "二十多万" not in intro
    shipped = load_awards("notice-2013")
    assert not shipped.title and not shipped.intro and not shipped.issuer and shipped.date is None
    assert shipped.award("s1.most-influential").title == "2013年度中国最具影响力政务网站"     # the file's year
    assert load_awards("notice-2013", year=2025).award("s1.most-influential").title == "2025年度中国最具影响力政务网站"


def test_bad_bound_reasons_are_named() -> None:
    def with_reasons(reasons):
        doc = {**AWARDS_DOC, "series": [dict(AWARDS_DOC["series"][0])]}
        doc["series"][0]["awards"] = [{**AWARDS_DOC["series"][0]["awards"][0], "reasons": reasons}]
        return doc
    for reasons, words in (({"gd": ""}, "应为非空文字"), ([{"platforms": [], "text": "x"}], "应为非空的平台 id 列表"),
                           ([{"platforms": ["gd"], "txt": "x"}], "未知的键 “txt”，是否想写 “text”"),
                           ([{"platforms": ["gd"], "text": "a"}, {"platforms": ["gd", "sh"], "text": "b"}],
                            "平台 “gd” 有两条固定理由"), ("gd", "应为平台 id 到文字的映射")):
        with pytest.raises(AwardsError, match=words) as info:
            parse_awards(with_reasons(reasons))
        assert "series[0].awards[0].reasons" in str(info.value.field)


def test_a_bad_notice_in_english(tmp_path: Path) -> None:
    from govlens import messages
    with messages.using("en"):
        with pytest.raises(CampaignFileError) as info:
            load_campaign(_campaign_file(tmp_path, 'intro = ["共{sites}个网站"]\n'))
    assert "unknown placeholder {sites}; did you mean `websites`" in str(info.value), str(info.value)
