"""foreign-edition — does the Chinese site lead to a working foreign-language edition? 1 or 0 (series 7).

From the ``foreign_edition`` probe: an edition is a page in a language other than Chinese, reached
from the Chinese homepage (a language link, an hreflang alternate, a language switcher) or at one
of the usual paths (``/english/``). None is a ``no_foreign_edition`` finding; a Chinese site that did
not load is missing, not a defect.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators._edition import discovery
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, site_finding

ID = "foreign-edition"
REQUIRES = ("edition_discovery",)
UNIT = "bool"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    d = discovery(obs)
    if d is None:
        return IndicatorResult.missing("the foreign-language edition probe did not run")
    data = d.data or {}
    if not data.get("chinese_ok"):
        return IndicatorResult.missing(f"the Chinese site did not load ({d.status})")
    editions = data.get("editions") or []
    if editions:
        langs = ", ".join(f"{e.get('lang')} {e.get('url')}" for e in editions)
        primary = data.get("primary") or editions[0].get("url")
        return IndicatorResult(value=1.0, detail=f"edition(s): {langs}",
                               evidence=[Evidence(url=primary, detail=f"found by {editions[0].get('how')}")])
    tried = data.get("candidates") or []
    seen = "; ".join(f"{c.get('url')} → {c.get('status')}" + (f" ({c.get('detected')})" if c.get("detected") else "")
                     for c in tried[:6]) or "no language link, hreflang or switcher"
    detail = f"no foreign-language edition: {seen}"
    return IndicatorResult(value=0.0, detail=detail[:500], evidence=[Evidence(url=d.url, detail=detail[:500])],
                           findings=[site_finding(obs, defects.NO_FOREIGN_EDITION, detail[:500])])
