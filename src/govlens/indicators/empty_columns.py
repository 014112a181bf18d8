"""empty-columns — number of column list pages with no item (信息传播).

The census vetoes at 5 empty columns. Each empty column is an empty_column finding at
its URL as linked (the homepage's more_url). A page without a list that the homepage does
not link as a column block and whose name says it is a mailbox, service hall, search page
or profile (``_freshness.NOT_COLUMN_WORDS``) is not a column: no list is expected there.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators._freshness import (column_names, column_pages, is_column, is_empty, more_urls,
                                           names_linking_to)
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
    linked, more = names_linking_to(obs), more_urls(obs)
    findings, evidence = [], []
    skipped = 0
    for o in columns:
        if not is_empty(o):
            continue
        names = column_names(o, linked)
        if not is_column(o, names, more):
            skipped += 1
            continue
        name = next((n for n in names if n), "")
        detail = f"column “{clip(name, 40)}” lists no item"
        findings.append(Finding(kind=defects.EMPTY_COLUMN, url=o.url, detail=detail, snippet=clip(name, 60),
                                evidence_url=o.data.get("final_url") or o.url))
        evidence.append(Evidence(url=o.url, detail=detail))
    detail = f"{len(findings)} of {len(columns) - skipped} columns empty" \
        + (f" ({skipped} service or interaction pages without a list not counted)" if skipped else "")
    return IndicatorResult(value=float(len(findings)), detail=detail, evidence=evidence, findings=findings)
