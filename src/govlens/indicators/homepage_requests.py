"""homepage-requests — requests a browser makes to show the homepage: the HTML and each sub-resource (网站访问)."""
from __future__ import annotations

from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations

ID = "homepage-requests"
REQUIRES = ("page_weight",)
UNIT = "count"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    o = obs.one("page_weight")
    if o is None:
        return IndicatorResult.missing("the homepage was not weighed")
    n = int((o.data or {}).get("requests") or 1)
    return IndicatorResult(value=float(n), detail=f"{n} requests (HTML and sub-resources named in it)",
                           evidence=[Evidence(url=o.url, detail=f"{n} requests")])
