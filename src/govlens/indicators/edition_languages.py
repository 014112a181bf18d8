"""edition-languages — how many foreign languages the site's editions are in (国际化程度, series 7)."""
from __future__ import annotations

from govlens.indicators._edition import discovery
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations

ID = "edition-languages"
REQUIRES = ("edition_discovery",)
UNIT = "count"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    d = discovery(obs)
    if d is None:
        return IndicatorResult.missing("the foreign-language edition probe did not run")
    if not (d.data or {}).get("chinese_ok"):
        return IndicatorResult.missing(f"the Chinese site did not load ({d.status})")
    editions = (d.data or {}).get("editions") or []
    langs = sorted({e.get("lang") for e in editions if e.get("lang")})
    detail = f"{len(langs)} language(s): {', '.join(langs) or 'none'}"
    return IndicatorResult(value=float(len(langs)), detail=detail,
                           evidence=[Evidence(url=e.get("url") or d.url, detail=str(e.get("lang"))) for e in editions])
