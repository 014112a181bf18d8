"""govlens.report.safety: hrefs, spreadsheet cells, Markdown, file names."""
from __future__ import annotations

import re

import pytest

from govlens.report.safety import MdSafe, file_names, md_escape, neutralise_cell, safe_href, xlsx_cell


@pytest.mark.parametrize("url", ["https://www.gov.cn/", "http://a.gov.cn/x?y=1#z", "  https://a.gov.cn/  "])
def test_http_urls_are_linked(url):
    assert safe_href(url) == url.strip()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
                                 "java\tscript:alert(1)", "data:text/html,<script>", "vbscript:x", "//evil.example/",
                                 "/relative", "https://a/\"><img src=x>", "https://a/ b", "http:///nohost", "",
                                 None, 42, "file:///etc/passwd"])
def test_other_urls_are_not(url):
    assert safe_href(url) is None


@pytest.mark.parametrize("value", ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "＝1"])
def test_formula_like_cells_get_a_quote(value):
    assert neutralise_cell(value) == "'" + value


def test_other_cells_pass():
    assert neutralise_cell("中国上海") == "中国上海"
    assert neutralise_cell(-3.5) == -3.5 and neutralise_cell(None) is None and neutralise_cell(True) is True
    assert xlsx_cell("a\x00b\x1fc") == "a\ufffdb\ufffdc"


def test_markdown_escaping():
    text = md_escape('<script>alert(1)</script> *b* _i_ [x](javascript:y) `c` # h | t\nline')
    assert "<" not in text and ">" not in text
    assert "\\*b\\*" in text and "\\_i\\_" in text and "\\[x\\]\\(javascript:y\\)" in text
    assert "\n" not in text
    assert md_escape("1. item") == "1\\. item" and md_escape("91.0") == "91.0"
    assert md_escape("- item").startswith("\\-") and md_escape("a & b") == "a &amp; b"
    assert md_escape(MdSafe("[a](b)")) == "[a](b)" and md_escape(None) == ""


def test_file_names_are_safe_distinct_and_stable():
    ids = ["../../etc/passwd", "a/b", "a_b", "a\\b", "A_B", "index", "INDEX", ".", "..", "", ".hidden", "中国上海",
           "con", "x" * 300, "ok-1.2_3"]
    files = file_names(ids)
    assert set(files) == set(ids)
    assert len({f.lower() for f in files.values()}) == len(ids)
    for name in files.values():
        assert re.fullmatch(r"[A-Za-z0-9._-]+\.html", name)
        assert not name.startswith(".") and ".." not in name and len(name) < 120
        assert name.lower() != "index.html" and name.lower() != "con.html"
    assert files["A_B"] == "A_B.html" and files["a_b"].startswith("a_b-")   # case-insensitive clash
    assert files["ok-1.2_3"] == "ok-1.2_3.html"
    assert file_names(list(reversed(ids))) == files
