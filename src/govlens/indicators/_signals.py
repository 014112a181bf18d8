"""Shared by the indicators read from the external ``signals`` import (搜索引擎, 社会舆情)."""
from __future__ import annotations

from govlens.indicators.base import Evidence, IndicatorResult, PlatformObservations


def signal(obs: PlatformObservations, field: str, what: str) -> IndicatorResult:
    o = obs.one("signals")
    if o is None:
        return IndicatorResult.missing("no external signals imported for this platform")
    raw = (o.data or {}).get(field)
    if raw is None or raw == "":
        return IndicatorResult.missing(f"external signals give no {field}")
    try:
        value = float(raw)
    except (TypeError, ValueError):
        return IndicatorResult.missing(f"external signals give a non-numeric {field}: {raw!r}")
    if value < 0:
        return IndicatorResult.missing(f"external signals give a negative {field}: {raw!r}")
    source = (o.data or {}).get("source") or o.probe
    return IndicatorResult(value=value, detail=f"{value:g} {what} ({source})",
                           evidence=[Evidence(url=o.url or obs.platform.url, detail=f"{field} = {raw} from {source}")])
