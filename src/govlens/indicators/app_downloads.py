"""app-downloads — downloads of the portal's app summed over its stores (客户端); not applicable without an app."""
from __future__ import annotations

from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations

ID = "app-downloads"
REQUIRES = ("app_store",)
UNIT = "count"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    app = obs.one("app_store")
    if app is None:
        return IndicatorResult.not_applicable("no app listed in the app-store file")
    downloads = app.data.get("downloads")
    if downloads is None:
        return IndicatorResult.missing("no download count in the app-store file")
    detail = f"{int(downloads):,} downloads in {', '.join(app.data.get('stores') or [])}"
    return IndicatorResult(value=float(downloads), detail=detail,
                           evidence=[Evidence(url=app.url, detail=f"{app.data.get('source')}: {detail}")])
