"""site-search — does the homepage offer a site-search form (网民体验)? 1 or 0."""
from __future__ import annotations

from govlens.contract import defects
from govlens.contract.observation import Observation
from govlens.indicators.site._site import on_homepage
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, judged, page_url
from govlens.text import Messages

ID = "site-search"
TITLE = ("站内搜索", "Site search")
REQUIRES = ("page",)
UNIT = "bool"

T = Messages(ID, {
    "formless": ("搜索框未使用表单（由脚本驱动），输入框{input}", "search box without a form (script-driven), input {input}"),
    "form": ("搜索表单：{method} {action}，输入项{inputs}", "search form: {method} {action} inputs {inputs}"),
    "found": ("首页有{n}个站内搜索表单", "{n} site-search form(s) on the homepage"),
    "none": ("首页未提供站内搜索", "no site-search form on the homepage"),
})


@on_homepage
def evaluate(home: Observation, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    url = page_url(home)
    forms = home.data.get("search_forms") or []
    if forms:
        f = forms[0]
        if f.get("formless"):
            seen = T("formless", input=str(f.get("query_input") or "?"))
        else:
            seen = T("form", method=str(f.get("method") or "get").upper(), action=str(f.get("action") or url),
                     inputs=", ".join(str(i) for i in f.get("inputs") or []) or "-")
        return judged(obs, 1.0, T("found", n=len(forms)), [Evidence(url=url, detail=seen)])
    detail = T("none")
    return judged(obs, 0.0, detail, url, (defects.NO_SITE_SEARCH, detail))
