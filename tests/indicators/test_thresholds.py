"""An indicator's thresholds live beside its code (``THRESHOLDS``); the run's overrides, then the campaign's
explicit settings under their old names, beat the declared default."""
from __future__ import annotations

import pytest

from govlens.errors import FrameworkError, SettingsError
from govlens.indicators import catalogue
from govlens.indicators.render import cumulative_layout_shift, elderly_friendly, phone_text_size
from govlens.indicators.base import IndicatorContext
from govlens.settings import Settings, default_settings


def _render(f, cls: float):
    return f.po(f.render(performance={"cls": cls, "layout_shifts": 3}))


def test_the_default_lives_beside_the_code_only():
    assert cumulative_layout_shift.THRESHOLDS["limit"].default == 0.1
    assert not hasattr(default_settings, "BROWSER_CLS_LIMIT")
    assert Settings()["BROWSER_CLS_LIMIT"] == 0.1                 # still a setting, with the module's default
    assert catalogue.threshold_settings()["BROWSER_CLS_LIMIT"] == 0.1


def test_precedence_default_then_override_then_explicit_setting(f):
    obs = _render(f, 0.2)
    plain = f.ctx()
    assert cumulative_layout_shift.evaluate(obs, plain).findings                 # 0.2 > 0.1
    relaxed = catalogue.thresholds(Settings(), {"cumulative-layout-shift": {"limit": 0.3}})
    ctx = IndicatorContext(check_date=plain.check_date, settings=Settings(), thresholds=relaxed)
    assert not cumulative_layout_shift.evaluate(obs, ctx).findings               # the override: 0.2 ≤ 0.3
    strict = Settings({"BROWSER_CLS_LIMIT": "0.15"})                             # a campaign's explicit setting
    ctx = IndicatorContext(check_date=plain.check_date, settings=strict,
                           thresholds=catalogue.thresholds(strict, {"cumulative-layout-shift": {"limit": 0.3}}))
    assert cumulative_layout_shift.evaluate(obs, ctx).findings                   # beats the override


def test_a_published_rule_takes_its_default_from_the_rules_file_not_from_python():
    from govlens.frameworks.thresholds import load_thresholds

    limits = catalogue.thresholds(Settings())
    census = load_thresholds("census-2015").by_name
    assert not hasattr(default_settings, "FRESHNESS_HOMEPAGE_DAYS")
    assert limits["homepage-freshness"] == {"days": census["homepage-days"].value} == {"days": 14}
    assert catalogue.thresholds(Settings(), {"homepage-freshness": {"days": "7"}})["homepage-freshness"] == {"days": 7}


def test_two_indicators_reading_one_setting_share_one_declaration():
    assert elderly_friendly.THRESHOLDS["min_text_px"] is phone_text_size.THRESHOLDS["min_text_px"]
    both = catalogue.thresholds(Settings({"BROWSER_MIN_TEXT_PX": 14}))
    assert both["elderly-friendly"]["min_text_px"] == both["phone-text-size"]["min_text_px"] == 14


def test_an_unknown_threshold_or_setting_is_refused():
    with pytest.raises(FrameworkError, match="lmit"):
        catalogue.thresholds(Settings(), {"cumulative-layout-shift": {"lmit": 0.3}})
    with pytest.raises(SettingsError):
        Settings({"BROWSER_CLS_LIMT": 0.2})
    with pytest.raises(SettingsError):
        Settings({"BROWSER_CLS_LIMIT": "much"})                                  # typed by the module's default
