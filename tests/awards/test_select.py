"""Winners and nominations: quotas, exclusions, eligibility, deterministic ties."""
from __future__ import annotations

from pathlib import Path

import pytest

from govlens.awards import load_awards, parse_awards, select_awards
from govlens.errors import AwardsError
from govlens.registry import Platform
from govlens.store import CampaignStore

CONFIG = {
    "id": "t", "year": 2013, "title": "通报", "date": "2013-12-25",
    "series": [
        {"id": "s4", "number": 4, "title": "领先奖", "awards": [
            {"id": "leading", "title": "领先奖", "framework": "f", "min_index": 60, "nominations": 1,
             "groups": [{"id": "prov", "title": "省级网站", "quota": 2, "members": {"group": ["provincial"]}},
                        {"id": "city", "title": "地市网站", "quota": 1, "members": {"group": ["prefecture"]}}]}]},
        {"id": "s5", "number": 5, "title": "优秀奖", "awards": [
            {"id": "excellent", "title": "优秀奖", "framework": "f", "excludes": ["s4.leading"],
             "groups": [{"id": "prov", "title": "省级网站", "quota": 2, "members": {"group": ["provincial"]}}]}]},
        {"id": "s1", "number": 1, "title": "综合影响力", "awards": [
            {"id": "popular", "title": "最具人气", "framework": "f", "rank_by": "dimension:opinion",
             "groups": [{"id": "all", "title": "政府网站", "quota": 1, "members": {}}]}]},
    ]}

PLATFORMS = {  # id: (group, index, vetoed, opinion score)
    "p1": ("provincial", 90.0, False, 10.0), "p2": ("provincial", 85.0, False, 20.0),
    "p3": ("provincial", 85.0, False, 30.0), "p4": ("provincial", 70.0, False, 99.0),
    "p5": ("provincial", 99.0, True, 50.0), "p6": ("provincial", 50.0, False, 60.0),
    "c1": ("prefecture", 55.0, False, 5.0),
}


@pytest.fixture
def store(tmp_path: Path) -> CampaignStore:
    s = CampaignStore(tmp_path / "c.duckdb")
    s.write_platforms([Platform(pid, pid, "website", "government", "provincial", "浙江", "east", f"http://{pid}.cn/", g)
                       for pid, (g, *_rest) in PLATFORMS.items()])
    s.insert("results", [{"platform_id": pid, "framework": "f", "index": idx, "vetoed": vet, "vetoes": [],
                          "rank": 0, "group_size": 0, "coverage": 1.0} for pid, (_g, idx, vet, _o) in PLATFORMS.items()])
    s.insert("dimension_scores", [{"platform_id": pid, "framework": "f", "dimension_id": "opinion", "score": op}
                                  for pid, (_g, _i, _v, op) in PLATFORMS.items()])
    s.insert("findings", [{"platform_id": "p3", "kind": "no_viewport", "url": "http://p3.cn/", "detail": ""}])
    yield s
    s.close()


def winners(store: CampaignStore, award: str, status: str = "winner") -> list[str]:
    return [r["platform_id"] for r in store.rows("awards", order_by="group_id, position", award_id=award, status=status)]


def test_quotas_ties_exclusions_nominations(store: CampaignStore) -> None:
    summary = select_awards(store, parse_awards(CONFIG))
    # p5 vetoed; p2 and p3 tie at 85: p2 has fewer findings; c1 is under min_index 60
    assert winners(store, "leading") == ["p1", "p2"]
    # the next after the quota are p3 and p4, but both win the excellent award: a nomination never
    # names a platform that won any award (the seed's "除上述获奖政务平台外"); p6 is under min_index
    assert winners(store, "leading", "nomination") == []
    assert ("s4.leading", "city", 1) in summary.unfilled
    # leading winners are excluded from excellent; p6 (50) is eligible there (no min_index)
    assert winners(store, "excellent") == ["p3", "p4"]
    assert winners(store, "popular") == ["p4"]   # by the opinion dimension, not the index


def test_group_nominations_and_review_requirement(store: CampaignStore) -> None:
    import copy
    doc = copy.deepcopy(CONFIG)
    doc["series"] = doc["series"][:1]
    award = doc["series"][0]["awards"][0]
    award["groups"][0]["nominations"] = 2            # the group's own number beats the award's 1
    select_awards(store, parse_awards(doc))
    assert winners(store, "leading") == ["p1", "p2"]
    assert winners(store, "leading", "nomination") == ["p3", "p4"]
    award["requires_review"] = True                  # only reviewed platforms are eligible
    store.insert("observations", [{"platform_id": pid, "probe": "review", "kind": "expert_review", "url": "",
                                   "status": "completed", "data": {"framework": fw, "items": {"x": 70.0}}}
                                  for pid, fw in (("p2", "f"), ("p4", "f"), ("p1", "other"))])
    summary = select_awards(store, parse_awards(doc))
    assert winners(store, "leading") == ["p2", "p4"]
    assert ("s4.leading", "city", 1) in summary.unfilled


def test_nominations_section_names_known_awards() -> None:
    import copy
    doc = copy.deepcopy(CONFIG)
    doc["nominations"] = {"intro": "提名如下", "lists": [{"title": "政务网站", "awards": ["s4.leading"]}]}
    cfg = parse_awards(doc)
    assert cfg.nomination_lists[0].awards == ("s4.leading",) and cfg.nominations_intro == "提名如下"
    doc["nominations"]["lists"][0]["awards"] = ["s4.nothing"]
    with pytest.raises(AwardsError, match="nominations.lists\\[0\\].awards.*未知的奖项 “s4.nothing”"):
        parse_awards(doc)


def test_exclusion_cycle_and_unknown_framework(store: CampaignStore) -> None:
    import copy
    doc = copy.deepcopy(CONFIG)
    doc["series"][0]["awards"][0]["excludes"] = ["s5.excellent"]
    with pytest.raises(AwardsError) as info:
        select_awards(store, parse_awards(doc))
    assert "奖项之间的互斥关系（excludes）构成循环：“s4.leading” → “s5.excellent” → “s4.leading”" in str(info.value)
    doc = copy.deepcopy(CONFIG)
    doc["series"][2]["awards"][0]["framework"] = "other"
    with pytest.raises(AwardsError) as info:
        select_awards(store, parse_awards(doc))
    assert "使用的评估框架 “other” 既不是内置框架，也不是文件，且没有评分结果" in str(info.value), info.value


def test_ranking_by_a_dimension_the_framework_lacks(store: CampaignStore) -> None:
    import copy
    doc = copy.deepcopy(CONFIG)
    doc["series"][2]["awards"][0]["rank_by"] = "dimension:openness"
    with pytest.raises(AwardsError) as info:
        select_awards(store, parse_awards(doc))
    assert str(info.value) == "奖项 “s1.popular” 按评估框架 “f” 中不存在的维度 “openness” 排名", info.value


@pytest.mark.parametrize("mutate, field, reason", [
    (lambda d: d["series"][0]["awards"][0]["groups"][0].update(quota=-1), "series[0].awards[0].groups[0].quota",
     "应为 ≥ 0 的整数"),
    (lambda d: d["series"][0]["awards"][0]["groups"][0].update(members={"colour": ["red"]}),
     "series[0].awards[0].groups[0].members", "未知的成员筛选条件 “colour”"),
    (lambda d: d["series"][0]["awards"][0].update(rank_by="luck"), "series[0].awards[0].rank_by",
     "rank_by 必须是 “index” 或 “dimension:<维度 id>”"),
    (lambda d: d["series"][1]["awards"][0].update(excludes=["s9.none"]), "s5.excellent.excludes",
     "excludes 中有未知的奖项 “s9.none”"),
    (lambda d: d.update(date="Christmas"), "date", "应为 ISO 格式的日期"),
    (lambda d: d["series"][0].pop("awards"), "series[0].awards", "应为非空列表"),
])
def test_bad_awards_file_names_the_key(mutate, field: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    import copy
    doc = copy.deepcopy(CONFIG)
    mutate(doc)
    with pytest.raises(AwardsError) as info:
        parse_awards(doc, "a.yaml")
    assert info.value.field == field and "a.yaml" in str(info.value) and reason in str(info.value), info.value


def test_awards_yaml_syntax_error(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("id: x\nseries: [\n", encoding="utf-8")
    with pytest.raises(AwardsError) as info:
        load_awards(path)
    assert info.value.line is not None


def test_award_of_a_framework_the_campaign_did_not_score_is_vacant(store: CampaignStore) -> None:
    import copy
    doc = copy.deepcopy(CONFIG)
    doc["series"].append({"id": "s9", "number": 9, "title": "政务微博微信", "awards": [
        {"id": "weibo", "title": "最具影响力政务微博", "framework": "newmedia-2013",
         "groups": [{"id": "central", "title": "中央国家机关", "quota": 8, "members": {"group": ["weibo_central"]}}]}]})
    summary = select_awards(store, parse_awards(doc))
    assert ("s9.weibo", "central", 8) in summary.unfilled
    assert store.count("awards", series_id="s9") == 0 and store.count("awards", series_id="s4") > 0


def test_an_award_naming_a_former_framework_id_is_given_from_the_renamed_framework(tmp_path: Path) -> None:
    """An awards file written before `foreign-2013` became `foreign-site-2013` still awards its results."""
    import copy
    doc = copy.deepcopy(CONFIG)
    doc["series"] = [{"id": "s7", "number": 7, "title": "外文版", "awards": [
        {"id": "leading", "title": "领先奖", "framework": "foreign-2013",
         "groups": [{"id": "prov", "title": "省级网站", "quota": 2, "members": {"group": ["provincial"]}}]}]}]
    config = parse_awards(doc)
    assert config.award("s7.leading").framework == "foreign-site-2013"
    with CampaignStore(tmp_path / "c.duckdb") as s:
        s.write_platforms([Platform(p, p, "foreign_site", "government", "provincial", "浙江", "east",
                                    f"http://{p}.cn/", "provincial") for p in ("p1", "p2", "p3")])
        s.insert("results", [{"platform_id": p, "framework": "foreign-site-2013", "index": idx, "vetoed": False,
                              "vetoes": [], "rank": 0, "group_size": 0, "coverage": 1.0}
                             for p, idx in (("p1", 70.0), ("p2", 90.0), ("p3", 80.0))])
        select_awards(s, config)
        assert winners(s, "leading") == ["p2", "p3"]
