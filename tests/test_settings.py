from __future__ import annotations

import pytest

from govlens.errors import SettingsError
from govlens.settings import Settings


def test_priorities_and_types() -> None:
    s = Settings({"HTTP_TIMEOUT": "7"}, "campaign")
    assert s["HTTP_TIMEOUT"] == 7.0
    s.set("HTTP_TIMEOUT", 3, "cmdline")
    s.set("HTTP_TIMEOUT", 9, "campaign")          # lower priority does not overwrite
    assert s.getfloat("HTTP_TIMEOUT") == 3.0
    s.set("ROBOTS_OBEY", "no")
    assert s.getbool("ROBOTS_OBEY") is False


@pytest.mark.parametrize("key, value", [("HTTP_TIMEOUT", "soon"), ("CRAWL_MAX_PAGES", 2.5), ("ROBOTS_OBEY", "maybe")])
def test_bad_values_refused(key: str, value: object) -> None:
    with pytest.raises(SettingsError) as info:
        Settings({key: value})
    assert info.value.field == key


def test_unknown_key_and_freeze() -> None:
    with pytest.raises(SettingsError, match="未知的设置，是否想写 “HTTP_TIMEOUT”"):
        Settings({"HTTP_TIMEOUTT": 1})
    s = Settings().freeze()
    with pytest.raises(SettingsError, match="不能再修改"):
        s.set("HTTP_TIMEOUT", 1)
