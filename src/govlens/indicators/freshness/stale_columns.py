"""stale-columns — number of column list pages not updated within their window (信息传播).

A column's class comes from its name (its own column_title, else the homepage list
title or link text that led to it): news (动态/要闻/新闻/快讯/图片) must update within
``FRESHNESS_NEWS_DAYS``, notices and policy (通知/公告/公示/政策/文件/解读/人事) within
``FRESHNESS_NOTICE_DAYS``, any other column within ``FRESHNESS_OTHER_DAYS``. A column whose
items carry no date counts as not updated; an empty column is not stale, it is empty
(see empty-columns). Each stale column is a stale_column finding at its URL as linked.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.contract.observation import Observation
from govlens.indicators.freshness._freshness import (WINDOW, classify, column_count, column_flag, column_names,
                                                     from_column_pages, is_empty, year_source)
from govlens.indicators.base import (IndicatorContext, IndicatorResult, PlatformObservations, Threshold, Thresholds,
                                     clip, days_since, item_dates, usable_dates)
from govlens.text import Messages

ID = "stale-columns"
TITLE = ("未按期更新栏目数", "Columns not updated")
REQUIRES = ("page",)
UNIT = "count"
UNIT_LABEL = ("个", "columns")
THRESHOLDS = Thresholds(ID,
    news_days=Threshold(setting="FRESHNESS_NEWS_DAYS"),  # census: news columns, 2 weeks
    notice_days=Threshold(setting="FRESHNESS_NOTICE_DAYS"),  # census: notices and policy documents, 6 months
    other_days=Threshold(setting="FRESHNESS_OTHER_DAYS"),  # ours: columns that are neither
)

T = Messages(ID, {
    "finding": ("{cls}栏目“{name}”超过{window}天未更新：{seen}", "{cls} column “{name}” not updated within {window} days: {seen}"),
    "newest": ("最新信息发布于{date}，距检查日{days}天", "newest item {date}, {days} days old"),
    "undated": ("信息均未标注日期", "no item carries a date"),
    "guessed": ("{seen}（该条未标年份，年份据{source}推断）", "{seen} (shown without a year; year inferred from {source})"),
    "summary": ("{judged}个非空栏目中{n}个未按时更新", "{n} of {judged} non-empty columns not updated within their window"),
    "news": ("动态要闻类", "news"),
    "notice": ("通知公告、政策文件类", "notice"),
    "other": ("其他", "other"),
})


@from_column_pages
def evaluate(columns: list[Observation], linked: dict, obs: PlatformObservations,
             ctx: IndicatorContext) -> IndicatorResult:
    findings, evidence = [], []
    judged = 0
    for o in columns:
        if is_empty(o):
            continue
        names = column_names(o, linked)
        judged += 1
        cls, name = classify(names, o.data.get("final_url") or o.url)
        window = int(THRESHOLDS(ctx, WINDOW[cls]))
        dates = usable_dates(item_dates(o.data.get("items")), ctx.check_date)
        newest = max(dates) if dates else None
        days = days_since(newest, ctx.check_date)
        if newest is not None and days <= window:
            continue
        seen = T.ref("newest", date=newest.isoformat(), days=days) if newest else T.ref("undated")
        guessed = [it for it in o.data.get("items") or [] if isinstance(it, dict) and it.get("year_inferred")
                   and newest is not None and it.get("date") == newest.isoformat()]
        if guessed:
            seen = T.ref("guessed", seen=seen, source=year_source(guessed[0].get("year_source")))
        detail = T("finding", cls=T.ref(cls), name=clip(name, 40), seen=seen, window=window)
        finding, said = column_flag(o, defects.STALE_COLUMN, detail, name, evidence_snippet=True)
        findings.append(finding)
        evidence.append(said)
    return column_count(findings, evidence, T("summary", n=len(findings), judged=judged))
