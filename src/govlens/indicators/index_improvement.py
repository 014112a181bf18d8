"""index-improvement — change of the website-2013 index against the previous campaign (快速发展).

The runner compares this campaign's website results with the previous campaign's
(:mod:`govlens.scoring.compare`, the engine of ``govlens compare``) and writes one
``improvement`` observation per website found in both; this reads its change of index. Missing
for a website the previous campaign did not score.
"""
from __future__ import annotations

from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations

ID = "index-improvement"
REQUIRES = ("improvement",)
UNIT = "index"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    o = obs.one("improvement")
    if o is None or (o.data or {}).get("index_change") is None:
        return IndicatorResult.missing("not scored by the previous campaign")
    d = o.data
    detail = (f"index {d.get('index_old'):.1f} → {d.get('index_new'):.1f} ({d['index_change']:+.1f}), "
              f"rank {d.get('rank_old')} → {d.get('rank_new')}, mostly {d.get('main_driver')}")
    return IndicatorResult(value=float(d["index_change"]), detail=detail,
                           evidence=[Evidence(url=o.url, detail=detail, snippet=d.get("previous") or "")])
