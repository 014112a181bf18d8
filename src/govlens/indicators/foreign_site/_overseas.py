"""Shared by the overseas-influence indicators: the imported ``overseas_signals`` (海外传播, series 7)."""
from __future__ import annotations

from govlens.indicators.base import Evidence, IndicatorResult, PlatformObservations
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
    what = T.ref(field) if field in T.names else field
    o = obs.one("overseas_signals")
    if o is None:
        return IndicatorResult.missing(T("none"))
    raw = (o.data or {}).get(field)
    try:
        value = float(raw)
    except (TypeError, ValueError):
        return IndicatorResult.missing(T("not_numeric", field=what, raw=raw))
    if value < 0:
        return IndicatorResult.missing(T("negative", field=what, raw=raw))
    source = (o.data or {}).get("source") or o.probe
    return IndicatorResult(value=value, detail=T("value", value=f"{value:g}", what=what, source=str(source)),
                           evidence=[Evidence(url=o.url or obs.platform.url,
                                              detail=T("evidence", field=what, raw=raw, source=str(source)))])
