"""app-downloads — downloads of the portal's app summed over its stores (客户端); not applicable without an app."""
from __future__ import annotations

from typing import Any

from govlens.indicators.base import IndicatorContext
from govlens.indicators.mobile._mobile import from_app
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


@from_app("downloads", T)
def evaluate(downloads: Any, data: dict[str, Any], ctx: IndicatorContext) -> tuple[float, str, None]:
    detail = T("downloads", n=f"{int(downloads):,}", stores=", ".join(data.get("stores") or []) or "-")
    return float(downloads), detail, None
