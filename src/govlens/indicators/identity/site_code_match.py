"""site-code-match — does the footer's 网站标识码 agree with the ``SiteIDCode`` meta? 1 or 0.

An item of the national inspection (2017 guidelines: the code in the footer and in the metadata is the
site's one registered code). Judged on the homepage first, then on every other page that shows a code
and carries the meta; the first disagreement is a site-level ``site_code_mismatch`` finding (its snippet
says both codes). Not applicable when no page shows a code next to a meta (a missing code is
``site-code``'s finding, a missing meta ``guideline-meta``'s).
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.identity._identity import with_identity
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, clip,
                                     completed_pages, page_url, site_finding)
from govlens.text import Messages

ID = "site-code-match"
TITLE = ("网站标识码与元数据一致", "Site code agrees with the metadata")
REQUIRES = ("page",)
UNIT = "bool"

T = Messages(ID, {
    "no_extraction": ("未读取到提取了网站标识信息的页面", "no page read with site-identity extraction"),
    "none": ("没有页面同时标注网站标识码和SiteIDCode元数据", "no page shows a 网站标识码 next to a SiteIDCode meta"),
    "mismatch": ("页脚网站标识码{footer}与SiteIDCode元数据{meta}不一致",
                 "the footer shows 网站标识码 {footer} but the SiteIDCode meta says {meta}"),
    "agrees": ("{pages}个页面的网站标识码{code}与SiteIDCode元数据一致", "网站标识码 {code} agrees with the SiteIDCode meta on {pages} pages"),
})


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    blocks = with_identity(completed_pages(obs))
    if not blocks:
        return IndicatorResult.missing(T("no_extraction"))
    blocks.sort(key=lambda ob: ob[0].data.get("role") != "home")          # the homepage first
    judged = [(o, b) for o, b in blocks if b.get("site_code") and b.get("site_code_meta")]
    if not judged:
        return IndicatorResult.not_applicable(T("none"))
    for o, b in judged:
        if b.get("site_code_agrees") is False:
            url = page_url(o)
            detail = T("mismatch", footer=str(b["site_code"]), meta=str(b["site_code_meta"]))
            snippet = clip(f"{b['site_code']} ≠ SiteIDCode {b['site_code_meta']}; {b.get('footer_text') or ''}")
            return IndicatorResult(value=0.0, detail=detail,
                                   evidence=[Evidence(url=url, detail=detail, snippet=snippet)],
                                   findings=[site_finding(obs, defects.SITE_CODE_MISMATCH, detail, snippet=snippet,
                                                          evidence_url=url)])
    o, b = judged[0]
    detail = T("agrees", code=str(b["site_code"]), pages=len(judged))
    return IndicatorResult(value=1.0, detail=detail,
                           evidence=[Evidence(url=page_url(o), detail=detail, snippet=clip(b["site_code"]))])
