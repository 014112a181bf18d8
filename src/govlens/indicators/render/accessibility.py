"""accessibility — WCAG 2.1 A/AA violations found by axe-core on the rendered homepage (网民体验).

The value is the violated rules weighted by axe's impact (critical 10, serious 7, moderate 3,
minor 1, as Lighthouse weights its accessibility audits); 0 is clean. Each violated rule is
evidence with its node count and an example. The rules behind it follow GB/T 37668-2019, the
national accessibility standard the 2019 and later inspections refer to. No finding: the
defects it sees have their own indicators (image-alt, rendered-contrast).
"""
from __future__ import annotations

from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, clip
from govlens.text import Messages

ID = "accessibility"
TITLE = ("无障碍问题加权数", "Accessibility violations (weighted)")
REQUIRES = ("axe",)
UNIT = "count"

T = Messages(ID, {
    "none": ("未运行axe-core检查（未渲染，或BROWSER_AXE已关闭）", "no axe-core run (not rendered, or BROWSER_AXE off)"),
    "summary": ("违反{n}条WCAG 2.1 A/AA规则（加权{weight}），通过{passes}条（{engine}）", "{n} WCAG 2.1 A/AA rule(s) violated (weighted {weight}), {passes} passed ({engine})"),
    "rule": ("规则{rule}（{impact}）：{n}个元素不符合", "{rule} ({impact}): {n} element(s)"),
    "critical": ("致命", "critical"),
    "serious": ("严重", "serious"),
    "moderate": ("中等", "moderate"),
    "minor": ("轻微", "minor"),
})


IMPACT_WEIGHTS = {"critical": 10, "serious": 7, "moderate": 3, "minor": 1}


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    axe = obs.one("axe")
    if axe is None:
        return IndicatorResult.missing(T("none"))
    violations = [v for v in axe.data.get("violations") or [] if isinstance(v, dict)]
    weight = sum(IMPACT_WEIGHTS.get(str(v.get("impact")), 3) for v in violations)
    passes = len(axe.data.get("passes") or [])
    detail = T("summary", n=len(violations), weight=weight, passes=passes, engine=str(axe.data.get("engine", "axe-core")))
    evidence = [Evidence(url=axe.url, detail=T("rule", rule=v.get("id"), n=v.get("nodes"),
                                               impact=T.ref(v["impact"]) if v.get("impact") in IMPACT_WEIGHTS else "-"),
                         snippet=clip((v.get("snippets") or [""])[0]))
                for v in sorted(violations, key=lambda v: -IMPACT_WEIGHTS.get(str(v.get("impact")), 3))]
    return IndicatorResult(value=float(weight), detail=detail, evidence=evidence)
