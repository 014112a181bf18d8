"""Messages kept as id and values until a report renders them (govlens.text)."""
from __future__ import annotations

import pytest

from govlens import text
from govlens.text import Messages, is_message, render

T = Messages("test-text", {
    "missing": ("首页未标注{what}", "the homepage shows no {what}"),
    "icp": ("ICP备案编号", "ICP filing number"),
    "days": ("{n}天未更新", "not updated for {n} days"),
    "zh_only_value": ("值：{v}", "value: {v}"),
})


def test_a_message_renders_in_each_locale_and_nested_values_follow_the_locale() -> None:
    detail = T("missing", what=T.ref("icp"))
    assert is_message(detail)
    assert render(detail, "zh-CN") == "首页未标注ICP备案编号"
    assert render(detail, "en") == "the homepage shows no ICP filing number"


def test_numbers_plain_text_around_and_unknown_locale() -> None:
    detail = "见 " + T("days", n=12.0) + "；" + T("days", n=3)
    assert render(detail) == "见 12天未更新；3天未更新"
    assert render(T("days", n=2), "fr") == "2天未更新"          # no such locale: zh-CN


def test_plain_strings_and_stray_brackets_pass_through() -> None:
    assert render("首页无标题") == "首页无标题"
    assert render(None) == ""
    page_text = "括号⟦不是消息⟧与" + T("days", n=1) + "⟦x|{oops⟧"
    assert render(page_text) == "括号⟦不是消息⟧与1天未更新⟦x|{oops⟧"


def test_values_with_quotes_braces_and_closing_marks_survive() -> None:
    tricky = 'a "quoted" {brace} ⟧ and ⟦ marks'
    assert render(T("zh_only_value", v=tricky)) == "值：" + tricky


def test_an_unknown_id_shows_as_its_id_and_undeclared_names_are_refused() -> None:
    assert render(text.message("nowhere.at-all", x=1)) == "nowhere.at-all"
    with pytest.raises(KeyError):
        T("not-declared")
    with pytest.raises(ValueError):
        Messages("test-text", {"missing": ("别的", "other")})
