"""What the 文明传播 indicators share (depth, topics): reading the ``civilization_topics`` observation.

Both are missing when the probe did not run, or when it read no page (saying why, in the module's
``no_page`` message); only what each makes of the pages read is its own.
"""
from __future__ import annotations

from typing import Any, Callable

from govlens.contract.observation import Observation
from govlens.indicators.base import R, IndicatorContext, IndicatorResult, PlatformObservations
from govlens.text import Messages
from govlens.visit_text import describe_visit

Judge = Callable[[Observation, dict[str, Any], PlatformObservations, IndicatorContext], IndicatorResult]


def from_topics(T: Messages) -> Callable[[Judge], Callable[[PlatformObservations, IndicatorContext], IndicatorResult]]:
    """Decorator: ``judge(o, data, obs, ctx)`` on the probe's observation and payload once pages were read."""
    def wrap(judge: Judge) -> Callable[[PlatformObservations, IndicatorContext], IndicatorResult]:
        def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
            o = obs.one("civilization_topics")
            if o is None:
                return IndicatorResult.missing(R("civilization_probe_not_run"))
            data = o.data or {}
            if o.status != "completed" or not data.get("pages"):
                why = describe_visit(o.status, data.get("cause"), http_status=o.http_status)
                return IndicatorResult.missing(T("no_page", what=why))
            return judge(o, data, obs, ctx)
        evaluate.__doc__ = judge.__doc__
        return evaluate
    return wrap
