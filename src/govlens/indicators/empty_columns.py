"""empty-columns — number of column list pages with no item (信息传播).

The census vetoes at 5 empty columns. Each empty column is an empty_column finding at
its URL as linked (the homepage's more_url). Which crawled pages are columns is the probe's
call: it records a column page only when it found a list or an empty-list message there.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators._freshness import (column_names, column_pages, is_empty, names_linking_to)
from govlens.indicators.base import (Evidence, Finding, IndicatorContext, IndicatorResult,
                                     PlatformObservations, clip)

ID = "empty-columns"
REQUIRES = ("page",)
UNIT = "count"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    columns = column_pages(obs)
    if not columns:
        if obs.homepage() is None:
            return IndicatorResult.missing("the homepage never loaded")
        return IndicatorResult.not_applicable("no column page was read")
    linked = names_linking_to(obs)
    findings, evidence = [], []
    for o in columns:
        if not is_empty(o):
            continue
        names = column_names(o, linked)
        name = next((n for n in names if n), "")
        detail = f"column “{clip(name, 40)}” lists no item"
        findings.append(Finding(kind=defects.EMPTY_COLUMN, url=o.url, detail=detail, snippet=clip(name, 60),
                                evidence_url=o.data.get("final_url") or o.url))
        evidence.append(Evidence(url=o.url, detail=detail))
    detail = f"{len(findings)} of {len(columns)} columns empty"
    return IndicatorResult(value=float(len(findings)), detail=detail, evidence=evidence, findings=findings)
