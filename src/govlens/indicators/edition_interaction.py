"""edition-interaction — share of interaction features the foreign-language edition offers (互动交流, series 7).

E-mail, telephone, a feedback form (a form with a text area), and the lexicon's features found by
words (contact page, FAQ, feedback), on the pages of the main edition.
"""
from __future__ import annotations

from govlens.indicators._edition import discovery, edition_pages, no_edition, page_url
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations

ID = "edition-interaction"
REQUIRES = ("edition_discovery", "edition_page")
UNIT = "ratio"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    skip = no_edition(obs)
    if skip is not None:
        return skip
    d = discovery(obs)
    assert d is not None
    features = ((d.data or {}).get("lexicon") or {}).get("interaction") or []
    if not features:
        return IndicatorResult.missing("no interaction feature is defined")
    found: dict[str, str] = {}
    for o in edition_pages(obs):
        for f in (o.data or {}).get("interaction") or []:
            found.setdefault(f, page_url(o))
    offered = [f for f in features if f in found]
    detail = f"{len(offered)}/{len(features)} interaction features: {', '.join(offered) or 'none'}"
    return IndicatorResult(value=len(offered) / len(features), detail=detail,
                           evidence=[Evidence(url=found[f], detail=f) for f in offered])
