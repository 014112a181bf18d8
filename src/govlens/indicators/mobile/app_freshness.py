"""app-freshness — days from the app's latest version to the check date (客户端).

Older than ``MOBILE_STALE_APP_DAYS`` is a ``stale_app`` finding; not applicable without an app.
"""
from __future__ import annotations

from typing import Any

from govlens.contract import defects
from govlens.indicators.base import IndicatorContext, Threshold, Thresholds, days_since, parse_date
from govlens.indicators.mobile._mobile import from_app
from govlens.text import Messages

ID = "app-freshness"
TITLE = ("客户端距最近更新", "Days since the app's last update")
REQUIRES = ("app_store",)
UNIT = "days"
THRESHOLDS = Thresholds(ID,
    stale_days=Threshold(365, setting="MOBILE_STALE_APP_DAYS"),  # an app not updated for longer is stale (ours)
)

T = Messages(ID, {
    "none": ("应用商店文件中无更新日期", "no update date in the app-store file"),
    "last": ("最近一次版本更新于{date}，距检查日{days}天", "last version {date}, {days} days before the check"),
    "source": ("{source}：{detail}", "{source}: {detail}"),
})


@from_app("last_update", T)
def evaluate(raw: Any, data: dict[str, Any], ctx: IndicatorContext) -> tuple[float, str, tuple[str, str] | None] | None:
    last = parse_date(raw)
    if last is None:
        return None
    days = days_since(last, ctx.check_date)
    detail = T("last", date=last.isoformat(), days=days)
    return float(days), detail, (defects.STALE_APP, detail) if days > int(THRESHOLDS(ctx, "stale_days")) else None
