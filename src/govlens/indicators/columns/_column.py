"""What the featured-column indicators share: the ``column`` observation and its dated items."""
from __future__ import annotations

from datetime import date
from typing import Any

from govlens.indicators.base import R, IndicatorContext, PlatformObservations, parse_date, usable_dates
from govlens.indicators._given import given
from govlens.text import Messages

T = Messages("column", {
    "stated": ("页面所述", "stated"),
    "counted": ("按结果列表计数", "counted"),
})


def count_source(source: object) -> str:
    """How a result count was read (``stated`` by the page, or ``counted`` from its list), as a message."""
    return T.ref(str(source)) if source in T.names else "-"


def column_data(obs: PlatformObservations) -> dict[str, Any] | None:
    """The payload of the column's observation when its list loaded, else None."""
    o = obs.one("column")
    if o is None or o.status != "completed":
        return None
    return o.data or {}


from_column = given(column_data, R("column_not_loaded"))   # @from_column: missing when the list did not load


def item_dates(data: dict[str, Any], ctx: IndicatorContext) -> list[date]:
    """Usable dates of the listed items, newest first."""
    dates = usable_dates([parse_date(it.get("date")) for it in data.get("items") or []], ctx.check_date)
    return sorted(dates, reverse=True)
