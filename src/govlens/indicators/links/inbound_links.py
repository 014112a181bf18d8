"""inbound-links — how many other campaign platforms link to this one (社会舆情).

Measured from the crawl: the campaign facts count, for each platform, the other
platforms (on another host) whose pages link to its host. See
:mod:`govlens.indicators.links.campaign_facts`.
"""
from __future__ import annotations

from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations
from govlens.text import Messages

ID = "inbound-links"
TITLE = ("评估范围内链入网站数", "Campaign sites linking here")
REQUIRES = ("page",)
UNIT = "count"
UNIT_LABEL = ("个", "sites")
ROLE = "campaign-links"      # reads the campaign's link facts (computed once per run)
CAMPAIGN_WIDE = True         # compares the platform with the rest of the campaign: no single-site value

T = Messages(ID, {
    "none": ("无该平台的评估范围内链接数据", "no campaign link facts for this platform"),
    "from": ("评估范围内的平台{source}链接到本站", "linked from campaign platform {source}"),
    "count": ("评估范围内有{n}个其他平台链接到本站", "linked from {n} other campaign platforms"),
})



def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    pid = obs.platform.id
    if pid not in ctx.campaign.inlinks:
        return IndicatorResult.missing(T("none"))
    n = int(ctx.campaign.inlinks[pid])
    sources = list(ctx.campaign.inlink_sources.get(pid, []))
    evidence = [Evidence(url=obs.platform.url, detail=T("from", source=ctx.campaign.names.get(s) or str(s))) for s in sources[:50]]
    return IndicatorResult(value=float(n), detail=T("count", n=n), evidence=evidence)
