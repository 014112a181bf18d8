"""guideline-meta — share of column and article pages with every ``<meta>`` the guidelines ask of their role.

The 2017 guidelines (《政府网站发展指引》, 网页元数据) ask site metas (SiteName, SiteDomain, SiteIDCode) on
every page, column metas on column pages and article metas on articles; the table is
:data:`govlens.probes.extract.identity.GUIDELINE_META` (documented in ``docs/observations.md``). A meta
with empty content counts as missing. Each column or article page lacking one is a URL-level
``missing_guideline_meta`` finding naming what is missing. The homepage is not judged here (its site
metas are in the value of no finding: ``site-code-match`` and the 2013 metadata indicator cover it).
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.identity._identity import with_identity
from govlens.indicators.base import (Evidence, Finding, IndicatorContext, IndicatorResult, PlatformObservations, clip,
                                     completed_pages, page_url)
from govlens.text import Messages

ID = "guideline-meta"
TITLE = ("栏目页和文章页元数据完整率", "Column and article pages with complete metadata")
REQUIRES = ("page",)
UNIT = "ratio"
ROLES = ("column", "article")

T = Messages(ID, {
    "none": ("未读取到栏目页或文章页", "no column or article page read"),
    "no_identity": ("栏目页和文章页均未提取网站标识信息", "no column or article page read with site-identity extraction"),
    "lacks": ("{role}缺少《政府网站发展指引》要求的元数据：{metas}", "{role} without the guideline meta {metas}"),
    "column": ("栏目页", "column page"),
    "article": ("文章页", "article page"),
    "summary": ("{total}个栏目页和文章页中{n}个元数据齐全", "{n} of {total} column and article pages carry every guideline meta of their role"),
})


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    pages = [o for o in completed_pages(obs) if o.data.get("role") in ROLES]
    if not pages:
        return IndicatorResult.not_applicable(T("none"))
    judged = [(o, b) for o, b in with_identity(pages) if isinstance(b.get("guideline_meta"), dict)]
    if not judged:
        return IndicatorResult.missing(T("no_identity"))
    findings, evidence = [], []
    complete = 0
    for o, b in judged:
        meta = b["guideline_meta"]
        missing = [str(m) for m in meta.get("missing") or []]
        if not missing:
            complete += 1
            continue
        url = page_url(o)
        role = o.data.get("role")
        detail = T("lacks", role=T.ref(role if role in ROLES else "column"), metas=", ".join(missing))
        snippet = clip(", ".join(str(m) for m in meta.get("present") or []))      # the metas it has (data)
        findings.append(Finding(kind=defects.MISSING_GUIDELINE_META, url=url, detail=detail, snippet=snippet,
                                evidence_url=url))
        evidence.append(Evidence(url=url, detail=detail, snippet=snippet))
    detail = T("summary", n=complete, total=len(judged))
    return IndicatorResult(value=complete / len(judged), detail=detail, evidence=evidence[:50], findings=findings)
