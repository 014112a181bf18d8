"""index-improvement — change of the website-2013 index against the previous campaign (快速发展).

The runner compares this campaign's website results with the previous campaign's
(:mod:`govlens.scoring.compare`, the engine of ``govlens compare``) and writes one
``improvement`` observation per website found in both; this reads its change of index. Missing
for a website the previous campaign did not score.
"""
from __future__ import annotations

from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations
from govlens.text import Messages, localised

ID = "index-improvement"
TITLE = ("综合指数较上年提升", "Index change since last year")
REQUIRES = ("improvement",)
UNIT = "index"
UNIT_LABEL = ("分", "points")
ROLE = "improvement"         # the previous-campaign stage evaluates it again and rescores who uses it
CAMPAIGN_WIDE = True         # compares the platform with the previous campaign: no single-site value

T = Messages(ID, {
    "none": ("上一次评估未对其评分", "not scored by the previous campaign"),
    "change": ("指数{old} → {new}（{change}），排名{rank_old} → {rank_new}，主要来自{driver}", "index {old} → {new} ({change}), rank {rank_old} → {rank_new}, mostly {driver}"),
})



def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    o = obs.one("improvement")
    if o is None or (o.data or {}).get("index_change") is None:
        return IndicatorResult.missing(T("none"))
    d = o.data
    detail = T("change", old=f"{d.get('index_old'):.1f}", new=f"{d.get('index_new'):.1f}",
               change=f"{d['index_change']:+.1f}", rank_old=d.get("rank_old"), rank_new=d.get("rank_new"),
               driver=localised(d["main_driver_title"]) if d.get("main_driver_title") else d.get("main_driver"))
    return IndicatorResult(value=float(d["index_change"]), detail=detail,
                           evidence=[Evidence(url=o.url, detail=detail, snippet=d.get("previous") or "")])
