"""The read-or-missing preamble, once: ``@given(read, why)`` on an indicator's ``evaluate``.

Most indicators open the same way: read the one observation they judge (the column's list, the hotline's
test calls, the mobile homepage, the mailbox's letters …) and, when it is not there, return *missing* saying
why. ``given(read, why)`` turns ``judge(got, obs, ctx)`` — the indicator's own part — into the
``evaluate(obs, ctx)`` the runner calls, so that preamble is written once. The columns, hotline, mobile and
interaction indicators share it; ``@observed(kind, why)`` is the commonest read, the platform's one
observation of a kind.
"""
from __future__ import annotations

from typing import Any, Callable

from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations

Evaluate = Callable[[PlatformObservations, IndicatorContext], IndicatorResult]


def given(read: Callable[[PlatformObservations], Any], why: str, *, spread: bool = False,
          ) -> Callable[[Callable[..., IndicatorResult]], Evaluate]:
    """Decorator: ``evaluate(obs, ctx)`` = missing(``why``) when ``read(obs)`` is None, else
    ``judge(read(obs), obs, ctx)`` (``spread``: ``read`` gives a tuple, passed as that many arguments)."""
    def wrap(judge: Callable[..., IndicatorResult]) -> Evaluate:
        def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
            got = read(obs)
            if got is None:
                return IndicatorResult.missing(why)
            return judge(*got, obs, ctx) if spread else judge(got, obs, ctx)
        evaluate.__doc__ = judge.__doc__
        return evaluate
    return wrap


def observed(kind: str, why: str) -> Callable[[Callable[..., IndicatorResult]], Evaluate]:
    """``given`` for the platform's one ``kind`` observation: ``judge(o, o.data or {}, obs, ctx)``."""
    def wrap(judge: Callable[..., IndicatorResult]) -> Evaluate:
        evaluate = given(lambda obs: obs.one(kind), why)(lambda o, obs, ctx: judge(o, o.data or {}, obs, ctx))
        evaluate.__doc__ = judge.__doc__
        return evaluate
    return wrap
