"""mobile-viewport — does the homepage declare ``<meta name="viewport">`` (网站设计)? 1 or 0."""
from __future__ import annotations

from govlens import defects
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations,
                                     page_url, site_finding)

ID = "mobile-viewport"
REQUIRES = ("page",)
UNIT = "bool"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    home = obs.homepage()
    if home is None:
        return IndicatorResult.missing("the homepage never loaded")
    url = page_url(home)
    if home.data.get("has_viewport"):
        return IndicatorResult(value=1.0, detail="viewport declared",
                               evidence=[Evidence(url=url, detail="meta viewport present")])
    detail = "homepage has no meta viewport (not adapted to mobile)"
    return IndicatorResult(value=0.0, detail=detail, evidence=[Evidence(url=url, detail=detail)],
                           findings=[site_finding(obs, defects.NO_VIEWPORT, detail, evidence_url=url)])
