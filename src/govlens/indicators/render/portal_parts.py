"""portal-parts — share of the standard parts of a government portal a visitor sees (版面布局).

From the desktop render, on what is *visible* (hidden parts do not count): header with the
emblem or the site's name, navigation row, news, notices, open government (政务公开),
services (政务服务), interaction (互动交流), and the footer's sponsor (主办单位), ICP
number and 政府网站标识码 (the site identification code required since 2015), plus an
accessible / elderly mode entry. A missing part of :data:`REQUIRED` is a
missing_portal_parts finding naming the parts.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.contract.observation import Observation
from govlens.indicators.render._render import Section, reads
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, joined,
                                     site_finding)
from govlens.text import Messages

ID = "portal-parts"
TITLE = ("门户组成部分可见率", "Portal parts shown")
REQUIRES = ("render",)
UNIT = "ratio"

T = Messages(ID, {
    "none": ("桌面端渲染未记录门户组成部分", "the desktop render recorded no portal parts"),
    "share": ("{total}个门户组成部分中显示{n}个", "{n} of {total} portal parts visible"),
    "share_absent": ("{total}个门户组成部分中显示{n}个；未显示：{absent}", "{n} of {total} portal parts visible; not shown: {absent}"),
    "shown": ("{part}：已显示", "{part}: shown"),
    "not_shown": ("{part}：未显示", "{part}: not shown"),
    "required": ("首页缺少必备栏目或要素：{parts}", "required parts not shown: {parts}"),
    "p_header": ("页头", "header"),
    "p_navigation": ("导航", "navigation"),
    "p_news": ("要闻动态", "news"),
    "p_notices": ("通知公告", "notices"),
    "p_open_government": ("政务公开", "open government"),
    "p_services": ("办事服务", "services"),
    "p_interaction": ("互动交流", "interaction"),
    "p_footer_sponsor": ("页脚主办单位", "footer sponsor"),
    "p_footer_icp": ("页脚ICP备案编号", "footer ICP number"),
    "p_footer_site_code": ("页脚网站标识码", "footer site code"),
    "p_accessible_mode": ("无障碍模式入口", "accessible mode entry"),
})


#: Parts every portal must show; ``notices`` and ``accessible_mode`` count in the share only.
REQUIRED = ("header", "navigation", "news", "open_government", "services", "interaction",
            "footer_sponsor", "footer_icp", "footer_site_code")


def _part(name: str) -> str:
    return T.ref("p_" + name) if "p_" + name in T.names else name


@reads("desktop", "layout")
def evaluate(desk: Observation, layout: Section, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    parts = layout.get("parts")
    if not isinstance(parts, dict) or not parts:
        return IndicatorResult.missing(T("none"))
    shown = [p for p, v in parts.items() if v]
    absent = [p for p, v in parts.items() if not v]
    detail = (T("share_absent", n=len(shown), total=len(parts), absent=joined(_part(p) for p in absent)) if absent
              else T("share", n=len(shown), total=len(parts)))
    evidence = [Evidence(url=desk.url, detail=T("shown" if v else "not_shown", part=_part(p))) for p, v in parts.items()]
    missing_required = [p for p in REQUIRED if parts.get(p) is False]
    findings = []
    if missing_required:
        findings.append(site_finding(obs, defects.MISSING_PORTAL_PARTS,
                                     T("required", parts=joined(_part(p) for p in missing_required)),
                                     evidence_url=desk.url))
    return IndicatorResult(value=len(shown) / len(parts), detail=detail, evidence=evidence, findings=findings)
