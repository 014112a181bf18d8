"""broken-external-links — share of checked links to other hosts that fail (网站访问).

A link is broken when its check did not complete (HTTP ≥ 400, DNS error, refused,
timeout …); links robots.txt kept us from checking are not counted at all.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.links._links import broken_links
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations

ID = "broken-external-links"
TITLE = ("外部链接失效率", "Broken external links")
REQUIRES = ("link",)
UNIT = "ratio"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    return broken_links(obs, ctx, internal=False, kind=defects.BROKEN_EXTERNAL_LINK)
