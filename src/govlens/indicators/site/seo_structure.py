"""seo-structure — share of the structure search engines read that the homepage gets right (搜索引擎).

Four checks, each worth a quarter: exactly one ``<h1>``; a canonical URL
(``<link rel=canonical>``); links crawlable (at most 5 % of the anchors are ``javascript:``
links); the page's language declared (``<html lang>``). Title, description and keywords
are ``page-metadata``'s.
"""
from __future__ import annotations

from govlens.contract.observation import Observation
from govlens.indicators.site._site import on_homepage
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, R, page_url
from govlens.text import Messages

ID = "seo-structure"
TITLE = ("页面结构规范度", "Page structure for search engines")
REQUIRES = ("page",)
UNIT = "ratio"

T = Messages(ID, {
    "ok": ("{check} ✓", "{check} ✓"),
    "bad": ("{check} ✗", "{check} ✗"),
    "summary": ("{total}项中符合{n}项：{checks}", "{n} of {total}: {checks}"),
    "all": ("四项均符合", "all four present"),
    "seen": ("h1 × {h1}，canonical {canonical}，{total}个链接中{js}个为javascript:链接，lang {lang}", "h1 × {h1}, canonical {canonical}, {js} javascript: links of {total}, lang {lang}"),
    "none": ("无", "none"),
    "c_h1": ("有且仅有一个<h1>", "one <h1>"),
    "c_canonical": ("规范网址（canonical）", "canonical URL"),
    "c_crawlable": ("链接可被抓取", "crawlable links"),
    "c_lang": ("声明页面语言", "language declared"),
})

MAX_JS_LINK_SHARE = 0.05


@on_homepage
def evaluate(home: Observation, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    data = home.data or {}
    h1 = int((data.get("headings") or {}).get("h1") or 0)
    links, js = len(data.get("links") or []), int(data.get("js_links") or 0)
    checks = {
        "h1": h1 == 1,
        "canonical": bool(data.get("canonical")),
        "crawlable": js <= MAX_JS_LINK_SHARE * max(1, links + js),
        "lang": bool(data.get("lang")),
    }
    ok = [k for k, v in checks.items() if v]
    missing = [k for k, v in checks.items() if not v]
    detail = T("summary", n=len(ok), total=len(checks),
               checks=R("sep").join(T.ref("ok" if v else "bad", check=T.ref("c_" + k)) for k, v in checks.items()))
    seen = T("seen", h1=h1, canonical=str(data.get("canonical") or "") or T.ref("none"), js=js, total=links + js,
             lang=str(data.get("lang") or "") or T.ref("none"))
    return IndicatorResult(value=len(ok) / len(checks), detail=detail if missing else T("all"),
                           evidence=[Evidence(url=page_url(home), detail=seen)])
