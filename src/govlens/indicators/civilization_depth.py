"""civilization-depth — share of the site's pages that speak of some 文明传播 topic (series 6).

How much of what a 文明网 publishes is 文明传播 rather than routine government news: the pages
read by the ``civilization`` probe (homepage, column lists, sampled articles) with at least one
word of the topic lexicon, over the pages read.
"""
from __future__ import annotations

from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations

ID = "civilization-depth"
REQUIRES = ("civilization_topics",)
UNIT = "ratio"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    o = obs.one("civilization_topics")
    if o is None:
        return IndicatorResult.missing("the civilization probe did not run")
    data = o.data or {}
    pages = int(data.get("pages") or 0)
    if o.status != "completed" or not pages:
        return IndicatorResult.missing(f"no page could be read ({o.status})")
    hit = int(data.get("pages_with_topic") or 0)
    detail = f"{hit}/{pages} pages speak of a 文明传播 topic"
    return IndicatorResult(value=hit / pages, detail=detail, evidence=[Evidence(url=o.url, detail=detail)])
