"""Helpers for the indicators that read the browser probe's ``render`` and ``axe`` observations.

A platform outside the browser sample (or scanned without a browser) has no ``render``
observation: its browser indicators are *missing*, never zero, and the framework's
aggregation re-weights its other indicators (see ``docs/observations.md``).
"""
from __future__ import annotations

from typing import Any, Callable

from govlens.contract.observation import COMPLETED, Observation
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations, judged
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


Section = dict[str, Any]


def section(o: Observation, name: str) -> Section:
    value = (o.data or {}).get(name)
    return value if isinstance(value, dict) else {}


def number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


Evaluate = Callable[[PlatformObservations, IndicatorContext], IndicatorResult]


def reads(device: str, part: str | None, *keys: str, none: str = "",
          blank: Callable[[str], IndicatorResult] = IndicatorResult.missing,
          zero: str | None = None) -> Callable[[Callable[..., IndicatorResult]], Evaluate]:
    """The render-reading shape, as a decorator: ``judge(o, data, *values, obs, ctx)`` becomes ``evaluate(obs,
    ctx)`` reading the numbers ``keys`` of the ``device`` render's ``part`` section (None: its own data). Missing
    when the render is (see :func:`completed`), ``blank(none)`` when one of them is not a number, not applicable
    with ``zero`` (when given) when the first is 0. Shared by request-count, first-screen-whitespace,
    grid-regularity, font-families, palette-size, rendered-contrast, page-weight, tap-targets, phone-overflow,
    the :func:`performance` metrics, and (with no ``keys``) portal-parts and elderly-friendly."""
    def wrap(judge: Callable[..., IndicatorResult]) -> Evaluate:
        def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
            o, why = completed(obs, device)
            if o is None:
                return why
            data = section(o, part) if part else o.data
            values = [number(data.get(k)) for k in keys]
            if None in values:
                return blank(none)
            if zero is not None and values[0] == 0:
                return IndicatorResult.not_applicable(zero)
            return judge(o, data, *values, obs, ctx)
        return evaluate
    return wrap


def performance(key: str) -> Callable[[Callable[..., IndicatorResult]], Evaluate]:
    """:func:`reads` for one metric of the desktop render's ``performance`` section, missing when the page
    reported none (the paint and timing metrics, layout shift, blocking time)."""
    return reads("desktop", "performance", key, none=T("no_metric", label=T.ref(key) if key in T.names else key))


def contrast_violation(axe: Observation) -> dict[str, Any] | None:
    """axe's ``color-contrast`` violation on the page, if any (rendered-contrast's finding, elderly-friendly's check)."""
    return next((v for v in axe.data.get("violations") or [] if isinstance(v, dict) and v.get("id") == "color-contrast"),
                None)


def timing(key: str, messages: Messages, name: str) -> Evaluate:
    """``evaluate`` of a desktop timing in ms, with ``messages(name, ms=…)`` as its detail and evidence
    (first contentful paint, largest contentful paint, time to first byte)."""
    @performance(key)
    def evaluate(desk: Observation, perf: Section, ms: float, obs: PlatformObservations,
                 ctx: IndicatorContext) -> IndicatorResult:
        return judged(obs, ms, messages(name, ms=f"{ms:,.0f}"), desk.url)
    return evaluate
