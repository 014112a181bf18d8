"""What the access indicators share: the one probe observation they judge, and how a request ended."""
from __future__ import annotations

from typing import Callable

from govlens.contract.observation import COMPLETED, Observation
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations, R
from govlens.text import Messages
from govlens.visit_text import describe_visit

Evaluate = Callable[[PlatformObservations, IndicatorContext], IndicatorResult]


def on_one(kind: str, reason: str) -> Callable[[Callable[[PlatformObservations, IndicatorContext, Observation],
                                                         IndicatorResult]], Evaluate]:
    """An ``evaluate`` that judges the platform's one ``kind`` observation, missing with the reason ``R(reason)``
    when the probe left none (certificate-validity, hsts, ipv6, homepage-requests, homepage-weight)."""
    def wrap(judge: Callable[[PlatformObservations, IndicatorContext, Observation], IndicatorResult]) -> Evaluate:
        def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
            o = obs.one(kind)
            return IndicatorResult.missing(R(reason)) if o is None else judge(obs, ctx, o)
        return evaluate
    return wrap


def answer(o: Observation, T: Messages, key: str = "code") -> str:
    """How the request ``o`` ended, as a message: ``T``'s ``key`` with its HTTP status when it completed with one,
    else the visit's cause (never the raw exception text): https-redirect, soft-404, availability."""
    if o.status == COMPLETED and o.http_status:
        return T.ref(key, code=o.http_status)
    return describe_visit(o.status, (o.data or {}).get("cause"), http_status=o.http_status)
