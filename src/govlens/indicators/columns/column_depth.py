"""column-depth — share of a featured column's sampled items with substantive content (内容深度).

An item is substantive when its paragraphs hold at least ``COLUMN_SUBSTANTIVE_CHARS``
characters (a title with "详见附件" is not). Below ``COLUMN_THIN_SHARE`` is a
``column_thin_content`` finding. Missing when no sampled item loaded.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.columns._column import from_column
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, Threshold,
                                     Thresholds, site_finding)
from govlens.text import Messages

ID = "column-depth"
TITLE = ("有实质内容的条目比例", "Share of substantive items")
REQUIRES = ("column",)
UNIT = "ratio"
THRESHOLDS = Thresholds(ID,
    # an item with less paragraph text is not substantive (ours)
    substantive_chars=Threshold(100, setting="COLUMN_SUBSTANTIVE_CHARS"),
    # below this share of substantive items: column_thin_content (ours)
    thin_share=Threshold(0.5, setting="COLUMN_THIN_SHARE"),
)

T = Messages(ID, {
    "none": ("抽样的信息均未能打开", "no sampled item loaded"),
    "share": ("抽样{total}条信息中{n}条正文不少于{need}字", "{n} of {total} sampled items with at least {need} characters of text"),
    "chars": ("{n}字", "{n} characters"),
})


@from_column
def evaluate(data: dict, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    read = [s for s in data.get("sample") or [] if isinstance(s.get("chars"), (int, float))]
    if not read:
        return IndicatorResult.missing(T("none"))
    need = int(THRESHOLDS(ctx, "substantive_chars"))
    thin = [s for s in read if s["chars"] < need]
    share = 1 - len(thin) / len(read)
    detail = T("share", n=len(read) - len(thin), total=len(read), need=need)
    evidence = [Evidence(url=s["url"], detail=T("chars", n=s["chars"])) for s in thin[:5]]
    findings = []
    if share < float(THRESHOLDS(ctx, "thin_share")):
        findings.append(site_finding(obs, defects.COLUMN_THIN_CONTENT, detail,
                                     evidence_url=thin[0]["url"] if thin else ""))
    return IndicatorResult(value=share, detail=detail, evidence=evidence, findings=findings)
