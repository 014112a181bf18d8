"""inbound-links — how many other campaign platforms link to this one (社会舆情).

Measured from the crawl: the campaign facts count, for each platform, the other
platforms (on another host) whose pages link to its host. See
:mod:`govlens.indicators.campaign_facts`.
"""
from __future__ import annotations

from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations

ID = "inbound-links"
REQUIRES = ("page",)
UNIT = "count"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    pid = obs.platform.id
    if pid not in ctx.campaign.inlinks:
        return IndicatorResult.missing("no campaign link facts for this platform")
    n = int(ctx.campaign.inlinks[pid])
    sources = list(ctx.campaign.inlink_sources.get(pid, []))
    evidence = [Evidence(url=obs.platform.url, detail=f"linked from campaign platform {s}") for s in sources[:50]]
    return IndicatorResult(value=float(n), detail=f"linked from {n} other campaign platforms", evidence=evidence)
