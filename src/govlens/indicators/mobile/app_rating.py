"""app-rating — the best store rating (0–5) of the portal's app (客户端); not applicable without an app."""
from __future__ import annotations

from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, R
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



def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    app = obs.one("app_store")
    if app is None:
        return IndicatorResult.not_applicable(R("no_app_listed"))
    rating = app.data.get("rating")
    if rating is None:
        return IndicatorResult.missing(T("none"))
    detail = T("rating", app=app.data.get("app_name"), rating=rating, n=app.data.get("ratings") or 0,
               stores=", ".join(app.data.get("stores") or []) or "-")
    return IndicatorResult(value=float(rating), detail=detail,
                           evidence=[Evidence(url=app.url, detail=T("source", source=app.data.get("source"), detail=detail))])
