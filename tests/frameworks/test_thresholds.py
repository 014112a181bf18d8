"""Published thresholds live in a rules file only: the vetoes name them, the indicators get the same numbers."""
from __future__ import annotations

from pathlib import Path

import pytest

from govlens import messages
from govlens.errors import FrameworkError
from govlens.frameworks import load_framework
from govlens.frameworks.inspection import load_inspection_scheme
from govlens.frameworks.thresholds import load_thresholds
from govlens.indicators import catalogue
from govlens.pipeline.score_stages import rule_thresholds
from govlens.settings import Settings, default_settings

PUBLISHED = ("FRESHNESS_HOMEPAGE_DAYS", "FRESHNESS_NEWS_DAYS", "FRESHNESS_NOTICE_DAYS", "INTERACTION_UNANSWERED_DAYS",
             "MONITOR_FAIL_RATIO")


def test_the_census_numbers_are_declared_once_and_shared_by_the_framework_and_the_check() -> None:
    fw, scheme = load_framework("website-2013"), load_inspection_scheme("national-check-2019")
    home = {v.id: v for v in fw.vetoes}["homepage-not-updated"]
    assert (home.value, home.threshold) == (14, "homepage-days")
    assert {v.id: v.value for v in scheme.vetoes}["site-unreachable"] == 0.05
    assert fw.thresholds.overrides() == scheme.thresholds.overrides() == {
        "homepage-freshness": {"days": 14}, "stale-columns": {"news_days": 14, "notice_days": 180},
        "unanswered-letters": {"days": 90}, "monitor-availability": {"fail_ratio": 0.05}}
    assert not any(hasattr(default_settings, name) for name in PUBLISHED)       # no Python number restates them
    limits = catalogue.thresholds(Settings(), fw.thresholds.overrides(), ["homepage-freshness", "stale-columns"])
    assert limits["homepage-freshness"]["days"] == 14 and limits["stale-columns"]["notice_days"] == 180


def test_a_campaign_that_sets_the_old_setting_still_wins() -> None:
    fw = load_framework("website-2013")
    settings = Settings({"FRESHNESS_HOMEPAGE_DAYS": 7, "MONITOR_FAIL_RATIO": 0.1})
    limits = catalogue.thresholds(settings, fw.thresholds.overrides(), ["homepage-freshness", "monitor-availability"])
    assert limits == {"homepage-freshness": {"days": 7}, "monitor-availability": {"fail_ratio": 0.1}}
    assert Settings()["FRESHNESS_NOTICE_DAYS"] == 180           # the default: the rules file's number


def _copy_rules(tmp_path: Path, days: int) -> None:
    text = (Path(load_thresholds.__code__.co_filename).parent / "published" / "census-2015.yaml").read_text("utf-8")
    (tmp_path / "my-rules.yaml").write_text(text.replace("    value: 14\n    indicator: homepage-freshness",
                                                         f"    value: {days}\n    indicator: homepage-freshness"),
                                            encoding="utf-8")


def test_a_copied_rules_file_moves_the_veto_and_the_indicator_together(tmp_path: Path) -> None:
    _copy_rules(tmp_path, 10)
    text = (Path(load_thresholds.__code__.co_filename).parent / "website-2013.yaml").read_text("utf-8")
    (tmp_path / "fw.yaml").write_text(text.replace("rules: census-2015", "rules: my-rules.yaml"), encoding="utf-8")
    fw = load_framework(tmp_path / "fw.yaml")
    assert {v.id: v.value for v in fw.vetoes}["homepage-not-updated"] == 10
    assert fw.thresholds.overrides()["homepage-freshness"] == {"days": 10}
    with pytest.raises(FrameworkError) as info:          # one indicator, one number per campaign
        rule_thresholds([fw, load_framework("innovation-2013")])
    assert info.value.field == "rules" and "homepage-freshness" in str(info.value)


def test_an_unknown_threshold_is_named_with_its_file_line_and_field_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "fw.yaml"
    path.write_text("id: f\ndimensions:\n  - id: d\n    indicators:\n      - id: a\nvetoes:\n  - id: v\n"
                    "    indicator: homepage-freshness\n    op: \">\"\n    value: {threshold: homepage-day}\n",
                    encoding="utf-8")
    with messages.using("zh-CN"), pytest.raises(FrameworkError) as info:
        load_framework(path)
    assert (info.value.field, info.value.line) == ("vetoes[0].value.threshold", 10)
    assert "未知的公布阈值 “homepage-day”" in str(info.value) and "homepage-days" in str(info.value)
