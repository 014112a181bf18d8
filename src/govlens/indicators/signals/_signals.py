"""Shared by the indicators read from the external ``signals`` import (搜索引擎, 社会舆情)."""
from __future__ import annotations

from govlens.indicators.base import Evidence, IndicatorResult, PlatformObservations
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
    what = T.ref(field) if field in T.names else field
    o = obs.one("signals")
    if o is None:
        return IndicatorResult.missing(T("none"))
    raw = (o.data or {}).get(field)
    if raw is None or raw == "":
        return IndicatorResult.missing(T("absent", field=what))
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
