"""portal-parts — share of the standard parts of a government portal a visitor sees (版面布局).

From the desktop render, on what is *visible* (hidden parts do not count): header with the
emblem or the site's name, navigation row, news, notices, open government (政务公开),
services (政务服务), interaction (互动交流), and the footer's sponsor (主办单位), ICP
number and 政府网站标识码 (the site identification code required since 2015), plus an
accessible / elderly mode entry. A missing part of :data:`REQUIRED` is a
missing_portal_parts finding naming the parts.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators._render import completed, section
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, site_finding

ID = "portal-parts"
REQUIRES = ("render",)
UNIT = "ratio"

#: Parts every portal must show; ``notices`` and ``accessible_mode`` count in the share only.
REQUIRED = ("header", "navigation", "news", "open_government", "services", "interaction",
            "footer_sponsor", "footer_icp", "footer_site_code")


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    desk, why = completed(obs, "desktop")
    if desk is None:
        return why
    parts = section(desk, "layout").get("parts")
    if not isinstance(parts, dict) or not parts:
        return IndicatorResult.missing("the desktop render recorded no portal parts")
    shown = [p for p, v in parts.items() if v]
    absent = [p for p, v in parts.items() if not v]
    detail = f"{len(shown)} of {len(parts)} portal parts visible" + (f"; not shown: {', '.join(absent)}" if absent else "")
    evidence = [Evidence(url=desk.url, detail=f"{p}: {'shown' if v else 'not shown'}") for p, v in parts.items()]
    missing_required = [p for p in REQUIRED if parts.get(p) is False]
    findings = []
    if missing_required:
        findings.append(site_finding(obs, defects.MISSING_PORTAL_PARTS,
                                     f"required parts not shown: {', '.join(missing_required)}",
                                     evidence_url=desk.url))
    return IndicatorResult(value=len(shown) / len(parts), detail=detail, evidence=evidence, findings=findings)
