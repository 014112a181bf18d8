"""govlens.report.numerals: Chinese numerals for series numbers and dates."""
from __future__ import annotations

from datetime import date

import pytest

from govlens.report.numerals import chinese_date, chinese_digits, chinese_number


@pytest.mark.parametrize("n,text", [(1, "一"), (9, "九"), (10, "十"), (12, "十二"), (20, "二十"), (25, "二十五"),
                                    (101, "一百零一"), (110, "一百一十"), (1001, "一千零一"), (10001, "一万零一"),
                                    (100000, "十万"), (0, "零")])
def test_counting_numerals(n, text):
    assert chinese_number(n) == text


def test_dates_and_digits():
    assert chinese_digits(2013) == "二〇一三"
    assert chinese_date(date(2013, 12, 25)) == "二〇一三年十二月二十五日"
    assert chinese_date(date(2020, 1, 10)) == "二〇二〇年一月十日"
