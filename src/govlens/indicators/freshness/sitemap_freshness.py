"""sitemap-freshness — days from the sitemap's newest ``lastmod`` to the check date (搜索引擎).

A sitemap that search engines can trust moves with the site. Not applicable without a
sitemap; missing when it states no ``lastmod``.
"""
from __future__ import annotations

from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, days_since,
                                     parse_date)
from govlens.text import Messages

ID = "sitemap-freshness"
TITLE = ("站点地图更新间隔", "Sitemap age")
REQUIRES = ("sitemap",)
UNIT = "days"

T = Messages(ID, {
    "none": ("无网站地图", "no sitemap"),
    "no_lastmod": ("网站地图未标注lastmod", "the sitemap states no lastmod"),
    "newest": ("最新lastmod为{date}，距检查日{days}天", "newest lastmod {date}, {days} days before the check"),
    "urls": ("{n}个网址，最新lastmod为{date}", "{n} URLs, newest lastmod {date}"),
})



def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    o = obs.one("sitemap")
    if o is None or not (o.data or {}).get("present"):
        return IndicatorResult.not_applicable(T("none"))
    newest = parse_date((o.data or {}).get("newest_lastmod"))
    if newest is None:
        return IndicatorResult.missing(T("no_lastmod"))
    days = days_since(newest, ctx.check_date)
    return IndicatorResult(value=float(days), detail=T("newest", date=newest.isoformat(), days=days),
                           evidence=[Evidence(url=o.url, detail=T("urls", n=o.data.get("url_count"), date=newest.isoformat()))])
