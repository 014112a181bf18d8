"""text-contrast — share of inline-styled texts meeting WCAG 2.x AA contrast (色彩搭配).

Reads the ``styled_text`` entries of every completed page (text whose colour is set in
an inline style, with the nearest inline background; none = white). An entry passes at a
contrast ratio ≥ 4.5:1. Each page with an entry below it is a low_contrast finding at the
page's final URL, with the worst text as snippet and its ratio in the detail.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.site._colour import contrast_ratio, parse_colour
from govlens.indicators.base import (Evidence, Finding, IndicatorContext, IndicatorResult, PlatformObservations, R,
                                     clip, completed_pages, page_url)
from govlens.text import Messages

ID = "text-contrast"
TITLE = ("文字对比度达标率", "Text contrast")
REQUIRES = ("page",)
UNIT = "ratio"

#: WCAG 2.x success criterion 1.4.3 (AA) for normal text; the probe does not see font sizes.
MIN_RATIO = 4.5

T = Messages(ID, {
    "colours": ("文字{fg}、背景{bg}", "{fg} on {bg}"),
    "white": ("白色（默认）", "white (assumed)"),
    "low": ("文字与背景对比度{ratio}:1，低于{min}:1（{colours}）；本页共{n}处对比度不足",
            "contrast {ratio}:1 < {min}:1 ({colours}); {n} low-contrast text(s) on the page"),
    "none": ("{pages}个页面均无内联样式文字", "no inline-styled text on {pages} pages"),
    "none_unparsed": ("{pages}个页面均无可判断的内联样式文字（{unparsed}处颜色无法解析）",
                      "no inline-styled text on {pages} pages ({unparsed} with colours that cannot be resolved)"),
    "summary": ("{total}处样式文字中{n}处对比度达到{min}:1", "{n} of {total} styled texts reach {min}:1"),
})


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    pages = completed_pages(obs)
    if not pages:
        return IndicatorResult.missing(R("no_page_loaded"))
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
            colours = T.ref("colours", fg=entry.get("color"), bg=entry.get("background") or T.ref("white"))
            detail = T("low", ratio=f"{ratio:.2f}", min=MIN_RATIO, colours=colours, n=low)
            snippet = clip(entry.get("text"))
            findings.append(Finding(kind=defects.LOW_CONTRAST, url=url, detail=detail, snippet=snippet,
                                    evidence_url=url))
            evidence.append(Evidence(url=url, detail=detail, snippet=snippet))
    if judged == 0:
        return IndicatorResult.not_applicable(T("none_unparsed", pages=len(pages), unparsed=unparsed) if unparsed
                                              else T("none", pages=len(pages)))
    detail = T("summary", n=passed, total=judged, min=MIN_RATIO)
    return IndicatorResult(value=passed / judged, detail=detail, evidence=evidence[:50], findings=findings)
