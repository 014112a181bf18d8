"""What the homepage indicators of the site folder share: the homepage read, or missing without it."""
from __future__ import annotations

from typing import Callable

from govlens.contract.observation import Observation
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations, R


def on_homepage(judge: Callable[[PlatformObservations, IndicatorContext, Observation], IndicatorResult]
                ) -> Callable[[PlatformObservations, IndicatorContext], IndicatorResult]:
    """An ``evaluate`` that judges the homepage read, missing (``home_not_loaded``) when none was: mobile-viewport,
    site-search, page-metadata, portal-structure, seo-structure."""
    def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
        home = obs.homepage()
        return IndicatorResult.missing(R("home_not_loaded")) if home is None else judge(obs, ctx, home)
    return evaluate
