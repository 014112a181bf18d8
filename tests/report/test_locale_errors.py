"""A report language that does not exist is refused in the user's language, naming the ones there are."""
from __future__ import annotations

import pytest

from govlens import messages
from govlens.errors import ConfigError
from govlens.report.locale import load_locale


def test_an_unknown_report_locale() -> None:
    with pytest.raises(ConfigError) as info:
        load_locale("fr")
    assert str(info.value) == "没有报告语言 “fr”（可用的语言：en、zh-CN）"
    with messages.using("en"):
        with pytest.raises(ConfigError) as info:
            load_locale("de")
    assert str(info.value) == "no report locale `de` (available: en, zh-CN)"
