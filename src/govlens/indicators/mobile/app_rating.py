"""app-rating — the best store rating (0–5) of the portal's app (客户端); not applicable without an app."""
from __future__ import annotations

from typing import Any

from govlens.indicators.base import IndicatorContext
from govlens.indicators.mobile._mobile import from_app
from govlens.text import Messages

ID = "app-rating"
TITLE = ("客户端评分", "App rating")
REQUIRES = ("app_store",)
UNIT = "score"
UNIT_LABEL = ("分", "")

T = Messages(ID, {
    "none": ("应用商店文件中无评分", "no rating in the app-store file"),
    "rating": ("{app}：在{stores}评分{rating}（{n}人评分）", "{app}: {rating} ({n} ratings) in {stores}"),
    "source": ("{source}：{detail}", "{source}: {detail}"),
})


@from_app("rating", T)
def evaluate(rating: Any, data: dict[str, Any], ctx: IndicatorContext) -> tuple[float, str, None]:
    detail = T("rating", app=data.get("app_name"), rating=rating, n=data.get("ratings") or 0,
               stores=", ".join(data.get("stores") or []) or "-")
    return float(rating), detail, None
