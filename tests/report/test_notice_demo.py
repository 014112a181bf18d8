"""The demo's notice (the session's shared ``demo`` fixture): the 2013 text comes from its campaign file's
[notice] with counts from its registry; reasons are bound or generated, never shared within an award."""
from __future__ import annotations

import csv
import re
import tomllib
from pathlib import Path

import duckdb

from govlens.awards.config import load_awards


def _award_sections(md: str) -> dict[str, str]:
    """award title → its part of notice.md (up to the next award, series or closing heading)."""
    parts = re.split(r"\n(?=#{2,3} )", md)
    return {p.split("\n", 1)[0][4:]: p for p in parts if p.startswith("### ")}


def _reasons(section: str) -> list[str]:
    if "**获奖理由：**" not in section:
        return []
    body = section.split("**获奖理由：**", 1)[1].split("\n#", 1)[0]
    return [p.strip() for p in body.split("\n\n") if p.strip()]


def test_demo_notice_text_is_the_campaign_s_with_registry_counts(demo: Path) -> None:
    doc = tomllib.loads((demo / "campaign.toml").read_text(encoding="utf-8"))
    assert doc["notice"]["title"] == "2013年中国优秀政务平台推荐及综合影响力评估结果通报"
    with open(demo / "registry.csv", encoding="utf-8") as fh:
        kinds = [r["kind"] for r in csv.DictReader(fh)]
    md = (demo / "notice.md").read_text(encoding="utf-8")
    assert md.startswith("# 2013年中国优秀政务平台推荐及综合影响力评估结果通报\n")
    assert (f"{kinds.count('website')}个政务网站以及{kinds.count('weibo') + kinds.count('wechat')}个政务微博微信账号、"
            f"{kinds.count('mobile_portal')}个移动门户等新媒体平台") in md
    assert "近十万" not in md and "二十多万" not in md and "{" not in md
    assert md.rstrip().endswith("中国信息化研究与促进网  \n二〇一三年十二月二十五日")


def test_demo_reasons_are_bound_or_generated_and_distinct(demo: Path) -> None:
    md = (demo / "notice.md").read_text(encoding="utf-8")
    awards = load_awards("notice-2013")
    con = duckdb.connect(str(demo / "campaign.duckdb"), read_only=True)
    try:
        winners = {(s, a): set() for s, a in con.execute("SELECT DISTINCT series_id, award_id FROM awards").fetchall()}
        for s, a, p in con.execute("SELECT series_id, award_id, platform_id FROM awards WHERE status = 'winner'").fetchall():
            winners[(s, a)].add(p)
    finally:
        con.close()
    sections = _award_sections(md)
    generated = with_facts = 0
    for award in awards.awards():
        section = sections.get(award.title, "")
        reasons = _reasons(section)
        assert len(reasons) == len(set(reasons)), award.key
        # no clause of a generated reason (a measured fact, or index and rank) is another winner's too,
        # except index-and-rank of the .政务 names, which all pass every check with 100 points
        facts = [f for r in reasons if "：实测" in r for f in r.split("：实测", 1)[1].split("；")[:-1]]
        assert len(facts) == len(set(facts)), award.key
        generated += sum(1 for r in reasons if "：实测" in r)
        with_facts += sum(1 for r in reasons if r.count("本组") >= 2)
        won = winners.get((award.series_id, award.id), set())
        for bound in award.bound_reasons:
            shown = bound.text in section
            assert shown == (set(bound.platforms) <= won), (award.key, bound.platforms)
            assert md.count(bound.text) == int(shown)
        assert "（100.0分）" not in "".join(reasons), award.key     # no dimension every winner maxes out
    assert generated > 100 and with_facts / generated > 0.7, (generated, with_facts)
