"""edition-freshness-gap — days the edition's newest item lags behind the Chinese site's (网站管理, series 7).

The Chinese homepage's newest dated item against the newest dated item of the main edition; an edition
updated as recently as the Chinese site scores 0. More than ``FOREIGN_STALE_GAP_DAYS`` is a
``stale_foreign_edition`` finding. An edition without any dated item counts as not updated.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.foreign_site._edition import discovery, edition_dates, newest_item, on_edition
from govlens.indicators.base import (MAX_DAYS, IndicatorContext, IndicatorResult, PlatformObservations, Threshold,
                                     Thresholds, judged, parse_date)
from govlens.text import Messages

ID = "edition-freshness-gap"
TITLE = ("外文版更新滞后中文版天数", "Days the edition lags behind the Chinese site")
REQUIRES = ("edition_discovery", "edition_page")
UNIT = "days"
EVIDENCE = ("外文版更新与中文版相差{value}天", "edition {value} days behind the Chinese site")
THRESHOLDS = Thresholds(ID,
    # newest item this many days behind the Chinese site's: stale (ours)
    gap_days=Threshold(60, setting="FOREIGN_STALE_GAP_DAYS"),
)

T = Messages(ID, {
    "no_chinese": ("中文首页无标注日期的信息可供比较", "the Chinese homepage shows no dated item to compare with"),
    "gap": ("中文网站最新{chinese}，外文版最新{edition}：外文版滞后{days}天", "Chinese site {chinese}, edition {edition}: {days} days behind"),
    "undated": ("中文网站最新{chinese}，外文版无标注日期的信息", "Chinese site {chinese}, edition without any dated item"),
})



@on_edition
def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    d = discovery(obs)
    assert d is not None
    chinese = parse_date((d.data or {}).get("chinese_newest"))
    if chinese is None:
        return IndicatorResult.missing(T("no_chinese"))
    dates = edition_dates(obs, ctx.check_date)
    limit = int(THRESHOLDS(ctx, "gap_days"))
    if dates:
        url, newest = newest_item(dates)
        gap = max(0, min(MAX_DAYS, (chinese - newest).days))
        detail = T("gap", chinese=chinese.isoformat(), edition=newest.isoformat(), days=gap)
    else:
        url, gap = (d.data or {}).get("primary") or d.url, MAX_DAYS
        detail = T("undated", chinese=chinese.isoformat())
    return judged(obs, float(gap), detail, url, (defects.STALE_FOREIGN_EDITION, detail) if gap > limit else None)
