"""Chinese numerals for the notice: series numbers (第一系列) and the closing date (二〇一三年十二月二十五日)."""
from __future__ import annotations

from datetime import date

DIGITS = "〇一二三四五六七八九"
_COUNT_DIGITS = "零一二三四五六七八九"
_SMALL_UNITS = ("", "十", "百", "千")
_BIG_UNITS = ("", "万", "亿", "万亿")


def _four(n: int) -> str:
    """0 < n < 10000 with 零 for inner gaps (1001 → 一千零一)."""
    out, zero = [], False
    for pos in range(3, -1, -1):
        d = n // 10 ** pos % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_COUNT_DIGITS[d] + _SMALL_UNITS[pos])
    return "".join(out)


def chinese_number(n: int) -> str:
    """A counting numeral: 1 → 一, 10 → 十, 12 → 十二, 25 → 二十五, 105 → 一百零五."""
    n = int(n)
    if n < 0:
        return "负" + chinese_number(-n)
    if n == 0:
        return "零"
    groups = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    out: list[str] = []
    pending_zero = False
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            pending_zero = bool(out)
            continue
        if out and (pending_zero or g < 1000):
            out.append("零")
        out.append(_four(g) + _BIG_UNITS[i])
        pending_zero = False
    text = "".join(out)
    if text.startswith("一十"):          # 十二, not 一十二
        text = text[1:]
    return text


def chinese_digits(n: int) -> str:
    """Digit by digit, as years are written: 2013 → 二〇一三."""
    return "".join(DIGITS[int(c)] for c in str(int(n)))


def chinese_date(d: date) -> str:
    """二〇一三年十二月二十五日."""
    return f"{chinese_digits(d.year)}年{chinese_number(d.month)}月{chinese_number(d.day)}日"
