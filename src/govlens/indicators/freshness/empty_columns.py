"""empty-columns — number of column list pages with no item (信息传播).

The census vetoes at 5 empty columns. Each empty column is an empty_column finding at
its URL as linked (the homepage's more_url). Which crawled pages are columns is the probe's
call: it records a column page only when it found a list or an empty-list message there.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.freshness._freshness import column_names, column_pages, is_empty, names_linking_to
from govlens.indicators.base import Evidence, Finding, IndicatorContext, IndicatorResult, PlatformObservations, R, clip
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


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    columns = column_pages(obs)
    if not columns:
        if obs.homepage() is None:
            return IndicatorResult.missing(R("home_not_loaded"))
        return IndicatorResult.not_applicable(R("no_column_page"))
    linked = names_linking_to(obs)
    findings, evidence = [], []
    for o in columns:
        if not is_empty(o):
            continue
        names = column_names(o, linked)
        name = next((n for n in names if n), "")
        detail = T("empty", name=clip(name, 40))
        findings.append(Finding(kind=defects.EMPTY_COLUMN, url=o.url, detail=detail, snippet=clip(name, 60),
                                evidence_url=o.data.get("final_url") or o.url))
        evidence.append(Evidence(url=o.url, detail=detail))
    detail = T("summary", n=len(findings), total=len(columns))
    return IndicatorResult(value=float(len(findings)), detail=detail, evidence=evidence, findings=findings)
