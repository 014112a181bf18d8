"""Formatting numbers for people: scores, indices, percentages and raw indicator values with units."""
from __future__ import annotations

import math
from typing import Any

from govlens.indicators.catalogue import value_kind
from govlens.report.locale import Locale


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and not math.isnan(value)


def fmt_score(value: Any, digits: int = 1) -> str:
    """92.3 — or an empty string for no score."""
    if not is_number(value):
        return ""
    return f"{float(value):.{digits}f}"


def fmt_count(value: Any) -> str:
    return f"{int(value):,}" if is_number(value) else ""


def _plain(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):d}"
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _with_unit(number: str, unit: str) -> str:
    if not unit:
        return number
    return number + unit if not unit[0].isalnum() or not unit.isascii() else f"{number} {unit}"


def fmt_value(indicator_id: str, value: Any, locale: Locale) -> str:
    """A raw indicator value with its unit: 85.0%, 是, 1,234 毫秒, 3 天."""
    if not is_number(value):
        return ""
    kind = value_kind(indicator_id)
    unit = locale.indicator_unit(indicator_id)
    if kind == "bool" and float(value) in (0.0, 1.0):
        return locale.t("bool.yes") if value else locale.t("bool.no")
    if kind == "ratio":
        return _with_unit(f"{float(value) * 100:.1f}", unit or "%")
    if kind == "ms":
        return _with_unit(f"{float(value):,.0f}", unit)
    return _with_unit(_plain(float(value)) if abs(float(value)) < 1000 else f"{float(value):,.0f}", unit)


def fmt_rank_number(value: Any) -> str:
    """A rank statistic: 3, or 3.5 when a median falls between two ranks."""
    if not is_number(value):
        return ""
    v = float(value)
    return f"{int(round(v))}" if abs(v - round(v)) < 1e-9 else f"{v:.1f}"


def fmt_rank(rank: Any, L: Locale, size: Any = None, tied: Any = 1, *, sentence: bool = False) -> str:
    """A rank as every report shows it: '3 / 9', or '并列第3 / 9' ('tied 3 / 9') when ``tied`` (how many
    units of the group hold this rank, the unit included) is more than one; without ``size`` just '3' or
    '并列第3'; with ``sentence`` the phrase an award reason says ('第3名' / '并列第3名', 'No. 3' / 'tied No. 3').
    '' for no rank. Ranks are ranked with ties = "min", so tied units share their rank."""
    if not is_number(rank):
        return ""
    shared = is_number(tied) and int(tied) > 1
    number = fmt_rank_number(rank)
    if sentence:
        return L.t("format.rank_place_tied" if shared else "format.rank_place", rank=number)
    if size is None or size == "":
        return L.t("format.rank_alone_tied" if shared else "format.rank_alone", rank=number)
    return L.t("format.rank_tied" if shared else "format.rank", rank=number,
               size=fmt_rank_number(size) if is_number(size) else size)


def result_rank(result: dict[str, Any], L: Locale) -> str:
    """:func:`fmt_rank` of a loaded result (``rank``, ``group_size``, ``rank_ties`` from
    :func:`govlens.report.data.load_campaign`)."""
    return fmt_rank(result.get("rank"), L, result.get("group_size") or "", result.get("rank_ties") or 1)


def rank_interval(result: dict[str, Any], locale: Locale) -> str:
    """'中位3，区间2–5' for a result with a rank interval, else ''. The interval is shown widened to whole
    ranks (its low end rounded down, its high end up)."""
    low, high, median = result.get("rank_low"), result.get("rank_high"), result.get("rank_median")
    if not (is_number(low) and is_number(high)):
        return ""
    return locale.t("format.rank_interval", low=int(math.floor(float(low) + 1e-9)),
                    high=int(math.ceil(float(high) - 1e-9)), median=fmt_rank_number(median))


def bar_width(score: Any) -> float:
    """A score clamped to 0–100, for an inline bar's CSS width."""
    if not is_number(score):
        return 0.0
    return round(min(100.0, max(0.0, float(score))), 1)
