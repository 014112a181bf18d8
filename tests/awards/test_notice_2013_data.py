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
    return {r["name"]: Platform(**r) for r in rows}


@pytest.fixture(scope="module")
def awards():
    return load_awards("notice-2013")


def test_registry_rows_are_valid(rows):
    assert len(rows) == 365
    for r in rows:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r["id"]), r
        assert r["kind"] in KINDS and r["kind"] == "website"
        assert r["org_type"] in ORG_TYPES, r
        assert r["level"] in LEVELS, r
        assert r["region"] == region_of(r["province"], r["level"]) != "", r
        assert re.fullmatch(r"https?://[a-z0-9.-]+/", r["url"]), r
    for key in ("id", "name"):
        assert not [v for v, n in Counter(r[key] for r in rows).items() if n > 1], key
    hosts = Counter(urlsplit(r["url"]).hostname for r in rows)
    assert not [h for h, n in hosts.items() if n > 1]


def test_awards_quotas(awards):
    assert [s.id for s in awards.series] == ["s1", "s4", "s5"]
    quotas = {a.key: {g.id: g.quota for g in a.groups} for a in awards.awards()}
    assert quotas["s1.most-influential"] == {"central": 22, "local": 10}
    assert quotas["s1.most-effective"] == {"central-party": 1}
    assert quotas["s1.most-mobilizing"] == {"party": 1}
    assert quotas["s1.most-popular"] == {"provincial": 2}
    assert quotas["s4.leading"] == S4_QUOTAS
    assert quotas["s5.excellent"] == S5_QUOTAS
    assert awards.award("s5.excellent").excludes == ("s4.leading",)
    assert awards.award("s1.most-popular").rank_by == "dimension:opinion"


@pytest.mark.parametrize("key", ["s4.leading", "s5.excellent"])
def test_every_platform_is_in_exactly_one_group(awards, platforms, key):
    award = awards.award(key)
    for p in platforms.values():
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
