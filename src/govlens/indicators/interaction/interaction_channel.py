"""interaction-channel — does the site offer a working consultation channel (互动交流)? 1 or 0.

A channel is a letter form (a form with a text area) or a list of published letters
found from the site's mailbox / consultation links. Neither is the census's "no working
consultation channel": a ``no_interaction_channel`` finding (and, in the 2019 framework,
part of the 互动回应差 veto). Missing when the site never loaded.
"""
from __future__ import annotations

from govlens.contract.observation import Observation
from govlens.contract import defects
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, site_finding
from govlens.indicators._given import observed
from govlens.text import Messages

ID = "interaction-channel"
TITLE = ("互动交流渠道", "Interaction channel")
REQUIRES = ("interaction",)
UNIT = "bool"
EVIDENCE = {"yes": ("设有互动交流渠道", "has a working interaction channel"),
            "no": ("未见互动交流渠道", "no interaction channel found")}

T = Messages(ID, {
    "never_loaded": ("网站未能打开，无法查找互动渠道", "the site never loaded: no channel could be looked for"),
    "form": ("留言表单", "letter form"),
    "letters": ("公开的留言", "published letters"),
    "found": ("{forms}个留言表单，读取到{letters}条公开留言", "{forms} letter form(s), {letters} published letter(s) read"),
    "none_behind": ("网站信箱、咨询入口后无留言表单，也无公开的留言（无可用的互动渠道）",
                    "no letter form and no published letters behind the site's mailbox / consultation links"),
    "no_entry": ("网站无信箱或咨询入口（无可用的互动渠道）", "no mailbox or consultation link on the site"),
    "looked": ("查找过此处", "looked here"),
})


@observed("interaction", T("never_loaded"))
def evaluate(o: Observation, data: dict, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    forms, lists, letters = data.get("forms") or [], data.get("lists") or [], obs.of("letter")
    if forms or letters:
        evidence = [Evidence(url=u, detail=T("form")) for u in forms[:3]]
        evidence += [Evidence(url=u, detail=T("letters")) for u in lists[:3]]
        return IndicatorResult(value=1.0, evidence=evidence,
                               detail=T("found", forms=len(forms), letters=len(letters)))
    looked = data.get("entries") or []
    detail = T("none_behind") if looked else T("no_entry")
    evidence = [Evidence(url=u, detail=T("looked")) for u in looked[:5]] or [Evidence(url=o.url, detail=detail)]
    return IndicatorResult(value=0.0, detail=detail, evidence=evidence,
                           findings=[site_finding(obs, defects.NO_INTERACTION_CHANNEL, detail, evidence_url=o.url)])
