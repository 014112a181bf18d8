"""stale-columns — number of column list pages not updated within their window (信息传播).

A column's class comes from its name (its own column_title, else the homepage list
title or link text that led to it): news (动态/要闻/新闻/快讯/图片) must update within
``FRESHNESS_NEWS_DAYS``, notices and policy (通知/公告/公示/政策/文件/解读/人事) within
``FRESHNESS_NOTICE_DAYS``, any other column within ``FRESHNESS_OTHER_DAYS``. A column whose
items carry no date counts as not updated; an empty column is not stale, it is empty
(see empty-columns). Each stale column is a stale_column finding at its URL as linked.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators._freshness import (classify, column_names, column_pages, is_empty,
                                           names_linking_to, window_days)
from govlens.indicators.base import (Evidence, Finding, IndicatorContext, IndicatorResult,
                                     PlatformObservations, clip, days_since, item_dates, usable_dates)

ID = "stale-columns"
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
    judged = 0
    for o in columns:
        if is_empty(o):
            continue
        names = column_names(o, linked)
        judged += 1
        cls, name = classify(names, o.data.get("final_url") or o.url)
        window = window_days(cls, ctx)
        dates = usable_dates(item_dates(o.data.get("items")), ctx.check_date)
        newest = max(dates) if dates else None
        days = days_since(newest, ctx.check_date)
        if newest is not None and days <= window:
            continue
        seen = (f"newest item {newest.isoformat()}, {days} days old" if newest else "no item carries a date")
        guessed = [it for it in o.data.get("items") or [] if isinstance(it, dict) and it.get("year_inferred")
                   and newest is not None and it.get("date") == newest.isoformat()]
        if guessed:
            seen += f" (shown without a year; year inferred from {guessed[0].get('year_source') or 'the check date'})"
        detail = f"{cls} column “{clip(name, 40)}”: {seen}; window {window} days"
        findings.append(Finding(kind=defects.STALE_COLUMN, url=o.url, detail=detail, snippet=clip(name, 60),
                                evidence_url=o.data.get("final_url") or o.url))
        evidence.append(Evidence(url=o.url, detail=detail, snippet=clip(name, 60)))
    detail = f"{len(findings)} of {judged} non-empty columns not updated within their window"
    return IndicatorResult(value=float(len(findings)), detail=detail, evidence=evidence, findings=findings)
