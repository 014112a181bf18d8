"""Award reasons: fixed ones only for the platform they were written for; generated ones distinct per award."""
from __future__ import annotations

import copy
import re
from pathlib import Path

from govlens.awards.config import parse_awards
from govlens.report import write_reports
from govlens.report.group_stats import Standing
from govlens.report.locale import Locale
from govlens.report.reasons import ReasonContext, measured_facts

from .conftest import AWARDS_DOC


def _sections(html: str) -> dict[str, str]:
    """award key → its section of notice.html."""
    out = {}
    for m in re.finditer(r'<section class="award" id="award-([^"]+)">(.*?)</section>', html, re.DOTALL):
        out[m.group(1)] = m.group(2)
    return out


def _reasons(section: str) -> list[str]:
    part = section.split("获奖理由：", 1)[1] if "获奖理由：" in section else ""
    return re.findall(r'<p class="body">([^<]+)</p>', part)


def test_a_fixed_reason_is_used_only_for_its_platform(campaign, tmp_path: Path) -> None:
    doc = copy.deepcopy(AWARDS_DOC)
    doc["series"][0]["awards"][0]["reasons"] = [
        {"platforms": ["gov-cn"], "text": "中国政府网专属理由。"},
        {"platforms": ["mof"], "text": "财政部专属理由。"},
        {"platforms": ["gd", "sh"], "text": "广东上海合写理由。"},
        {"platforms": ["sc", "hb"], "text": "四川湖北合写理由。"}]
    awards = parse_awards(doc)
    rows = campaign["award_rows"]
    s1 = {r["platform_id"] for r in rows if r["series_id"] == "s1" and r["status"] == "winner"}
    assert {"gov-cn", "gd", "sh"} <= s1 and "mof" not in s1 and "hb" not in s1     # the store's winners
    paths = write_reports(campaign["store"], tmp_path, framework=campaign["framework"], awards=awards)
    html = paths["notice.html"].read_text(encoding="utf-8")
    sections = _sections(html)
    award = sections["s1.most-influential"]
    assert html.count("中国政府网专属理由。") == 1 and "中国政府网专属理由。" in award
    assert "中国政府网：" not in award                               # instead of a generated one, not besides
    assert html.count("广东上海合写理由。") == 1 and "中国广东：" not in award and "中国上海：" not in award
    assert "财政部专属理由。" not in html                             # 财政部 did not win this award
    assert "四川湖北合写理由。" not in html                           # written for two; one of them did not win
    for pid, name in (("mofcom", "商务部"), ("ln", None), ("sc", "中国四川")):
        if pid in s1 and name:
            assert re.search(rf"{name}：实测[^<]+本组", award), name   # every other winner: a generated reason
    for key, section in sections.items():
        assert "中国政府网专属理由。" not in section or key == "s1.most-influential"


def test_reasons_of_one_award_share_no_sentence_or_fact(campaign) -> None:
    html = (campaign["out"] / "notice.html").read_text(encoding="utf-8")
    checked = 0
    for key, section in _sections(html).items():
        reasons = _reasons(section)
        assert len(reasons) == len(set(reasons)), key
        facts = [f for r in reasons if "：实测" in r for f in r.split("：实测", 1)[1].split("；")[:-1]]
        assert len(facts) == len(set(facts)), (key, facts)
        checked += len(reasons)
    assert checked >= 5


def _standing(iid: str, dim: str, value: float, score: float, rank: int, tied: int) -> Standing:
    return Standing(indicator_id=iid, dimension_id=dim, value=value, score=score, rank=rank, tied=tied, n=20,
                    mean=60.0, sd=15.0, top=100.0, at_top=tied if rank == 1 else 2, median_value=7.0)


def test_tied_winners_are_described_by_different_facts() -> None:
    """Two winners equal on their most distinctive indicator: the second is described by its next one."""
    L = Locale("zh-CN")
    shared = _standing("homepage-freshness", "communication", 1.0, 100.0, 1, 2)
    a = [shared, _standing("update-volume", "communication", 120.0, 90.0, 2, 1),
         _standing("inbound-links", "opinion", 30.0, 80.0, 3, 1)]
    b = [shared, _standing("update-volume", "communication", 95.0, 85.0, 4, 1),
         _standing("media-mentions", "opinion", 900.0, 88.0, 2, 1)]
    ctx = ReasonContext(used=set())
    fa, fb = measured_facts(a, ctx, L), measured_facts(b, ctx, L)
    assert fa[0].startswith(L.indicator_title("homepage-freshness"))          # the strongest comes first
    assert not set(fa) & set(fb) and len(fb) >= 2
    assert all("本组20个平台" in f for f in fa + fb)
    # an indicator most of the group maxes out is not named while others are distinctive
    common = Standing(indicator_id="site-search", dimension_id="search_engine", value=1.0, score=100.0, rank=1,
                      tied=15, n=20, mean=90.0, sd=20.0, top=100.0, at_top=15, median_value=1.0)
    facts = measured_facts([common, *a[1:]], ReasonContext(used=set()), L)
    assert facts and not any(L.indicator_title("site-search") in f for f in facts)


def test_equal_standings_are_ordered_by_indicator_whatever_the_float_noise() -> None:
    """Two indicators on which the winner stands out equally are named in id order, run after run: DuckDB's
    parallel mean and standard deviation differ in the last bits from one run to the next, which must not
    decide which of two equal strengths a published reason names."""
    from dataclasses import replace

    from govlens.report.reasons import distinctive
    a = _standing("monitor-availability", "access", 0.0, 100.0, 1, 3)
    b = _standing("availability", "access", 0.0, 100.0, 1, 3)
    for noise in (1e-13, -1e-13):
        noisy = replace(a, mean=a.mean + noise)           # a's z a hair above or below b's
        assert [s.indicator_id for s in distinctive([noisy, b])] == ["availability", "monitor-availability"]
    clearly = replace(a, mean=a.mean - 1.0)               # a real difference still ranks first
    assert [s.indicator_id for s in distinctive([b, clearly])][0] == "monitor-availability"
