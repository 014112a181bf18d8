import types

import pytest

from govlens.errors import FrameworkError
from govlens.indicators import catalogue

EXPECTED = {
    "availability", "response-time", "https-redirect", "broken-external-links", "broken-internal-links",
    "site-search", "image-alt", "page-metadata", "mobile-viewport", "portal-structure", "text-contrast",
    "homepage-freshness", "stale-columns", "empty-columns", "update-volume", "robots-sitemap",
    "indexed-pages", "inbound-links", "external-inlinks", "media-mentions",
    # national inspection rules (2015 census, 2019 indicators)
    "monitor-availability", "certificate-validity", "hsts", "ipv6", "homepage-weight", "homepage-requests",
    "soft-404", "search-results", "interaction-channel", "unanswered-letters", "reply-delay",
    "service-guide-completeness", "attachment-downloads", "seo-structure", "sitemap-freshness",
    "wrong-wording", "harmful-content",
}
# new media (newmedia-2013: 23 indicators and 2 checks) and mobile portals (mobile-2013)
EXPECTED |= {
    "daily-reads", "reads-per-post", "shares-per-post", "wci", "posts-per-day", "original-share", "active-days",
    "update-recency", "comments-per-post", "likes-per-post", "engagement-rate", "looking-per-article",
    "service-content", "service-functions", "account-reply-delay", "followers", "follower-growth", "verified",
    "expert-recommendation", "question-reply-rate", "negative-response", "comment-sentiment", "rumour-refutation",
    "follower-anomaly", "submission-accuracy",
    "mobile-adaptation", "mobile-page-weight", "mobile-load-time", "mobile-broken-links", "app-rating",
    "app-downloads", "app-freshness",
    # the browser probe's
    "phone-overflow", "phone-text-size", "tap-targets", "font-families", "portal-parts", "grid-regularity",
    "first-screen-whitespace", "rendered-contrast", "palette-size", "accessibility", "elderly-friendly",
    "first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
    "page-weight", "time-to-first-byte", "request-count",
}


def test_discovers_every_indicator():
    assert EXPECTED <= set(catalogue.all_ids())
    assert catalogue.all_ids() == sorted(catalogue.all_ids())


def test_every_indicator_has_a_title_in_every_locale():
    for ident in catalogue.all_ids():
        zh, en = catalogue.title(ident, "zh-CN"), catalogue.title(ident, "en")
        assert zh and en and zh != en, ident          # both written, not one copied into the other
    assert catalogue.title("homepage-freshness", "en") == catalogue.get("homepage-freshness").TITLE[1]
    assert catalogue.unit_label("homepage-freshness", "zh-CN") == "天"
    assert catalogue.title("no-such-thing", "en") is None and catalogue.unit_label("no-such-thing", "en") == ""


def test_a_unit_label_is_the_modules_own_else_its_units():
    """A ratio is shown in %, days in 天 / days, without each module saying so; a count names what it counts."""
    for ident in catalogue.all_ids():
        module = catalogue.get(ident)
        own = getattr(module, "UNIT_LABEL", None)
        expected = own or catalogue.UNITS[module.UNIT]
        assert catalogue.unit_label(ident, "zh-CN") == expected[0], ident
    assert catalogue.unit_label("broken-internal-links", "en") == "%"           # a ratio with no UNIT_LABEL
    assert catalogue.unit_label("empty-columns", "en") == "columns"             # a count with its own


def test_a_yes_no_indicator_states_its_evidence_both_ways():
    said = catalogue.evidence_sentence
    assert said("cn-domain-registered", "zh-CN", "yes") and said("cn-domain-registered", "zh-CN", "no")
    assert "{value}" in said("homepage-freshness", "en") and said("stale-columns", "en") == ""


def test_get_returns_the_module():
    m = catalogue.get("stale-columns")
    assert m.ID == "stale-columns" and m.UNIT == "count" and "page" in m.REQUIRES


def test_unknown_id_names_it():
    with pytest.raises(FrameworkError) as info:
        catalogue.get("no-such-thing")
    assert "未知的指标 “no-such-thing”" in str(info.value), info.value
    with pytest.raises(FrameworkError) as info:
        catalogue.get("stale-column")
    assert str(info.value) == "未知的指标 “stale-column”，是否想写 “stale-columns”？", info.value


def _module(**attrs):
    m = types.ModuleType("govlens.indicators.fake_one")
    m.__dict__.update({"ID": "fake-one", "TITLE": ("假指标", "Fake one"), "REQUIRES": ("page",), "UNIT": "ratio",
                       "evaluate": lambda o, c: None})
    m.__dict__.update(attrs)
    return m


def test_validation_accepts_a_good_module():
    assert catalogue._validate("fake_one", _module()) == "fake-one"


@pytest.mark.parametrize("attrs, words", [
    ({"ID": None}, "指标模块 “govlens.indicators.fake_one” 未声明 ID"),
    ({"ID": "other"}, "声明的 ID 为 “other”，但按其文件名应为 “fake-one”"),
    ({"REQUIRES": "page"}, "指标 “fake-one”：REQUIRES 应为非空的观测类型元组"),
    ({"UNIT": "furlongs"}, "单位 UNIT 为 “furlongs”，应为以下之一：bool、count"),
    ({"UNIT": None}, "单位 UNIT 为 “None”"),
    ({"evaluate": None}, "指标 “fake-one” 没有 evaluate(obs, ctx) 或 evaluate_batch(facts, ctx) 函数"),
    ({"TITLE": ("假指标", "")}, "指标 “fake-one”：TITLE 应为（中文, 英文）两个非空字符串"),
    ({"TITLE": None}, "TITLE 应为"),
    ({"UNIT_LABEL": "天"}, "UNIT_LABEL 为两个字符串"),
    ({"EVIDENCE": {"yes": ("是", "yes")}}, "指标 “fake-one”：EVIDENCE 应为（中文, 英文）"),
    ({"THRESHOLDS": {"limit": 1}}, "指标 “fake-one”：THRESHOLDS 应为以本指标 ID 声明的 Thresholds(ID, …)"),
])
def test_validation_refuses_bad_metadata(attrs, words):
    with pytest.raises(FrameworkError) as info:
        catalogue._validate("fake_one", _module(**attrs))
    assert words in str(info.value), info.value


def test_validation_in_english():
    from govlens import messages
    with messages.using("en"):
        with pytest.raises(FrameworkError) as info:
            catalogue._validate("fake_one", _module(ID="other"))
    assert str(info.value) == "indicator module `govlens.indicators.fake_one` declares ID `other`; its file name " \
        "says `fake-one`"


def test_roles_and_flags_name_what_the_stages_around_an_indicator_need():
    assert catalogue.with_role("services") == ["service-guide-completeness"]
    assert catalogue.with_role("improvement") == ["index-improvement"]
    assert catalogue.with_role("campaign-links") == ["inbound-links"]
    assert catalogue.campaign_wide() == {"inbound-links", "index-improvement"}
    assert catalogue.highlight("reads-per-post", "en") == "Most-read posts" and catalogue.highlight("wci", "en") == ""
