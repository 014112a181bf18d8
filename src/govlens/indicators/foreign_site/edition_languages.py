"""edition-languages — how many foreign languages the site's editions are in (国际化程度, series 7)."""
from __future__ import annotations

from govlens.indicators.foreign_site._edition import discovery, language, no_discovery
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, joined
from govlens.text import Messages

ID = "edition-languages"
TITLE = ("外文版语种数", "Languages of the editions")
REQUIRES = ("edition_discovery",)
UNIT = "count"
UNIT_LABEL = ("种", "")
EVIDENCE = ("开设{value}种外文版本", "editions in {value} foreign language(s)")

T = Messages(ID, {
    "langs": ("{n}种语言：{langs}", "{n} language(s): {langs}"),
    "none": ("0种语言", "0 languages"),
})



def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    skip = no_discovery(obs)
    if skip is not None:
        return skip
    d = discovery(obs)
    assert d is not None
    editions = (d.data or {}).get("editions") or []
    langs = sorted({e.get("lang") for e in editions if e.get("lang")})
    detail = T("langs", n=len(langs), langs=joined(language(g) for g in langs)) if langs else T("none")
    return IndicatorResult(value=float(len(langs)), detail=detail,
                           evidence=[Evidence(url=e.get("url") or d.url, detail=language(e.get("lang"))) for e in editions])
