"""broken-internal-links — share of checked links within the site that fail (网民体验).

A link is broken when its check did not complete (HTTP ≥ 400, DNS error, refused,
timeout …); links robots.txt kept us from checking are not counted at all.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.links._links import broken_links
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations

ID = "broken-internal-links"
TITLE = ("站内链接失效率", "Broken internal links")
REQUIRES = ("link",)
UNIT = "ratio"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    return broken_links(obs, ctx, internal=True, kind=defects.BROKEN_INTERNAL_LINK)
