"""The shipped 2013 data: registries/notice-2013.csv and awards/notice-2013.yaml agree with each other and the seed."""
from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from govlens.awards.config import load_awards
from govlens.registry.model import FIELDS, KINDS, LEVELS, ORG_TYPES, Platform, region_of

REGISTRY = Path(__file__).resolve().parents[2] / "registries" / "notice-2013.csv"

S4_QUOTAS = {"central": 10, "provincial": 7, "sub_provincial_capital": 7, "local_department": 25, "local_court": 5,
             "local_procuratorate": 5, "prefecture": 15, "municipal_district": 12, "sub_provincial_district": 12,
             "county": 12, "hightech_zone": 10, "economic_zone": 5}
S5_QUOTAS = {"central": 10, "provincial": 8, "sub_provincial_capital": 8, "local_department": 40, "local_court": 15,
             "local_procuratorate": 10, "prefecture": 25, "municipal_district": 10, "sub_provincial_district": 13,
             "county": 46, "hightech_zone": 10, "economic_zone": 7}


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with REGISTRY.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames or ()) == FIELDS
        return list(reader)


@pytest.fixture(scope="module")
def platforms(rows) -> dict[str, Platform]:
    """Websites by name (a name may also be an account's: 广州公安 has a Weibo and a WeChat account)."""
    return {r["name"]: Platform(**r) for r in rows if r["kind"] == "website"}


@pytest.fixture(scope="module")
def accounts(rows) -> dict[tuple[str, str], Platform]:
    return {(r["kind"], r["name"]): Platform(**r) for r in rows if r["kind"] != "website"}


@pytest.fixture(scope="module")
def awards():
    return load_awards("notice-2013")


def test_registry_rows_are_valid(rows):
    kinds = Counter(r["kind"] for r in rows)
    assert kinds == {"website": 410, "weibo": 112, "wechat": 10, "mobile_portal": 22, "foreign_site": 48, "cn_domain": 9,
                     "column": 30, "mailbox": 20, "hotline": 20}
    for r in rows:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r["id"]), r
        assert r["kind"] in KINDS
        assert r["org_type"] in ORG_TYPES, r
        assert r["level"] in LEVELS, r
        assert r["region"] == region_of(r["province"], r["level"]) != "", r
        if r["kind"] in ("website", "mobile_portal", "foreign_site", "mailbox", "hotline"):
            assert re.fullmatch(r"https?://[a-z0-9.-]+/", r["url"]), r
        elif r["kind"] == "cn_domain":
            assert r["url"] == f"http://{r['name']}/" and r["name"].endswith(".政务"), r
        elif r["kind"] == "column":      # site + column path
            assert re.fullmatch(r"https?://[a-z0-9.-]+/tslm/[a-z]+/index\.html", r["url"]), r
        else:
            assert re.fullmatch(r"https://(weibo\.com/u/\d{10}|mp\.weixin\.qq\.com/profile\?id=gh_[0-9a-f]{12})", r["url"])
    assert not [v for v, n in Counter(r["id"] for r in rows).items() if n > 1]
    assert not [v for v, n in Counter((r["kind"], r["name"]) for r in rows).items() if n > 1]
    hosts = Counter(urlsplit(r["url"]).hostname for r in rows
                    if r["kind"] in ("website", "mobile_portal", "foreign_site", "cn_domain", "mailbox", "hotline"))
    assert not [h for h, n in hosts.items() if n > 1]
    assert len({r["url"] for r in rows}) == len(rows)


def test_awards_quotas(awards):
    assert [s.id for s in awards.series] == ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9"]
    quotas = {a.key: {g.id: g.quota for g in a.groups} for a in awards.awards()}
    assert quotas["s1.most-influential"] == {"central": 22, "local": 10}
    assert quotas["s1.most-effective"] == {"central-party": 1}
    assert quotas["s1.most-mobilizing"] == {"party": 1}
    assert quotas["s1.most-popular"] == {"provincial": 2}
    assert quotas["s4.leading"] == S4_QUOTAS
    assert quotas["s5.excellent"] == S5_QUOTAS
    assert awards.award("s5.excellent").excludes == ("s4.leading",)
    assert awards.award("s1.most-popular").rank_by == "dimension:opinion"
    assert quotas["s3.innovative-mobile"] == {"mobile": 12}
    assert quotas["s2.featured-columns"] == {"featured_column": 21}
    assert [a.id for a in awards.series[2].awards] == ["management", "development", "local", "design", "service",
                                                       "mailbox", "hotline", "innovative-mobile"]
    assert [a.groups[0].quota for a in awards.series[2].awards] == [10, 8, 12, 8, 12, 10, 10, 12]
    assert [lst.title for lst in awards.nomination_lists] == ["政务网站", "政务微博", "移动门户"]
    s5 = awards.award("s5.excellent")
    assert sum(s5.nominations_of(g) for g in s5.groups) == 21   # the seed's closing 政务网站 list
    assert quotas["s9.most-influential-weibo"] == {"central": 8, "local": 12}
    assert quotas["s9.excellent-weibo"] == {"central": 11, "local": 68}
    assert quotas["s9.wechat"] == {"wechat": 10}
    assert awards.award("s9.excellent-weibo").excludes == ("s9.most-influential-weibo",)
    assert awards.award("s9.excellent-weibo").nominations == 14 and awards.award("s3.innovative-mobile").nominations == 10
    assert quotas["s6.contribution"] == {"provincial": 3, "city": 3}
    assert quotas["s6.featured-column"] == {"columns": 6}
    assert quotas["s7.leading"] == {"central": 3, "provincial": 3, "sub_provincial_capital": 3, "prefecture": 3,
                                    "county": 6}
    assert quotas["s7.excellent"] == {"central": 5, "provincial": 5, "sub_provincial_capital": 6, "prefecture": 5,
                                      "county": 9}
    assert awards.award("s7.excellent").excludes == ("s7.leading",)
    assert quotas["s8.demonstration"] == {"cn_domain": 9}


SEED = Path("/work/shared/seeds/000_1303e12e75f2869e.txt")


@pytest.mark.skipif(not SEED.is_file(), reason="the seed is not beside this checkout")
def test_series_9_quotas_are_counted_from_the_seed(awards):
    text = SEED.read_text(encoding="utf-8")

    def between(a: str, b: str, start: int = 0) -> list[str]:
        i = text.index(a, start) + len(a)
        return [x for x in text[i:text.index(b, i)].split(".") if x]
    i1 = text.index("2013年度中国最具影响力政务微博党政机构")
    assert len(between("中央国家机关", "地方党政机构", i1)) == 8
    assert len(between("地方党政机构", "2013年度中国优秀政务微博", i1)) == 12
    i2 = text.index("2013年度中国优秀政务微博党政机构")
    assert len(between("中央国家机关", "地方党政机构", i2)) == 11
    # 69 dot-separated names, of which "警民直通车" and "上海" are one account (警民直通车-上海)
    assert len(between("地方党政机构", "2013年度中国政务微信贡献奖", i2)) == 68 + 1
    assert len(between("2013年度中国政务微信贡献奖", "除上述获奖", i2)) == 10
    assert len(between("政务微博", "移动门户", text.index("河南登封市") + 5)) == 14


@pytest.mark.skipif(not SEED.is_file(), reason="the seed is not beside this checkout")
def test_series_2_and_3_quotas_are_counted_from_the_seed(awards, rows):
    text = SEED.read_text(encoding="utf-8")
    start = text.index("中央国家机关网站获奖栏目") + len("中央国家机关网站获奖栏目")
    columns = text[start:text.index("获奖理由", start)]
    names = [r["name"] for r in rows if r["kind"] == "column"][:21]      # the seed's, in its order
    assert "".join(n.replace("·", "") for n in names) == columns
    s3_start = text.index("奖项名称政务平台")
    s3 = text[s3_start:text.index("第四系列", s3_start)]
    titles = ["2013年度管理创新型政务网站", "2013年度快速发展型政务网站", "2013年度地方特色政务网站",
              "2013年度设计创新型政务网站", "2013年度服务创新型政务网站", "2013年度服务创新型领导信箱",
              "2013年度服务创新型政府热线", "2013年度创新型移动门户"]
    counts = []
    for i, t in enumerate(titles):
        a = s3.index(t) + len(t)
        b = s3.index(titles[i + 1]) if i + 1 < len(titles) else len(s3)
        counts.append(len([x for x in s3[a:b].split(".") if x]))
    # 移动南京.政府微门户 and '中国.福州' are one portal each: the seed's dots split them
    counts[-1] -= 2
    assert counts == [a.groups[0].quota for a in awards.series[2].awards]
    assert [a.title for a in awards.series[2].awards] == titles
    named = {r["name"] for r in rows}
    for t in titles[5:7]:       # every seed mailbox and hotline is in the registry
        a = s3.index(t) + len(t)
        b = s3.index(titles[titles.index(t) + 1])
        assert {x for x in s3[a:b].split(".") if x} <= named


@pytest.mark.parametrize("key, group, names", [
    ("s9.most-influential-weibo", "central", ["国务院公报", "全国打黑办"]),
    ("s9.most-influential-weibo", "local", ["平安北京", "云南省人民检察院"]),
    ("s9.excellent-weibo", "central", ["中国青年志愿者", "民政微语"]),
    ("s9.excellent-weibo", "local", ["警民直通车-上海", "璧山之声", "嵊泗旅游"]),
])
def test_seed_accounts_are_in_their_groups(awards, accounts, key, group, names):
    g = next(g for g in awards.award(key).groups if g.id == group)
    for name in names:
        assert g.admits(accounts[("weibo", name)]), name
    assert awards.award("s9.wechat").groups[0].admits(accounts[("wechat", "广州公安")])
    assert awards.award("s3.innovative-mobile").groups[0].admits(accounts[("mobile_portal", "深圳宝安在线手机版")])


@pytest.mark.parametrize("key", ["s4.leading", "s5.excellent"])
def test_every_platform_is_in_exactly_one_group(awards, platforms, key):
    award = awards.award(key)
    for p in platforms.values():
        if p.group.startswith("civilization"):       # 文明网 compete in series 6 only
            continue
        assert sum(g.admits(p) for g in award.groups) == 1, p
    for g in award.groups:
        assert sum(g.admits(p) for p in platforms.values()) >= g.quota, g.id


@pytest.mark.parametrize("key, group, winners", [
    ("s1.most-influential", "local",
     ["中国广东", "香港政府一站通", "中国成都", "北京市公安交通管理局网站", "上海政法综治网", "辽宁民心网"]),
    ("s1.most-influential", "central", ["中国政府网", "中国文明网", "中央政府采购网"]),
    ("s1.most-effective", "central-party", ["中央纪委监察部网站"]),
    ("s1.most-mobilizing", "party", ["共产党员网"]),
    ("s1.most-popular", "provincial", ["首都之窗", "中国上海"]),
])
def test_seed_winners_are_eligible(awards, platforms, key, group, winners):
    g = next(g for g in awards.award(key).groups if g.id == group)
    for name in winners:
        assert g.admits(platforms[name]), name


@pytest.mark.skipif(not SEED.is_file(), reason="the seed is not beside this checkout")
def test_series_6_7_8_winners_are_the_seed_s(awards, rows):
    """Every name the seed lists in series 6, 7 and 8 is a registry platform of its award's group, quota = count."""
    text = SEED.read_text(encoding="utf-8")
    by_name = {r["name"]: r for r in rows}

    def names(a: str, b: str, start: int) -> list[str]:
        i = text.index(a, start) + len(a)
        return [x for x in text[i:text.index(b, i)].split(".") if x]

    # series 7: the seed writes each group as "<group title><names>" in the order of the awards file
    for key, title in (("s7.leading", "2013年度中国政府网站外文版国际化程度领先奖"),
                       ("s7.excellent", "2013年度中国政府网站外文版国际化程度优秀奖")):
        award = awards.award(key)
        start = text.index(title, text.index("现将2013年度中国政府网站外文版"))
        ends = [g.title for g in award.groups[1:]] + (["2013年度中国政府网站外文版国际化程度优秀奖"] if key == "s7.leading"
                                                      else ["第八系列"])
        for g, end in zip(award.groups, ends):
            listed = names(g.title, end, start)
            assert len(listed) == g.quota, (key, g.id, listed)
            assert all(g.admits(Platform(**by_name[n])) for n in listed), (key, g.id)
    # series 8: nine names, each "<organ>.政务" in the seed's dotted text
    i = text.index("推荐2013年度中国政务专用中文域名应用示范奖如下.2013年度中国政务专用中文域名应用示范奖") + len(
        "推荐2013年度中国政务专用中文域名应用示范奖如下.2013年度中国政务专用中文域名应用示范奖")
    parts = text[i:text.index("第九系列", i)].split(".")
    cn = [f"{parts[k]}.{parts[k + 1]}" for k in range(0, len(parts) - 1, 2)]
    assert len(cn) == awards.award("s8.demonstration").groups[0].quota == 9
    assert all(by_name[n]["kind"] == "cn_domain" for n in cn)
    # series 6: 3 provincial and 3 city sites, 6 columns (the seed writes 中国文明网.X; the registry 中国文明网·X)
    contribution = awards.award("s6.contribution")
    assert [g.quota for g in contribution.groups] == [3, 3]
    civ = [r for r in rows if r["group"].startswith("civilization")]
    assert Counter(r["group"] for r in civ) == {"civilization_provincial": 3, "civilization_city": 3,
                                                 "civilization_column": 6}
    for r in civ:
        seed_name = r["name"].replace("·", ".").split(" ")[0].replace("“", "'").replace("”", "'")
        assert seed_name in text, r["name"]
