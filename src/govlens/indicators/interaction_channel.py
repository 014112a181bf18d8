"""interaction-channel — does the site offer a working consultation channel (互动交流)? 1 or 0.

A channel is a letter form (a form with a text area) or a list of published letters
found from the site's mailbox / consultation links. Neither is the census's "no working
consultation channel": a ``no_interaction_channel`` finding (and, in the 2019 framework,
part of the 互动回应差 veto). Missing when the site never loaded.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, site_finding

ID = "interaction-channel"
REQUIRES = ("interaction",)
UNIT = "bool"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    o = obs.one("interaction")
    if o is None:
        return IndicatorResult.missing("the site never loaded: no channel could be looked for")
    data = o.data or {}
    forms, lists, letters = data.get("forms") or [], data.get("lists") or [], obs.of("letter")
    if forms or letters:
        evidence = [Evidence(url=u, detail="letter form") for u in forms[:3]]
        evidence += [Evidence(url=u, detail="published letters") for u in lists[:3]]
        return IndicatorResult(value=1.0, evidence=evidence,
                               detail=f"{len(forms)} letter form(s), {len(letters)} published letter(s) read")
    looked = data.get("entries") or []
    detail = ("no letter form and no published letters behind the site's mailbox / consultation links"
              if looked else "no mailbox or consultation link on the site")
    evidence = [Evidence(url=u, detail="looked here") for u in looked[:5]] or [Evidence(url=o.url, detail=detail)]
    return IndicatorResult(value=0.0, detail=detail, evidence=evidence,
                           findings=[site_finding(obs, defects.NO_INTERACTION_CHANNEL, detail, evidence_url=o.url)])
