"""column-update-age — days from a featured column's newest item to the check date (信息更新).

Older than ``COLUMN_STALE_DAYS`` is a ``column_not_updated`` finding. A column whose items carry
no date counts as not updated (as the census counts an undated item). Missing when the column's
list did not load.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators._column import column_data, item_dates
from govlens.indicators.base import (MAX_DAYS, Evidence, IndicatorContext, IndicatorResult, PlatformObservations,
                                     days_since, setting, site_finding)

ID = "column-update-age"
REQUIRES = ("column",)
UNIT = "days"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    data = column_data(obs)
    if data is None:
        return IndicatorResult.missing("the column's list did not load")
    dates = item_dates(data, ctx)
    days = days_since(dates[0] if dates else None, ctx.check_date)
    newest = dates[0].isoformat() if dates else "none dated"
    detail = f"newest item {newest}, {days} days before the check" if dates else \
        f"no dated item among {data.get('items_listed', 0)} listed (counted as {MAX_DAYS} days)"
    findings = []
    limit = int(setting(ctx, "COLUMN_STALE_DAYS"))
    if days > limit:
        findings.append(site_finding(obs, defects.COLUMN_NOT_UPDATED, f"{detail} (limit {limit})"))
    return IndicatorResult(value=float(days), detail=detail, findings=findings,
                           evidence=[Evidence(url=obs.platform.url, detail=detail)])
