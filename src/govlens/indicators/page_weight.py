"""page-weight — what the homepage downloads, in KiB (网民体验).

Bytes over the wire for every request of the desktop render (DevTools ``encodedDataLength``,
as Lighthouse's total-byte-weight counts). Above ``BROWSER_PAGE_WEIGHT_LIMIT_KIB`` (4000 KiB,
the median of Lighthouse's curve) the page is a heavy_page finding, with the heaviest
resource types. Log-normal curve in the framework.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators._render import completed, number, section
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, setting,
                                     site_finding)

ID = "page-weight"
REQUIRES = ("render",)
UNIT = "kib"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    desk, why = completed(obs, "desktop")
    if desk is None:
        return why
    net = section(desk, "network")
    total = number(net.get("transfer_bytes"))
    if total is None:
        return IndicatorResult.missing("the desktop render counted no bytes")
    kib = total / 1024
    kinds = sorted(((k, v) for k, v in (net.get("bytes_by_type") or {}).items() if isinstance(v, (int, float))),
                   key=lambda kv: -kv[1])[:3]
    split = ", ".join(f"{k} {v / 1024:,.0f} KiB" for k, v in kinds)
    detail = f"{kib:,.0f} KiB in {net.get('requests')} requests" + (f" ({split})" if split else "")
    limit = float(setting(ctx, "BROWSER_PAGE_WEIGHT_LIMIT_KIB"))
    findings = []
    if kib > limit:
        findings.append(site_finding(obs, defects.HEAVY_PAGE, f"{detail}; over {limit:,.0f} KiB",
                                     evidence_url=desk.url))
    return IndicatorResult(value=kib, detail=detail, evidence=[Evidence(url=desk.url, detail=detail)],
                           findings=findings)
