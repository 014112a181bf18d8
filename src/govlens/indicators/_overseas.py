"""Shared by the overseas-influence indicators: the imported ``overseas_signals`` (海外传播, series 7)."""
from __future__ import annotations

from govlens.indicators.base import Evidence, IndicatorResult, PlatformObservations


def overseas(obs: PlatformObservations, field: str, what: str) -> IndicatorResult:
    o = obs.one("overseas_signals")
    if o is None:
        return IndicatorResult.missing("no overseas signals imported for this platform")
    raw = (o.data or {}).get(field)
    try:
        value = float(raw)
    except (TypeError, ValueError):
        return IndicatorResult.missing(f"overseas signals give no numeric {field}: {raw!r}")
    if value < 0:
        return IndicatorResult.missing(f"overseas signals give a negative {field}: {raw!r}")
    source = (o.data or {}).get("source") or o.probe
    return IndicatorResult(value=value, detail=f"{value:g} {what} ({source})",
                           evidence=[Evidence(url=o.url or obs.platform.url, detail=f"{field} = {raw} from {source}")])
