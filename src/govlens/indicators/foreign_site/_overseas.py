"""Shared by the overseas-influence indicators: the imported ``overseas_signals`` (海外传播, series 7)."""
from __future__ import annotations

from typing import Callable

from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations, signal_value
from govlens.text import Messages

T = Messages("overseas", {
    "foreign_media_mentions": ("境外媒体报道", "foreign media mentions"),
    "overseas_inlinks": ("来自境外域名的链接", "inbound links from foreign domains"),
    "overseas_visits": ("每月境外访问量", "visits from abroad a month"),
    "none": ("未导入该平台的海外传播数据", "no overseas signals imported for this platform"),
    "absent": ("海外传播数据未给出{field}", "overseas signals give no {field}"),
    "not_numeric": ("海外传播数据中的{field}不是数值：{raw}", "overseas signals give a non-numeric {field}: {raw}"),
    "negative": ("海外传播数据中的{field}为负数：{raw}", "overseas signals give a negative {field}: {raw}"),
    "value": ("{what}：{value}（{source}）", "{value} {what} ({source})"),
    "evidence": ("{field}：{raw}（来源：{source}）", "{field} = {raw} from {source}"),
})


def overseas(obs: PlatformObservations, field: str) -> IndicatorResult:
    """(A blank field reads as not numeric here, as the overseas file has always been read.)"""
    return signal_value(obs, "overseas_signals", field, T, blank_is_absent=False)


def overseas_indicator(field: str) -> Callable[[PlatformObservations, IndicatorContext], IndicatorResult]:
    """An ``evaluate`` giving the overseas signal ``field``: foreign-media-mentions, overseas-inlinks, overseas-visits."""
    def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
        return overseas(obs, field)
    return evaluate
