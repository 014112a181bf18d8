"""Award reasons generated from each winner's evidence (awards naming ``evidence`` indicators, series 6-8)."""
from __future__ import annotations

from govlens.awards.config import Award, AwardGroup
from govlens.report.data import CampaignData
from govlens.report.locale import Locale
from govlens.report.notice import evidence_phrase, winner_reason

AWARD = Award(id="demonstration", series_id="s8", title="示范奖", framework="cn-domain-2013",
              groups=(AwardGroup("cn_domain", "中文政务域名", 9, {"kind": ("cn_domain",)}),),
              evidence=("cn-domain-registered", "cn-domain-shown", "edition-language-share", "edition-freshness-gap"))


def row(value, status="ok", evidence=()):
    return {"value": value, "status": status, "evidence": list(evidence)}


def data(values):
    return CampaignData(
        framework_id="website-2013", campaign={}, platforms={"zw": {"id": "zw", "name": "浙江省人民政府.政务",
                                                                     "group": "cn_domain"}},
        results={}, results_by_framework={("cn-domain-2013", "zw"): {"index": 100.0, "rank": 1, "group_size": 9,
                                                                    "rank_low": 1.0, "rank_high": 2.0,
                                                                    "rank_median": 1.0}},
        dimensions={}, findings_count={}, findings_by_kind=[], awards=[], award_values=values)


def test_reason_states_the_measured_facts():
    L = Locale("zh-CN")
    values = {("zw", "cn-domain-registered"): row(1.0),
              ("zw", "cn-domain-shown"): row(1.0, evidence=[{"url": "x", "detail": "", "snippet": "中文域名：浙江省人民政府.政务"}]),
              ("zw", "edition-language-share"): row(0.875),
              ("zw", "edition-freshness-gap"): row(None, "not_applicable")}
    text = winner_reason("zw", "浙江省人民政府.政务", AWARD, data(values), {}, L)
    assert text.startswith("浙江省人民政府.政务：中文政务域名已注册并可解析、首页显著位置标示中文政务域名（“中文域名：浙江省人民政府.政务”）")
    assert "外文版页面中88%为外文" in text and "相差" not in text          # not-applicable values are not stated
    assert "综合得分100.0，位列中文政务域名第1名（中位1，区间1–2）" in text


def test_english_and_unknown_phrases():
    en = Locale("en")
    assert evidence_phrase("edition-freshness-gap", row(12.0), en) == "edition 12 days behind the Chinese site"
    assert evidence_phrase("cn-domain-registered", row(0.0), en) == "the Chinese name is not registered"
    assert evidence_phrase("no-such-indicator", row(3.0), en) == ""


def test_award_without_evidence_or_group_figures_states_index_and_rank_only():
    """No measured comparison with the group: no dimension scores ("网站设计（100.0分）") are named instead."""
    L = Locale("zh-CN")
    plain = Award(id="x", series_id="s8", title="示范奖", framework="cn-domain-2013", groups=AWARD.groups)
    d = data({})
    d.award_dimensions[("cn-domain-2013", "zw")] = {"registered": 100.0, "shown": 100.0}
    text = winner_reason("zw", "浙江省人民政府.政务", plain, d, {"cn-domain-2013": {"registered": "已注册", "shown": "标示"}}, L)
    assert text == "浙江省人民政府.政务综合影响力指数100.0，位列中文政务域名第1名（中位1，区间1–2）。"
