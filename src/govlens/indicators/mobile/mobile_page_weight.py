"""mobile-page-weight — KB a phone downloads for the mobile homepage with its CSS, scripts and images (访问性能).

Above ``MOBILE_MAX_PAGE_KB`` is a ``heavy_page`` finding.
"""
from __future__ import annotations

from govlens.contract.observation import Observation
from govlens.contract import defects
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, Threshold,
                                     Thresholds, judged, beyond)
from govlens.indicators.mobile._mobile import from_mobile_page
from govlens.text import Messages

ID = "mobile-page-weight"
TITLE = ("移动首页页面大小", "Mobile homepage weight")
REQUIRES = ("mobile_page", "mobile_resource")
UNIT = "kb"
THRESHOLDS = Thresholds(ID,
    # homepage with its resources heavier than this: heavy_page (ours)
    max_kb=Threshold(1024, setting="MOBILE_MAX_PAGE_KB"),
)

T = Messages(ID, {
    "image": ("图片", "image"), "script": ("脚本", "script"), "css": ("样式表", "stylesheet"),
    "resource": ("{type}：{kb} KB", "{type}: {kb} KB"),
    "weight": ("共{kb} KB：首页{page} KB，另有{n}个资源", "{kb} KB: homepage {page} KB and {n} resource(s)"),
})


TYPES = ("image", "script", "css")


@from_mobile_page("total_bytes")
def evaluate(page: Observation, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    kb = page.data["total_bytes"] / 1024
    res = sorted(obs.of("mobile_resource"), key=lambda o: -(o.data.get("bytes") or 0))
    evidence = [Evidence(url=o.url, detail=T("resource", kb=f"{(o.data.get('bytes') or 0) / 1024:,.0f}",
                                             type=T.ref(o.data["type"]) if o.data.get("type") in TYPES
                                             else o.data.get("type")))
                for o in res[:5]]
    detail = T("weight", kb=f"{kb:,.0f}", page=f"{page.data.get('bytes', 0) / 1024:,.0f}", n=len(res))
    heavy = beyond(ctx, THRESHOLDS, "max_kb", kb, defects.HEAVY_PAGE, lambda _: detail)
    return judged(obs, kb, detail, evidence, heavy, at=page.url)
