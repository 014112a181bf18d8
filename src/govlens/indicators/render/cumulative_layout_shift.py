"""cumulative-layout-shift — how much the homepage's content moves after it is shown (网民体验).

CLS as Lighthouse and Core Web Vitals define it (the largest session window of layout shifts
without recent input), desktop render. Above ``BROWSER_CLS_LIMIT`` (0.1, where Core Web
Vitals' "good" ends) the page is a layout_shift finding. Scored with a log-normal curve in the framework.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.contract.observation import Observation
from govlens.indicators.render._render import Section, performance
from govlens.indicators.base import (IndicatorContext, IndicatorResult, PlatformObservations, Threshold, Thresholds,
                                     judged, beyond)
from govlens.text import Messages

ID = "cumulative-layout-shift"
TITLE = ("累积布局偏移", "Cumulative layout shift")
REQUIRES = ("render",)
UNIT = "score"
THRESHOLDS = Thresholds(ID,
    limit=Threshold(0.1, setting="BROWSER_CLS_LIMIT"),  # above: layout_shift (Core Web Vitals' "good" ends)
)

T = Messages(ID, {
    "cls": ("累积布局偏移{value}（{shifts}次偏移）", "cumulative layout shift {value} ({shifts} shift(s))"),
    "over": ("页面布局偏移过大：{detail}；超过{limit}", "{detail}; over {limit}"),
})



@performance("cls")
def evaluate(desk: Observation, perf: Section, value: float, obs: PlatformObservations,
             ctx: IndicatorContext) -> IndicatorResult:
    detail = T("cls", value=f"{value:.3f}", shifts=perf.get("layout_shifts"))
    over = beyond(ctx, THRESHOLDS, "limit", value, defects.LAYOUT_SHIFT,
                  lambda limit: T("over", detail=detail, limit=f"{limit:g}"))
    return judged(obs, value, detail, desk.url, over)
