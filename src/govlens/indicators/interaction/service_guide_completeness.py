"""service-guide-completeness — share of the eight key elements the site's 办事指南 state (办事服务).

The 2019 indicators ask every service guide for 依据, 条件, 材料, 流程, 时限, 收费, 地点 and
电话. The value is the mean share over the guides read; each guide missing an element is an
``incomplete_service_guide`` finding naming what it lacks. Not applicable when the site
links no 办事指南.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.contract.observation import COMPLETED
from govlens.indicators.base import Evidence, Finding, IndicatorContext, IndicatorResult, PlatformObservations, clip
from govlens.text import Messages

ID = "service-guide-completeness"
TITLE = ("办事指南要素完整度", "Service guide completeness")
REQUIRES = ("service_guide",)
UNIT = "ratio"
ROLE = "services"            # not applicable: a department with no services (the inspection's other variant)

T = Messages(ID, {
    "none": ("未读取到办事指南页面", "no 办事指南 page was read"),
    "lacks": ("办事指南要素不全，缺少：{missing}", "the service guide lacks: {missing}"),
    "summary": ("{total}个办事指南中{n}个要素齐全（八要素）", "{n} of {total} service guides state all eight elements"),
})


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    guides = [o for o in obs.of("service_guide") if o.status == COMPLETED and (o.data or {}).get("elements")]
    if not guides:
        return IndicatorResult.not_applicable(T("none"))
    shares, evidence, findings = [], [], []
    for o in guides:
        elements = o.data["elements"]
        missing = [k for k, v in elements.items() if not v]
        shares.append(1 - len(missing) / len(elements))
        if missing:
            detail = T("lacks", missing="、".join(missing))
            evidence.append(Evidence(url=o.url, detail=detail, snippet=clip(o.data.get("title"), 80)))
            findings.append(Finding(kind=defects.INCOMPLETE_SERVICE_GUIDE, url=o.url, detail=detail,
                                    snippet=clip(o.data.get("title"), 80), evidence_url=o.url))
    value = sum(shares) / len(shares)
    return IndicatorResult(value=round(value, 4), evidence=evidence, findings=findings,
                           detail=T("summary", n=len(guides) - len(findings), total=len(guides)))
