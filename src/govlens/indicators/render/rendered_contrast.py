"""rendered-contrast — share of the homepage's text meeting WCAG AA contrast as rendered (色彩搭配).

From the desktop render: every visible text's computed colour against the background painted
behind it, after the stylesheet cascade (4.5:1, or 3:1 for large text), weighted by
characters. The finding is axe-core's: a ``color-contrast`` violation on the page is a
rendered_low_contrast finding (without an axe run, any failing text is).
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.contract.observation import Observation
from govlens.indicators.render._render import Section, contrast_violation, reads
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, clip,
                                     site_finding)
from govlens.text import Messages

ID = "rendered-contrast"
TITLE = ("呈现文字对比度达标率", "Rendered text contrast")
REQUIRES = ("render",)
UNIT = "ratio"

T = Messages(ID, {
    "no_colours": ("桌面端渲染未记录文字颜色", "the desktop render recorded no text colours"),
    "no_background": ("没有已知背景色的文字", "no text with a known background"),
    "share": ("{total}个字符中{n}个达到WCAG AA对比度要求（{pct}%）", "{n} of {total} characters reach WCAG AA ({pct}%)"),
    "lowest": ("最低对比度{ratio}:1，文字{fg}、背景{bg}", "lowest {ratio}:1, {fg} on {bg}"),
    "axe": ("axe-core色彩对比度检查：{n}个元素低于WCAG AA要求", "axe-core color-contrast: {n} element(s) under WCAG AA"),
})


@reads("desktop", "colour", "judged_chars", "passing_chars", none=T("no_colours"), zero=T("no_background"))
def evaluate(desk: Observation, colour: Section, judged: float, passing: float, obs: PlatformObservations,
             ctx: IndicatorContext) -> IndicatorResult:
    share = passing / judged
    worst = colour.get("worst") if isinstance(colour.get("worst"), dict) else None
    detail = T("share", n=round(passing), total=round(judged), pct=round(share * 100, 1))
    evidence = [Evidence(url=desk.url, detail=detail)]
    if worst:
        evidence.append(Evidence(url=desk.url, detail=T("lowest", ratio=worst.get("ratio"), fg=worst.get("color"),
                                                        bg=worst.get("background")), snippet=clip(worst.get("text"))))
    axe = obs.one("axe")
    findings = []
    if axe is not None:
        rule = contrast_violation(axe)
        if rule is not None:
            snippet = clip((rule.get("snippets") or [""])[0])
            findings.append(site_finding(obs, defects.RENDERED_LOW_CONTRAST,
                                         T("axe", n=rule.get("nodes")),
                                         snippet=snippet, evidence_url=desk.url))
    elif passing < judged and worst:
        findings.append(site_finding(obs, defects.RENDERED_LOW_CONTRAST, detail, snippet=clip(worst.get("text")),
                                     evidence_url=desk.url))
    return IndicatorResult(value=share, detail=detail, evidence=evidence, findings=findings)
