"""Helpers for the indicators that read the browser probe's ``render`` and ``axe`` observations.

A platform outside the browser sample (or scanned without a browser) has no ``render``
observation: its browser indicators are *missing*, never zero, and the framework's
aggregation re-weights its other indicators (see ``docs/observations.md``).
"""
from __future__ import annotations

from typing import Any

from govlens.contract.observation import COMPLETED, Observation
from govlens.indicators.base import IndicatorResult, PlatformObservations
from govlens.text import Messages
from govlens.visit_text import describe_visit

T = Messages("render", {
    "not_rendered": ("未经浏览器渲染（不在浏览器抽样范围内，或无浏览器）", "not rendered (outside the browser sample, or no browser)"),
    "desktop_failed_so": ("首页桌面端未能渲染，{device}端也未渲染", "the homepage did not render on the desktop, so not on a {device}"),
    "failed": ("{device}端渲染失败：{why}", "the {device} render failed: {why}"),
    "desktop": ("桌面", "desktop"),
    "phone": ("手机", "phone"),
    "no_metric": ("页面未报告{label}", "the page reported no {label}"),
    "fcp_ms": ("首次内容绘制时间", "first contentful paint"),
    "lcp_ms": ("最大内容绘制时间", "largest contentful paint"),
    "ttfb_ms": ("首字节时间", "time to first byte"),
    "tbt_ms": ("总阻塞时间", "blocking time"),
    "cls": ("累积布局偏移", "layout shift"),
})

NOT_RENDERED = T("not_rendered")


def device_name(device: str) -> str:
    return T.ref(device) if device in ("desktop", "phone") else device


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
            return None, IndicatorResult.missing(T("desktop_failed_so", device=device_name(device)))
        return None, IndicatorResult.missing(NOT_RENDERED)
    if o.status != COMPLETED:
        why = describe_visit(o.status, (o.data or {}).get("cause"), http_status=o.http_status)
        return None, IndicatorResult.missing(T("failed", device=device_name(device), why=why))
    return o, None


def section(o: Observation, name: str) -> dict[str, Any]:
    value = (o.data or {}).get(name)
    return value if isinstance(value, dict) else {}


def number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def performance_metric(obs: PlatformObservations, key: str,
                       unit: str) -> tuple[Observation | None, float | None, IndicatorResult | None]:
    """``(desktop render, value of performance[key], None)`` or a missing result."""
    desk, why = completed(obs, "desktop")
    if desk is None:
        return None, None, why
    value = number(section(desk, "performance").get(key))
    if value is None:
        return desk, None, IndicatorResult.missing(T("no_metric", label=T.ref(key) if key in T.names else key))
    return desk, value, None
