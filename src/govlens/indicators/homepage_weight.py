"""homepage-weight — kilobytes the homepage weighs with its scripts, stylesheets and images (网站访问).

From the page-weight probe (``HEAD`` sizes of the sub-resources the HTML names). A page
whose resources mostly have no stated size is missing rather than light.
"""
from __future__ import annotations

from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations

ID = "homepage-weight"
REQUIRES = ("page_weight",)
UNIT = "count"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    o = obs.one("page_weight")
    if o is None:
        return IndicatorResult.missing("the homepage was not weighed")
    data = o.data or {}
    resources = max(0, int(data.get("requests") or 1) - 1)
    if resources and int(data.get("unknown_sizes") or 0) > resources / 2:
        return IndicatorResult.missing(f"{data.get('unknown_sizes')} of {resources} resources state no size")
    kb = round(int(data.get("total_bytes") or 0) / 1024, 1)
    evidence = [Evidence(url=o.url, detail=f"HTML {data.get('html_bytes')} bytes, {resources} resources "
                                           f"{data.get('resource_bytes')} bytes")]
    evidence += [Evidence(url=x["url"], detail=f"{x['bytes']} bytes") for x in data.get("largest") or []]
    return IndicatorResult(value=kb, detail=f"the homepage weighs {kb} KB in {data.get('requests')} requests",
                           evidence=evidence)
