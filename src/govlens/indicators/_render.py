"""Helpers for the indicators that read the browser probe's ``render`` and ``axe`` observations.

A platform outside the browser sample (or scanned without a browser) has no ``render``
observation: its browser indicators are *missing*, never zero, and the framework's
aggregation re-weights its other indicators (see ``docs/observations.md``).
"""
from __future__ import annotations

from typing import Any

from govlens.indicators.base import IndicatorResult, PlatformObservations
from govlens.probes.observation import COMPLETED, Observation

NOT_RENDERED = "not rendered (outside the browser sample, or no browser)"


def render(obs: PlatformObservations, device: str) -> Observation | None:
    """The render observation of ``device`` (``desktop`` or ``phone``), completed or not."""
    for o in obs.of("render"):
        if (o.data or {}).get("device") == device:
            return o
    return None


def completed(obs: PlatformObservations, device: str) -> tuple[Observation | None, IndicatorResult | None]:
    """``(observation, None)`` for a completed render, else ``(None, a missing result saying why)``."""
    o = render(obs, device)
    if o is None:
        if obs.of("render"):
            return None, IndicatorResult.missing(f"the homepage did not render on the desktop, so not on a {device}")
        return None, IndicatorResult.missing(NOT_RENDERED)
    if o.status != COMPLETED:
        why = (o.data or {}).get("error") or (f"HTTP {o.http_status}" if o.http_status else o.status)
        return None, IndicatorResult.missing(f"the {device} render failed: {why}")
    return o, None


def section(o: Observation, name: str) -> dict[str, Any]:
    value = (o.data or {}).get(name)
    return value if isinstance(value, dict) else {}


def number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def performance_metric(obs: PlatformObservations, key: str, label: str,
                       unit: str) -> tuple[Observation | None, float | None, IndicatorResult | None]:
    """``(desktop render, value of performance[key], None)`` or a missing result."""
    desk, why = completed(obs, "desktop")
    if desk is None:
        return None, None, why
    value = number(section(desk, "performance").get(key))
    if value is None:
        return desk, None, IndicatorResult.missing(f"the page reported no {label}")
    return desk, value, None
