"""homepage-freshness — days from the newest dated homepage item to the check date (信息传播).

The newest date among the items of the homepage's lists; when none carries a date, any
full date the homepage shows (its items, link texts); a navigation-only homepage (no list
item at all) is judged by its column pages, as the census does. Older than
``FRESHNESS_HOMEPAGE_DAYS``, or no dated item at all ("an item with no date counts as not
updated", value = MAX_DAYS), is a stale_homepage finding.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators._freshness import column_pages
from govlens.indicators.base import (MAX_DAYS, Evidence, IndicatorContext, IndicatorResult,
                                     PlatformObservations, clip, dates_in_text, days_since, page_url,
                                     parse_date, setting, site_finding, usable_dates)

ID = "homepage-freshness"
REQUIRES = ("page",)
UNIT = "days"


def shown(item: dict) -> str:
    """How the item showed its date, and whether its year is only inferred (a year-less ``[12-08]``)."""
    text = str(item.get("date_text") or "")
    if item.get("year_inferred"):
        return f"{text}, year inferred from {item.get('year_source') or 'the check date'}".lstrip(", ")
    return text


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    home = obs.homepage()
    if home is None:
        return IndicatorResult.missing("the homepage never loaded")
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
                dated.append((d, f"list “{clip(block.get('title'), 30)}”", it.get("title"), it.get("url") or url,
                              shown(it)))
    source = "homepage lists"
    if not usable_dates((d for d, *_ in dated), check):
        for it in data.get("items") or []:
            if isinstance(it, dict):
                n_items += 1
                d = parse_date(it.get("date"))
                if d is not None:
                    dated.append((d, "homepage item", it.get("title"), it.get("url") or url, shown(it)))
        for link in data.get("links") or []:
            if isinstance(link, dict):
                for d in dates_in_text(link.get("text")):
                    dated.append((d, "homepage link text", link.get("text"), link.get("url") or url, ""))
        source = "other dates on the homepage"
    if not usable_dates((d for d, *_ in dated), check) and n_items == 0:
        for col in column_pages(obs):
            for it in col.data.get("items") or []:
                d = parse_date(it.get("date")) if isinstance(it, dict) else None
                if d is not None:
                    dated.append((d, f"column {col.url}", it.get("title"), it.get("url") or col.url,
                                  shown(it)))
        source = "column pages (navigation-only homepage)"
    usable = set(usable_dates((d for d, *_ in dated), check))
    dated = [t for t in dated if t[0] in usable]
    limit = int(setting(ctx, "FRESHNESS_HOMEPAGE_DAYS"))
    if not dated:
        detail = f"no dated item on the homepage ({n_items} items): counts as not updated"
        return IndicatorResult(value=float(MAX_DAYS), detail=detail, evidence=[Evidence(url=url, detail=detail)],
                               findings=[site_finding(obs, defects.STALE_HOMEPAGE, detail, evidence_url=url)])
    newest = max(dated, key=lambda t: t[0])
    days = days_since(newest[0], check)
    detail = f"newest item {newest[0].isoformat()} ({days} days before {check.isoformat()}; from {source})"
    if "year inferred" in (newest[4] or ""):
        detail += f"; shown without a year ({newest[4]})"
    evidence = [Evidence(url=newest[3], detail=f"{newest[1]}: {newest[0].isoformat()}"
                         + (f" (shown as {newest[4]})" if newest[4] else ""), snippet=clip(newest[2]))]
    findings = []
    if days > limit:
        findings.append(site_finding(obs, defects.STALE_HOMEPAGE, detail + f"; older than {limit} days",
                                     snippet=clip(newest[2]), evidence_url=url))
    return IndicatorResult(value=float(days), detail=detail, evidence=evidence, findings=findings)
