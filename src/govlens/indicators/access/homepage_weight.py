"""homepage-weight — kilobytes the homepage weighs with its scripts, stylesheets and images (网站访问).

From the page-weight probe (``HEAD`` sizes of the sub-resources the HTML names). A page
whose resources mostly have no stated size is missing rather than light.
"""
from __future__ import annotations

from govlens.contract.observation import Observation
from govlens.indicators._given import observed
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, R
from govlens.text import Messages

ID = "homepage-weight"
TITLE = ("首页页面大小（HTTP）", "Homepage weight (HTTP)")
REQUIRES = ("page_weight",)
UNIT = "count"
UNIT_LABEL = ("KB", "KB")

T = Messages(ID, {
    "unknown": ("{total}个资源中{n}个未说明大小", "{n} of {total} resources state no size"),
    "parts": ("HTML {html}字节，{n}个资源共{bytes}字节", "HTML {html} bytes, {n} resources {bytes} bytes"),
    "bytes": ("{n}字节", "{n} bytes"),
    "summary": ("首页共{n}个请求，大小{kb} KB", "the homepage weighs {kb} KB in {n} requests"),
})


@observed("page_weight", R("home_not_weighed"))
def evaluate(o: Observation, data: dict, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    resources = max(0, int(data.get("requests") or 1) - 1)
    if resources and int(data.get("unknown_sizes") or 0) > resources / 2:
        return IndicatorResult.missing(T("unknown", n=data.get("unknown_sizes"), total=resources))
    kb = round(int(data.get("total_bytes") or 0) / 1024, 1)
    evidence = [Evidence(url=o.url, detail=T("parts", html=data.get("html_bytes"), n=resources,
                                             bytes=data.get("resource_bytes")))]
    evidence += [Evidence(url=x["url"], detail=T("bytes", n=x["bytes"])) for x in data.get("largest") or []]
    return IndicatorResult(value=kb, detail=T("summary", kb=kb, n=data.get("requests")),
                           evidence=evidence)
