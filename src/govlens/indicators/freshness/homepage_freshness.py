"""homepage-freshness — days from the newest dated homepage item to the check date (信息传播).

The newest date among the items of the homepage's lists; when none carries a date, any
full date the homepage shows (its items, link texts); a navigation-only homepage (no list
item at all) is judged by its column pages, as the census does. Older than
``FRESHNESS_HOMEPAGE_DAYS``, or no dated item at all ("an item with no date counts as not
updated", value = MAX_DAYS), is a stale_homepage finding.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.freshness._freshness import column_pages, year_source
from govlens.indicators.base import (MAX_DAYS, R, Evidence, IndicatorContext, IndicatorResult, PlatformObservations,
                                     Threshold, Thresholds, clip, dates_in_text, days_since, page_url, parse_date,
                                     site_finding, usable_dates)
from govlens.text import Messages

ID = "homepage-freshness"
TITLE = ("首页更新间隔", "Days since the last homepage update")
REQUIRES = ("page",)
UNIT = "days"
EVIDENCE = ("首页最新信息距检测日{value}天", "newest homepage item {value} days before the check")
THRESHOLDS = Thresholds(ID,
    days=Threshold(setting="FRESHNESS_HOMEPAGE_DAYS"),  # census: no new homepage item for 2 weeks
)

T = Messages(ID, {
    "inferred": ("{text}，年份据{source}推断", "{text}, year inferred from {source}"),
    "inferred_bare": ("年份据{source}推断", "year inferred from {source}"),
    "list": ("列表“{title}”", "list “{title}”"),
    "item": ("首页信息", "homepage item"),
    "link": ("首页链接文字", "homepage link text"),
    "column": ("栏目{url}", "column {url}"),
    "src_lists": ("首页列表", "homepage lists"),
    "src_other": ("首页上的其他日期", "other dates on the homepage"),
    "src_columns": ("栏目页（首页仅有导航）", "column pages (navigation-only homepage)"),
    "undated": ("首页无标注日期的信息（共{n}条），视为未更新", "no dated item on the homepage ({n} items): counts as not updated"),
    "newest": ("最新信息发布于{date}（距检查日{check}已{days}天；取自{source}）",
               "newest item {date} ({days} days before {check}; from {source})"),
    "no_year": ("{detail}；该条未标年份（{shown}）", "{detail}; shown without a year ({shown})"),
    "evidence": ("{where}：{date}", "{where}: {date}"),
    "evidence_shown": ("{where}：{date}（页面显示为{shown}）", "{where}: {date} (shown as {shown})"),
    "stale": ("首页栏目超过{limit}天未更新：{detail}", "{detail}; older than {limit} days"),
})


def shown(item: dict) -> str:
    """How the item showed its date, and whether its year is only inferred (a year-less ``[12-08]``)."""
    text = str(item.get("date_text") or "")
    if item.get("year_inferred"):
        source = year_source(item.get("year_source"))
        return T.ref("inferred", text=text, source=source) if text else T.ref("inferred_bare", source=source)
    return text


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    home = obs.homepage()
    if home is None:
        return IndicatorResult.missing(R("home_not_loaded"))
    url = page_url(home)
    check = ctx.check_date
    data = home.data
    # (date, where, title, item url)
    dated: list[tuple] = []
    n_items = 0
    for block in data.get("lists") or []:
        if not isinstance(block, dict):
            continue
        for it in block.get("items") or []:
            if not isinstance(it, dict):
                continue
            n_items += 1
            d = parse_date(it.get("date"))
            if d is not None:
                where = T.ref("list", title=clip(block["title"], 30)) if block.get("title") else T.ref("src_lists")
                dated.append((d, where, it.get("title"), it.get("url") or url,
                              shown(it)))
    source = "src_lists"
    if not usable_dates((d for d, *_ in dated), check):
        for it in data.get("items") or []:
            if isinstance(it, dict):
                n_items += 1
                d = parse_date(it.get("date"))
                if d is not None:
                    dated.append((d, T.ref("item"), it.get("title"), it.get("url") or url, shown(it)))
        for link in data.get("links") or []:
            if isinstance(link, dict):
                for d in dates_in_text(link.get("text")):
                    dated.append((d, T.ref("link"), link.get("text"), link.get("url") or url, ""))
        source = "src_other"
    if not usable_dates((d for d, *_ in dated), check) and n_items == 0:
        for col in column_pages(obs):
            for it in col.data.get("items") or []:
                d = parse_date(it.get("date")) if isinstance(it, dict) else None
                if d is not None:
                    dated.append((d, T.ref("column", url=col.url), it.get("title"), it.get("url") or col.url,
                                  shown(it)))
        source = "src_columns"
    usable = set(usable_dates((d for d, *_ in dated), check))
    dated = [t for t in dated if t[0] in usable]
    limit = int(THRESHOLDS(ctx, "days"))
    if not dated:
        detail = T("undated", n=n_items)
        return IndicatorResult(value=float(MAX_DAYS), detail=detail, evidence=[Evidence(url=url, detail=detail)],
                               findings=[site_finding(obs, defects.STALE_HOMEPAGE, detail, evidence_url=url)])
    newest = max(dated, key=lambda t: t[0])
    days = days_since(newest[0], check)
    detail = T("newest", date=newest[0].isoformat(), days=days, check=check.isoformat(), source=T.ref(source))
    if "homepage-freshness.inferred" in (newest[4] or ""):
        detail = T("no_year", detail=detail, shown=newest[4])
    evidence = [Evidence(url=newest[3], detail=T("evidence_shown", where=newest[1], date=newest[0].isoformat(),
                                                 shown=newest[4]) if newest[4]
                         else T("evidence", where=newest[1], date=newest[0].isoformat()), snippet=clip(newest[2]))]
    findings = []
    if days > limit:
        findings.append(site_finding(obs, defects.STALE_HOMEPAGE, T("stale", detail=detail, limit=limit),
                                     snippet=clip(newest[2]), evidence_url=url))
    return IndicatorResult(value=float(days), detail=detail, evidence=evidence, findings=findings)
