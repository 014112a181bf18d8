"""Shared by the indicators read from the external ``signals`` import (搜索引擎, 社会舆情)."""
from __future__ import annotations

from typing import Callable

from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations, signal_value
from govlens.text import Messages

T = Messages("signals", {
    "inbound_links": ("来自互联网的外部链接", "inbound links from the web"),
    "indexed_pages": ("搜索引擎收录页面", "pages indexed by search engines"),
    "media_mentions": ("媒体报道", "media mentions"),
    "none": ("未导入该平台的外部数据", "no external signals imported for this platform"),
    "absent": ("外部数据未给出{field}", "external signals give no {field}"),
    "not_numeric": ("外部数据中的{field}不是数值：{raw}", "external signals give a non-numeric {field}: {raw}"),
    "negative": ("外部数据中的{field}为负数：{raw}", "external signals give a negative {field}: {raw}"),
    "value": ("{what}：{value}（{source}）", "{value} {what} ({source})"),
    "evidence": ("{field}：{raw}（来源：{source}）", "{field} = {raw} from {source}"),
})


def signal(obs: PlatformObservations, field: str) -> IndicatorResult:
    return signal_value(obs, "signals", field, T)


def signal_indicator(field: str) -> Callable[[PlatformObservations, IndicatorContext], IndicatorResult]:
    """An ``evaluate`` giving the imported signal ``field``: external-inlinks, indexed-pages, media-mentions."""
    def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
        return signal(obs, field)
    return evaluate
