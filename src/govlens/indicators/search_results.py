"""search-results — does the site search find what the site itself publishes (网民体验)? 1 or 0.

The search probe asked the site's own search form for a word seen in at least two of the
site's titles. Nothing found is a ``search_no_results`` finding: the form is there, the
search does not work. Sites without a search form are not applicable (``site-search``
judges those); a query that could not be made or answered is missing.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, clip,
                                     site_finding)
from govlens.probes.observation import COMPLETED

ID = "search-results"
REQUIRES = ("search",)
UNIT = "bool"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    o = obs.one("search")
    if o is None:
        return IndicatorResult.not_applicable("no site-search form to try")
    data = o.data or {}
    query, count = data.get("query"), data.get("result_count")
    if o.status != COMPLETED or count is None or not query:
        return IndicatorResult.missing(clip(data.get("error") or f"the search page did not answer ({o.status})"))
    said = data.get("count_text") or f"{count} result(s) counted"
    seen = f"query “{query}” (in {data.get('titles_with_query')} of the site's titles): {said}"
    evidence = [Evidence(url=o.url, detail=seen, snippet=clip(said, 80))]
    if count > 0:
        return IndicatorResult(value=1.0, detail=f"the site search found {count} result(s) for “{query}”",
                               evidence=evidence)
    detail = f"the site search found nothing for “{query}”, a word in {data.get('titles_with_query')} of its titles"
    return IndicatorResult(value=0.0, detail=detail, evidence=evidence,
                           findings=[site_finding(obs, defects.SEARCH_NO_RESULTS, detail, snippet=clip(said, 80),
                                                  evidence_url=o.url)])
