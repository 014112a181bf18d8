"""page-metadata — share of title, description and keywords present on the homepage (网站设计).

A missing or empty ``<title>`` is missing_title; a missing meta description is
missing_description (keywords count in the value but are no finding: search engines
ignore them).
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.contract.observation import Observation
from govlens.indicators.site._site import on_homepage
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, clip, joined,
                                     page_url, site_finding)
from govlens.text import Messages

ID = "page-metadata"
TITLE = ("页面元数据完整度", "Page metadata")
REQUIRES = ("page",)
UNIT = "ratio"

FIELDS = ("title", "description", "keywords")
FINDING_OF = {"title": defects.MISSING_TITLE, "description": defects.MISSING_DESCRIPTION}

T = Messages(ID, {
    "title": ("网页标题（title）", "title"),
    "description": ("网页描述（description）", "description"),
    "keywords": ("网页关键词（keywords）", "keywords"),
    "present": ("{field}：已设置", "{field}: present"),
    "absent": ("{field}：未设置", "{field}: absent"),
    "lacks": ("首页未设置{field}", "homepage has no {field}"),
    "summary": ("{total}项中已设置{n}项", "{n} of {total} present"),
    "summary_got": ("{total}项中已设置{n}项（{got}）", "{n} of {total} present ({got})"),
})


@on_homepage
def evaluate(home: Observation, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    url = page_url(home)
    present = {f: bool(str(home.data.get(f) or "").strip()) for f in FIELDS}
    evidence = [Evidence(url=url, detail=T("present" if ok else "absent", field=T.ref(f)),
                         snippet=clip(home.data.get(f)) if ok else "") for f, ok in present.items()]
    findings = [site_finding(obs, kind, T("lacks", field=T.ref(f)), evidence_url=url)
                for f, kind in FINDING_OF.items() if not present[f]]
    got = [f for f in FIELDS if present[f]]
    detail = (T("summary_got", n=len(got), total=len(FIELDS), got=joined(T.ref(f) for f in got)) if got
              else T("summary", n=len(got), total=len(FIELDS)))
    return IndicatorResult(value=len(got) / len(FIELDS), detail=detail, evidence=evidence, findings=findings)
