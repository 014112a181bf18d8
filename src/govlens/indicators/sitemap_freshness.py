"""sitemap-freshness — days from the sitemap's newest ``lastmod`` to the check date (搜索引擎).

A sitemap that search engines can trust moves with the site. Not applicable without a
sitemap; missing when it states no ``lastmod``.
"""
from __future__ import annotations

from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations,
                                     days_since, parse_date)

ID = "sitemap-freshness"
REQUIRES = ("sitemap",)
UNIT = "days"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    o = obs.one("sitemap")
    if o is None or not (o.data or {}).get("present"):
        return IndicatorResult.not_applicable("no sitemap")
    newest = parse_date((o.data or {}).get("newest_lastmod"))
    if newest is None:
        return IndicatorResult.missing("the sitemap states no lastmod")
    days = days_since(newest, ctx.check_date)
    return IndicatorResult(value=float(days), detail=f"newest lastmod {newest.isoformat()}, {days} days before the check",
                           evidence=[Evidence(url=o.url, detail=f"{o.data.get('url_count')} URLs, newest lastmod {newest}")])
