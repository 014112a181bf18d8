"""seo-structure — share of the structure search engines read that the homepage gets right (搜索引擎).

Four checks, each worth a quarter: exactly one ``<h1>``; a canonical URL
(``<link rel=canonical>``); links crawlable (at most 5 % of the anchors are ``javascript:``
links); the page's language declared (``<html lang>``). Title, description and keywords
are ``page-metadata``'s.
"""
from __future__ import annotations

from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, page_url

ID = "seo-structure"
REQUIRES = ("page",)
UNIT = "ratio"
MAX_JS_LINK_SHARE = 0.05


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    home = obs.homepage()
    if home is None:
        return IndicatorResult.missing("the homepage never loaded")
    data = home.data or {}
    h1 = int((data.get("headings") or {}).get("h1") or 0)
    links, js = len(data.get("links") or []), int(data.get("js_links") or 0)
    checks = {
        "one <h1>": h1 == 1,
        "canonical URL": bool(data.get("canonical")),
        "crawlable links": js <= MAX_JS_LINK_SHARE * max(1, links + js),
        "language declared": bool(data.get("lang")),
    }
    ok = [k for k, v in checks.items() if v]
    missing = [k for k, v in checks.items() if not v]
    detail = f"{len(ok)} of {len(checks)}: " + ", ".join(f"{k} {'✓' if v else '✗'}" for k, v in checks.items())
    seen = f"h1 × {h1}, canonical {data.get('canonical')}, {js} javascript: links of {links + js}, lang {data.get('lang')}"
    return IndicatorResult(value=len(ok) / len(checks), detail=detail if missing else "all four present",
                           evidence=[Evidence(url=page_url(home), detail=seen)])
