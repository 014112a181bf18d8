"""request-count — how many requests the homepage makes on a desktop (网民体验)."""
from __future__ import annotations

from govlens.indicators._render import completed, number, section
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations

ID = "request-count"
REQUIRES = ("render",)
UNIT = "count"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    desk, why = completed(obs, "desktop")
    if desk is None:
        return why
    net = section(desk, "network")
    n = number(net.get("requests"))
    if n is None:
        return IndicatorResult.missing("the desktop render counted no requests")
    detail = f"{n:.0f} requests, {net.get('failed_requests', 0)} failed"
    return IndicatorResult(value=n, detail=detail, evidence=[Evidence(url=desk.url, detail=detail)])
