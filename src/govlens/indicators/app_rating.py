"""app-rating — the best store rating (0–5) of the portal's app (客户端); not applicable without an app."""
from __future__ import annotations

from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations

ID = "app-rating"
REQUIRES = ("app_store",)
UNIT = "score"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    app = obs.one("app_store")
    if app is None:
        return IndicatorResult.not_applicable("no app listed in the app-store file")
    rating = app.data.get("rating")
    if rating is None:
        return IndicatorResult.missing("no rating in the app-store file")
    detail = f"{app.data.get('app_name')}: {rating} ({app.data.get('ratings') or 0} ratings) in " \
             f"{', '.join(app.data.get('stores') or [])}"
    return IndicatorResult(value=float(rating), detail=detail,
                           evidence=[Evidence(url=app.url, detail=f"{app.data.get('source')}: {detail}")])
