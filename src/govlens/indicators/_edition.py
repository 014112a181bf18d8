"""Shared by the foreign-language edition indicators (series 7): the discovery and the main edition's pages."""
from __future__ import annotations

from datetime import date

from govlens.indicators.base import Evidence, IndicatorResult, PlatformObservations, parse_date, usable_dates
from govlens.probes.observation import Observation


def discovery(obs: PlatformObservations) -> Observation | None:
    return obs.one("edition_discovery")


def no_edition(obs: PlatformObservations) -> IndicatorResult | None:
    """The result of an edition indicator when there is no edition to judge, else None."""
    d = discovery(obs)
    if d is None:
        return IndicatorResult.missing("the foreign-language edition probe did not run")
    if not (d.data or {}).get("chinese_ok"):
        return IndicatorResult.missing(f"the Chinese site did not load ({d.status})")
    if not (d.data or {}).get("primary"):
        return IndicatorResult.not_applicable("no foreign-language edition was found")
    return None


def edition_pages(obs: PlatformObservations) -> list[Observation]:
    """Completed pages of the main edition, one per final URL, in the order read."""
    seen: set[str] = set()
    out = []
    for o in obs.of("edition_page"):
        url = (o.data or {}).get("final_url") or o.url
        if o.status == "completed" and url not in seen:
            seen.add(url)
            out.append(o)
    return out


def page_url(o: Observation) -> str:
    return (o.data or {}).get("final_url") or o.url


def edition_dates(obs: PlatformObservations, check_date: date) -> dict[str, date]:
    """Dated items of the edition (item URL → date) and dated pages, not later than the check date."""
    out: dict[str, date] = {}
    for o in edition_pages(obs):
        data = o.data or {}
        for item in data.get("dated") or []:
            d = parse_date(item.get("date"))
            if d is not None and usable_dates([d], check_date):
                out.setdefault(item.get("url") or "", d)
        d = parse_date(data.get("date"))
        if d is not None and usable_dates([d], check_date) and data.get("role") == "article":
            out.setdefault(page_url(o), d)
    return out


def lexicon_share(obs: PlatformObservations, key: str, label: str, undefined: str) -> IndicatorResult:
    """Share of the lexicon's ``key`` entries (service topics, interaction features) found on a page of
    the main edition, each offered one with the first page it was found on."""
    skip = no_edition(obs)
    if skip is not None:
        return skip
    d = discovery(obs)
    assert d is not None
    wanted = ((d.data or {}).get("lexicon") or {}).get(key) or []
    if not wanted:
        return IndicatorResult.missing(undefined)
    found: dict[str, str] = {}
    for o in edition_pages(obs):
        for w in (o.data or {}).get(key) or []:
            found.setdefault(w, page_url(o))
    offered = [w for w in wanted if w in found]
    detail = f"{len(offered)}/{len(wanted)} {label}: {', '.join(offered) or 'none'}"
    return IndicatorResult(value=len(offered) / len(wanted), detail=detail,
                           evidence=[Evidence(url=found[w], detail=w) for w in offered])
