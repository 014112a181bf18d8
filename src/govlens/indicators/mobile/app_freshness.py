"""app-freshness — days from the app's latest version to the check date (客户端).

Older than ``MOBILE_STALE_APP_DAYS`` is a ``stale_app`` finding; not applicable without an app.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.base import (R, Evidence, IndicatorContext, IndicatorResult, PlatformObservations, Threshold,
                                     Thresholds, days_since, judged, parse_date)
from govlens.text import Messages

ID = "app-freshness"
TITLE = ("客户端距最近更新", "Days since the app's last update")
REQUIRES = ("app_store",)
UNIT = "days"
UNIT_LABEL = ("天", "days")
THRESHOLDS = Thresholds(ID,
    stale_days=Threshold(365, setting="MOBILE_STALE_APP_DAYS"),  # an app not updated for longer is stale (ours)
)

T = Messages(ID, {
    "none": ("应用商店文件中无更新日期", "no update date in the app-store file"),
    "last": ("最近一次版本更新于{date}，距检查日{days}天", "last version {date}, {days} days before the check"),
    "source": ("{source}：{detail}", "{source}: {detail}"),
})



def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    app = obs.one("app_store")
    if app is None:
        return IndicatorResult.not_applicable(R("no_app_listed"))
    last = parse_date(app.data.get("last_update"))
    if last is None:
        return IndicatorResult.missing(T("none"))
    days = days_since(last, ctx.check_date)
    detail = T("last", date=last.isoformat(), days=days)
    stale = (defects.STALE_APP, detail) if days > int(THRESHOLDS(ctx, "stale_days")) else None
    return judged(obs, float(days), detail, [Evidence(url=app.url, detail=T("source", source=app.data.get("source"),
                                                                            detail=detail))], stale)
