"""What the mobile indicators share: the mobile homepage read once (``@from_mobile_page``: adaptation, load
time, page weight) and, for the app-store indicators (downloads, rating, freshness), one preamble and one
evidence line.

Each reads one field of the imported ``app_store`` observation: not applicable when the portal lists no app,
missing (the module's ``none`` message) when the file lacks the field, else the module's own judgement, with
the file's source named in the evidence (the module's ``source`` message).
"""
from __future__ import annotations

from typing import Any, Callable

from govlens.indicators.base import (R, Evidence, IndicatorContext, IndicatorResult, PlatformObservations, judged)
from govlens.indicators._given import given
from govlens.text import Messages

# judge(raw field, the file's data, ctx) -> (value, detail, finding or None), or None when the field is unusable
Judge = Callable[[Any, dict[str, Any], IndicatorContext], "tuple[float, str, tuple[str, str] | None] | None"]


def from_app(field: str, T: Messages) -> Callable[[Judge], Callable[[PlatformObservations, IndicatorContext],
                                                                     IndicatorResult]]:
    """Decorator: the app-store indicator's ``evaluate`` from its ``judge`` of ``field``."""
    def wrap(judge: Judge) -> Callable[[PlatformObservations, IndicatorContext], IndicatorResult]:
        def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
            app = obs.one("app_store")
            if app is None:
                return IndicatorResult.not_applicable(R("no_app_listed"))
            raw = app.data.get(field)
            got = None if raw is None else judge(raw, app.data, ctx)
            if got is None:
                return IndicatorResult.missing(T("none"))
            value, detail, finding = got
            source = T("source", source=app.data.get("source"), detail=detail)
            return judged(obs, value, detail, [Evidence(url=app.url, detail=source)], finding)
        evaluate.__doc__ = judge.__doc__
        return evaluate
    return wrap


def from_mobile_page(field: str) -> Callable[[Callable[..., IndicatorResult]], Callable[[PlatformObservations,
                                                                                          IndicatorContext],
                                                                                         IndicatorResult]]:
    """Decorator: ``judge(page, obs, ctx)`` on the loaded mobile homepage that measured ``field``; missing else."""
    def read(obs: PlatformObservations) -> Any:
        page = obs.one("mobile_page")
        ok = page is not None and page.status == "completed" and page.data.get(field) is not None
        return page if ok else None
    return given(read, R("mobile_home_not_loaded"))
