"""edition-services — share of the lexicon's service topics the foreign-language edition offers (公共服务, series 7).

Visa and residence, work permits, investment, business registration, study, medical care, tourism,
consular affairs, housing (``FOREIGN_LEXICON_FILE``): a topic is offered when its words are on a
page of the main edition.
"""
from __future__ import annotations

from govlens.indicators._edition import discovery, edition_pages, no_edition, page_url
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations

ID = "edition-services"
REQUIRES = ("edition_discovery", "edition_page")
UNIT = "ratio"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    skip = no_edition(obs)
    if skip is not None:
        return skip
    d = discovery(obs)
    assert d is not None
    topics = ((d.data or {}).get("lexicon") or {}).get("services") or []
    if not topics:
        return IndicatorResult.missing("the lexicon names no service topic")
    found: dict[str, str] = {}
    for o in edition_pages(obs):
        for t in (o.data or {}).get("services") or []:
            found.setdefault(t, page_url(o))
    offered = [t for t in topics if t in found]
    detail = f"{len(offered)}/{len(topics)} service topics: {', '.join(offered) or 'none'}"
    return IndicatorResult(value=len(offered) / len(topics), detail=detail,
                           evidence=[Evidence(url=found[t], detail=t) for t in offered])
