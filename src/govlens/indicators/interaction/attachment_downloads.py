"""attachment-downloads — share of the service guides' form downloads that work (办事服务).

A download fails when its check fails (HTTP ≥ 400, refused, timeout …) or when a document
link answers with an HTML page (a "soft 404"). Each failing download is a
``broken_attachment`` finding at the download's URL, citing the guide it is on.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.base import Evidence, Finding, IndicatorContext, IndicatorResult, PlatformObservations
from govlens.text import Messages
from govlens.visit_text import describe_visit

ID = "attachment-downloads"
TITLE = ("办事表格下载可用率", "Working form downloads")
REQUIRES = ("service_guide",)
UNIT = "ratio"

T = Messages(ID, {
    "none": ("办事指南未提供下载", "the service guides offer no downloads"),
    "html": ("返回的是网页（{type}）而非文件", "an HTML page ({type}) instead of the file"),
    "fails": ("办事指南{guide}中的附件“{name}”无法下载：{how}", "download “{name}” on {guide} fails: {how}"),
    "summary": ("{total}个附件中{n}个可正常下载", "{n} of {total} downloads work"),
})


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    seen: dict[str, tuple[bool, str, dict]] = {}
    for o in obs.of("service_guide"):
        for a in (o.data or {}).get("attachments") or []:
            if a.get("url") and a["url"] not in seen:
                seen[a["url"]] = (bool(a.get("ok")), o.url, a)
    if not seen:
        return IndicatorResult.not_applicable(T("none"))
    evidence, findings = [], []
    for url, (ok, guide, a) in seen.items():
        if ok:
            continue
        how = describe_visit(a.get("status") or "http_error", a.get("cause"), http_status=a.get("http_status"))
        if a.get("status") == "completed":
            how = T.ref("html", type=str(a.get("content_type") or "text/html"))
        detail = T("fails", name=a.get("text") or url, guide=guide, how=how)
        evidence.append(Evidence(url=url, detail=detail))
        findings.append(Finding(kind=defects.BROKEN_ATTACHMENT, url=url, detail=detail, evidence_url=guide))
    ok_share = 1 - len(findings) / len(seen)
    return IndicatorResult(value=round(ok_share, 4), evidence=evidence, findings=findings,
                           detail=T("summary", n=len(seen) - len(findings), total=len(seen)))
