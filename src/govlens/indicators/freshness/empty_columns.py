"""empty-columns — number of column list pages with no item (信息传播).

The census vetoes at 5 empty columns. Each empty column is an empty_column finding at
its URL as linked (the homepage's more_url). Which crawled pages are columns is the probe's
call: it records a column page only when it found a list or an empty-list message there.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.contract.observation import Observation
from govlens.indicators.freshness._freshness import (column_count, column_flag, column_names, from_column_pages,
                                                     is_empty)
from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations, clip
from govlens.text import Messages

ID = "empty-columns"
TITLE = ("空白栏目数", "Empty columns")
REQUIRES = ("page",)
UNIT = "count"
UNIT_LABEL = ("个", "columns")

T = Messages(ID, {
    "empty": ("栏目“{name}”无内容（空白栏目）", "column “{name}” lists no item"),
    "summary": ("{total}个栏目中{n}个为空白栏目", "{n} of {total} columns empty"),
})


@from_column_pages
def evaluate(columns: list[Observation], linked: dict, obs: PlatformObservations,
             ctx: IndicatorContext) -> IndicatorResult:
    flagged = []
    for o in columns:
        if is_empty(o):
            name = next((n for n in column_names(o, linked) if n), "")
            flagged.append(column_flag(o, defects.EMPTY_COLUMN, T("empty", name=clip(name, 40)), name,
                                       evidence_snippet=False))
    return column_count([f for f, _ in flagged], [e for _, e in flagged],
                        T("summary", n=len(flagged), total=len(columns)))
