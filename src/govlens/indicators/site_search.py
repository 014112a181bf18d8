"""site-search — does the homepage offer a site-search form (网民体验)? 1 or 0."""
from __future__ import annotations

from govlens import defects
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations,
                                     page_url, site_finding)

ID = "site-search"
REQUIRES = ("page",)
UNIT = "bool"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    home = obs.homepage()
    if home is None:
        return IndicatorResult.missing("the homepage never loaded")
    url = page_url(home)
    forms = home.data.get("search_forms") or []
    if forms:
        f = forms[0]
        if f.get("formless"):
            seen = f"search box without a form (script-driven), input {f.get('query_input') or '?'}"
        else:
            seen = f"search form: {f.get('method') or 'get'} {f.get('action') or url} inputs {f.get('inputs') or []}"
        return IndicatorResult(value=1.0, detail=f"{len(forms)} site-search form(s) on the homepage",
                               evidence=[Evidence(url=url, detail=seen)])
    detail = "no site-search form on the homepage"
    return IndicatorResult(value=0.0, detail=detail, evidence=[Evidence(url=url, detail=detail)],
                           findings=[site_finding(obs, defects.NO_SITE_SEARCH, detail, evidence_url=url)])
