"""app-downloads — downloads of the portal's app summed over its stores (客户端); not applicable without an app."""
from __future__ import annotations

from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, R
from govlens.text import Messages

ID = "app-downloads"
TITLE = ("客户端下载量", "App downloads")
REQUIRES = ("app_store",)
UNIT = "count"
UNIT_LABEL = ("次", "")

T = Messages(ID, {
    "none": ("应用商店文件中无下载量", "no download count in the app-store file"),
    "downloads": ("在{stores}下载{n}次", "{n} downloads in {stores}"),
    "source": ("{source}：{detail}", "{source}: {detail}"),
})



def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    app = obs.one("app_store")
    if app is None:
        return IndicatorResult.not_applicable(R("no_app_listed"))
    downloads = app.data.get("downloads")
    if downloads is None:
        return IndicatorResult.missing(T("none"))
    detail = T("downloads", n=f"{int(downloads):,}", stores=", ".join(app.data.get("stores") or []) or "-")
    return IndicatorResult(value=float(downloads), detail=detail,
                           evidence=[Evidence(url=app.url, detail=T("source", source=app.data.get("source"), detail=detail))])
