"""app-freshness — days from the app's latest version to the check date (客户端).

Older than ``MOBILE_STALE_APP_DAYS`` is a ``stale_app`` finding; not applicable without an app.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, days_since,
                                     parse_date, setting, site_finding)

ID = "app-freshness"
REQUIRES = ("app_store",)
UNIT = "days"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    app = obs.one("app_store")
    if app is None:
        return IndicatorResult.not_applicable("no app listed in the app-store file")
    last = parse_date(app.data.get("last_update"))
    if last is None:
        return IndicatorResult.missing("no update date in the app-store file")
    days = days_since(last, ctx.check_date)
    detail = f"last version {last.isoformat()}, {days} days before the check"
    findings = []
    if days > int(setting(ctx, "MOBILE_STALE_APP_DAYS")):
        findings.append(site_finding(obs, defects.STALE_APP, detail))
    return IndicatorResult(value=float(days), detail=detail, findings=findings,
                           evidence=[Evidence(url=app.url, detail=f"{app.data.get('source')}: {detail}")])
