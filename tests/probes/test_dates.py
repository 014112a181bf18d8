from datetime import date

import pytest

from govlens.probes.extract.dates import date_from_url, find_date, infer_year, parse_date

REF = date(2013, 12, 25)


@pytest.mark.parametrize("text", ["2013-12-10", "2013/12/10", "2013.12.10", "2013年12月10日", "2013年12月10",
                                  "二〇一三年十二月十日", "2013-12-10 09:30", "2013-12-10 09:30:15",
                                  "2013年12月10日 09:30", "发布时间：2013-12-10", "２０１３－１２－１０",
                                  "[12-10]", "(12-10)", "（12-10）", "12-10", "12/10", "12月10日", "[12-10 08:00]",
                                  "2013-12-10T08:00:00"])
def test_formats(text):
    assert parse_date(text, REF) == date(2013, 12, 10)


def test_chinese_numerals():
    assert parse_date("二〇一三年十二月二十五日") == date(2013, 12, 25)
    assert parse_date("二○○九年一月三十一日") == date(2009, 1, 31)
    assert parse_date("二〇一三年二月三十日") is None


def test_year_inferred_across_new_year():
    ref = date(2014, 1, 3)
    assert parse_date("[12-30]", ref) == date(2013, 12, 30)
    assert parse_date("[01-02]", ref) == date(2014, 1, 2)
    assert parse_date("[01-04]", ref) == date(2014, 1, 4)      # reference + 1 day is allowed
    assert parse_date("[01-05]", ref) == date(2013, 1, 5)      # later than that: last year
    assert infer_year(2, 29, date(2014, 3, 1)) == date(2012, 2, 29)


def test_text_and_source_substring():
    assert find_date("关于印发通知的通知 [12-10]", REF) == (date(2013, 12, 10), "[12-10]")
    assert find_date("标题 2013-11-02 编号 12-25", REF) == (date(2013, 11, 2), "2013-11-02")


@pytest.mark.parametrize("text", ["", "abc", "电话：0571-87654321", "2013-13-45", "第12期", "99-99",
                                  "12-10", "共 1/3 页", None])
def test_rejects_without_raising(text):
    assert parse_date(text) is None          # year-less dates need a reference


def test_never_raises_on_garbage():
    for text in ["\x00" * 10, "年月日" * 100, "9" * 5000, "二〇一三年十二月", "[13-45]", "2013年00月00日"]:
        parse_date(text, REF)


def test_dates_in_urls():
    assert date_from_url("http://a.gov.cn/art/2013/12/10/art_1.html") == date(2013, 12, 10)
    assert date_from_url("http://a.gov.cn/xxgk/201312/t20131210_123.html") == date(2013, 12, 10)
    assert date_from_url("http://a.gov.cn/news/20131210_9.html") == date(2013, 12, 10)
    assert date_from_url("http://a.gov.cn/col/col12/index.html") is None


def test_a_bare_number_is_not_a_date_of_the_year_1111() -> None:
    """fromisoformat reads 11111111 as 1111-11-11 (found by the atheris fuzzer): outside the years a page is dated in."""
    from govlens.probes.extract.dates import parse_iso_datetime
    assert parse_iso_datetime("11111111") is None
    assert parse_iso_datetime("20131210") == date(2013, 12, 10)
