import pytest

from govlens.indicators.site import text_contrast
from govlens.text import render


def _t(text, color, background=None):
    return {"text": text, "color": color, "background": background}


def test_share_passing_and_one_finding_per_page(f):
    col = f.home_url + "col/tzgg/index.html"
    r = text_contrast.evaluate(f.po(
        f.page(styled_text=[_t("要闻", "#000"), _t("浅灰说明", "#777"), _t("更浅", "#aaa", "#fff")]),
        f.page("column", col, styled_text=[_t("栏目", "#333", "#eee"), _t("黄字", "yellow", "white")]),
        f.page("article", f.home_url + "art/1.html", styled_text=[_t("正文", "rgb(0,0,0)")]),
    ), f.ctx())
    assert r.status == "ok" and r.value == pytest.approx(3 / 6)
    assert [(x.kind, x.url) for x in r.findings] == [("low_contrast", f.home_url), ("low_contrast", col)]
    home = r.findings[0]
    assert home.snippet == "更浅"                     # the worst entry
    assert "2.32:1" in render(home.detail, "en") and "2 low-contrast" in render(home.detail, "en")
    assert r.findings[1].snippet == "黄字" and "1.07:1" in render(r.findings[1].detail, "en")


def test_just_below_threshold_fails_and_at_threshold_passes(f):
    r = text_contrast.evaluate(f.po(f.page(styled_text=[_t("a", "#777")])), f.ctx())
    assert r.value == 0.0 and "4.48:1" in render(r.findings[0].detail, "en")
    r = text_contrast.evaluate(f.po(f.page(styled_text=[_t("a", "#767676")])), f.ctx())
    assert r.value == 1.0 and r.findings == []


def test_dark_background(f):
    r = text_contrast.evaluate(f.po(f.page(styled_text=[_t("白字", "#fff", "#c00")])), f.ctx())
    assert r.value == 1.0 and r.findings == []


def test_unresolvable_colours_are_skipped(f):
    r = text_contrast.evaluate(f.po(f.page(styled_text=[_t("a", "inherit"), _t("b", "#000")])), f.ctx())
    assert r.value == 1.0


def test_no_styled_text_is_not_applicable(f):
    assert text_contrast.evaluate(f.po(f.page(styled_text=[])), f.ctx()).status == "not_applicable"


def test_no_page_is_missing(f):
    assert text_contrast.evaluate(f.po(), f.ctx()).status == "missing"
