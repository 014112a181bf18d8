"""update-volume — items dated within the 30 days before the check date (信息传播).

Counted over the homepage's lists and the column pages, each item once (by URL; by
title and date when it has none).
"""
from __future__ import annotations

from govlens.indicators.freshness._freshness import column_pages
from govlens.indicators.base import (FUTURE_TOLERANCE_DAYS, Evidence, IndicatorContext, IndicatorResult,
                                     PlatformObservations, R, completed_pages, page_url, parse_date)
from govlens.text import Messages

ID = "update-volume"
TITLE = ("近30天更新信息量", "Items published in the last 30 days")
REQUIRES = ("page",)
UNIT = "count"
UNIT_LABEL = ("条", "items")
EVIDENCE = ("近30天发布信息{value}条", "{value} items in the last 30 days")

T = Messages(ID, {
    "page": ("{n}条信息发布于{window}天内", "{n} items dated within {window} days"),
    "summary": ("{check}前{window}天内发布的信息共{n}条（去重）", "{n} distinct items dated within the {window} days before {check}"),
})


#: Days before the check date that count (the check date itself included).
WINDOW_DAYS = 30


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    homes = completed_pages(obs, "home")
    if not homes:
        return IndicatorResult.missing(R("home_not_loaded"))
    sources: list[tuple[str, list]] = []
    for home in homes:
        for block in home.data.get("lists") or []:
            if isinstance(block, dict):
                sources.append((page_url(home), block.get("items") or []))
        sources.append((page_url(home), home.data.get("items") or []))
    for col in column_pages(obs):
        sources.append((col.url, col.data.get("items") or []))
    recent: dict[str, str] = {}
    for where, items in sources:
        for it in items:
            if not isinstance(it, dict):
                continue
            d = parse_date(it.get("date"))
            if d is None:
                continue
            age = (ctx.check_date - d).days
            if -FUTURE_TOLERANCE_DAYS <= age < WINDOW_DAYS:
                key = it.get("url") or f"{it.get('title')}|{d.isoformat()}"
                recent.setdefault(key, where)
    per_page: dict[str, int] = {}
    for where in recent.values():
        per_page[where] = per_page.get(where, 0) + 1
    evidence = [Evidence(url=u, detail=T("page", n=n, window=WINDOW_DAYS)) for u, n in per_page.items()]
    detail = T("summary", n=len(recent), window=WINDOW_DAYS, check=ctx.check_date.isoformat())
    return IndicatorResult(value=float(len(recent)), detail=detail, evidence=evidence[:50])
