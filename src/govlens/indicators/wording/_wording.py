"""Shared by wrong-wording and harmful-content: pages whose wording-check hits are of one category."""
from __future__ import annotations

from govlens.indicators.base import (Evidence, Finding, IndicatorContext, IndicatorResult, PlatformObservations, clip,
                                     completed_pages, page_url)
from govlens.text import Messages

T = Messages("wording", {
    "not_checked": ("未对页面进行用语检查", "no page was checked for wording"),
    "serious": ("严重表述错误", "serious wording errors"),
    "harmful": ("有害信息", "harmful content"),
    "hits": ("{what}：{words}", "{what}: {words}"),
    "hits_right": ("{what}：{words}（应为：{right}）", "{what}: {words} (should read: {right})"),
    "some": ("{total}个页面中{n}个存在{what}", "{n} of {total} pages with {what}"),
    "none": ("{total}个页面均未发现{what}", "no {what} on {total} pages"),
})


def wording_hits(obs: PlatformObservations, ctx: IndicatorContext, category: str, kind: str,
                 what: str) -> IndicatorResult:
    """One finding per page with hits of ``category``; the value is the number of such pages.

    ``what`` names the category: a message name of this module ("serious", "harmful")."""
    what = T.ref(what)
    pages = [o for o in completed_pages(obs) if "wording" in (o.data or {})]
    if not pages:
        return IndicatorResult.missing(T("not_checked"))
    evidence, findings = [], []
    for o in pages:
        hits = [h for h in o.data["wording"] if h.get("category") == category]
        if not hits:
            continue
        words = "、".join(dict.fromkeys(h["word"] for h in hits))
        right = "；".join(f"{h['word']} → {h['right']}" for h in hits if h.get("right"))
        detail = T("hits_right", what=what, words=words, right=right) if right else T("hits", what=what, words=words)
        url = page_url(o)
        evidence.append(Evidence(url=url, detail=detail, snippet=clip(hits[0].get("context"), 120)))
        findings.append(Finding(kind=kind, url=url, detail=detail, snippet=clip(hits[0].get("context"), 120),
                                evidence_url=url))
    detail = T("some", n=len(findings), total=len(pages), what=what) if findings else T("none", total=len(pages), what=what)
    return IndicatorResult(value=float(len(findings)), detail=detail, evidence=evidence, findings=findings)
