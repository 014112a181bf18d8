"""text-contrast — share of inline-styled texts meeting WCAG 2.x AA contrast (色彩搭配).

Reads the ``styled_text`` entries of every completed page (text whose colour is set in
an inline style, with the nearest inline background; none = white). An entry passes at a
contrast ratio ≥ 4.5:1. Each page with an entry below it is a low_contrast finding at the
page's final URL, with the worst text as snippet and its ratio in the detail.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators._colour import contrast_ratio, parse_colour
from govlens.indicators.base import (Evidence, Finding, IndicatorContext, IndicatorResult,
                                     PlatformObservations, clip, completed_pages, page_url)

ID = "text-contrast"
REQUIRES = ("page",)
UNIT = "ratio"

#: WCAG 2.x success criterion 1.4.3 (AA) for normal text; the probe does not see font sizes.
MIN_RATIO = 4.5


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    pages = completed_pages(obs)
    if not pages:
        return IndicatorResult.missing("no page loaded")
    judged = passed = unparsed = 0
    findings, evidence = [], []
    for o in pages:
        worst: tuple[float, dict] | None = None
        low = 0
        for entry in o.data.get("styled_text") or []:
            if not isinstance(entry, dict):
                continue
            fg = parse_colour(entry.get("color"))
            bg_raw = entry.get("background")
            bg = parse_colour(bg_raw) if bg_raw not in (None, "") else None
            if fg is None or (bg_raw not in (None, "") and bg is None):
                unparsed += 1
                continue
            ratio = contrast_ratio(fg, bg)
            judged += 1
            if ratio >= MIN_RATIO:
                passed += 1
                continue
            low += 1
            if worst is None or ratio < worst[0]:
                worst = (ratio, entry)
        if worst is not None:
            url = page_url(o)
            ratio, entry = worst
            colours = f"{entry.get('color')} on {entry.get('background') or 'white (assumed)'}"
            detail = f"contrast {ratio:.2f}:1 < {MIN_RATIO}:1 ({colours}); {low} low-contrast text(s) on the page"
            snippet = clip(entry.get("text"))
            findings.append(Finding(kind=defects.LOW_CONTRAST, url=url, detail=detail, snippet=snippet,
                                    evidence_url=url))
            evidence.append(Evidence(url=url, detail=detail, snippet=snippet))
    if judged == 0:
        why = f" ({unparsed} with colours that cannot be resolved)" if unparsed else ""
        return IndicatorResult.not_applicable(f"no inline-styled text on {len(pages)} pages{why}")
    detail = f"{passed} of {judged} styled texts reach {MIN_RATIO}:1"
    return IndicatorResult(value=passed / judged, detail=detail, evidence=evidence[:50], findings=findings)
