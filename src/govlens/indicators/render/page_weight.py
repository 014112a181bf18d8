"""page-weight — what the homepage downloads, in KiB (网民体验).

Bytes over the wire for every request of the desktop render (DevTools ``encodedDataLength``,
as Lighthouse's total-byte-weight counts). Above ``BROWSER_PAGE_WEIGHT_LIMIT_KIB`` (4000 KiB,
the median of Lighthouse's curve) the page is a heavy_page finding, with the heaviest
resource types. Log-normal curve in the framework.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.contract.observation import Observation
from govlens.indicators.render._render import Section, reads
from govlens.indicators.base import (IndicatorContext, IndicatorResult, PlatformObservations, Threshold, Thresholds,
                                     joined, judged, beyond)
from govlens.text import Messages

ID = "page-weight"
TITLE = ("首页传输量", "Homepage weight")
REQUIRES = ("render",)
UNIT = "kib"
THRESHOLDS = Thresholds(ID,
    # transfer above: heavy_page (Lighthouse median)
    limit_kib=Threshold(4000, setting="BROWSER_PAGE_WEIGHT_LIMIT_KIB"),
)

T = Messages(ID, {
    "no_bytes": ("桌面端渲染未统计到传输字节数", "the desktop render counted no bytes"),
    "part": ("{type} {kib} KiB", "{type} {kib} KiB"),
    "summary": ("首页共{n}个请求，传输{kib} KiB", "{kib} KiB in {n} requests"),
    "summary_split": ("首页共{n}个请求，传输{kib} KiB（{split}）", "{kib} KiB in {n} requests ({split})"),
    "heavy": ("首页过大：{detail}；超过{limit} KiB", "{detail}; over {limit} KiB"),
    "document": ("网页", "document"), "image": ("图片", "image"), "stylesheet": ("样式表", "stylesheet"),
    "script": ("脚本", "script"), "font": ("字体", "font"), "media": ("音视频", "media"),
    "fetch": ("数据请求", "fetch"), "xhr": ("数据请求", "xhr"), "other": ("其他", "other"),
})


@reads("desktop", "network", "transfer_bytes", none=T("no_bytes"))
def evaluate(desk: Observation, net: Section, total: float, obs: PlatformObservations,
             ctx: IndicatorContext) -> IndicatorResult:
    kib = total / 1024
    kinds = sorted(((k, v) for k, v in (net.get("bytes_by_type") or {}).items() if isinstance(v, (int, float))),
                   key=lambda kv: -kv[1])[:3]
    split = joined(T.ref("part", type=T.ref(k) if k in T.names else str(k), kib=f"{v / 1024:,.0f}")
                   for k, v in kinds)
    detail = (T("summary_split", kib=f"{kib:,.0f}", n=net.get("requests"), split=split) if split
              else T("summary", kib=f"{kib:,.0f}", n=net.get("requests")))
    heavy = beyond(ctx, THRESHOLDS, "limit_kib", kib, defects.HEAVY_PAGE,
                   lambda limit: T("heavy", detail=detail, limit=f"{limit:,.0f}"))
    return judged(obs, kib, detail, desk.url, heavy)
