"""column-depth — share of a featured column's sampled items with substantive content (内容深度).

An item is substantive when its paragraphs hold at least ``COLUMN_SUBSTANTIVE_CHARS``
characters (a title with "详见附件" is not). Below ``COLUMN_THIN_SHARE`` is a
``column_thin_content`` finding. Missing when no sampled item loaded.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators._column import column_data
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, setting, site_finding

ID = "column-depth"
REQUIRES = ("column",)
UNIT = "ratio"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    data = column_data(obs)
    if data is None:
        return IndicatorResult.missing("the column's list did not load")
    read = [s for s in data.get("sample") or [] if isinstance(s.get("chars"), (int, float))]
    if not read:
        return IndicatorResult.missing("no sampled item loaded")
    need = int(setting(ctx, "COLUMN_SUBSTANTIVE_CHARS"))
    thin = [s for s in read if s["chars"] < need]
    share = 1 - len(thin) / len(read)
    detail = f"{len(read) - len(thin)} of {len(read)} sampled items with at least {need} characters of text"
    evidence = [Evidence(url=s["url"], detail=f"{s['chars']} characters") for s in thin[:5]]
    findings = []
    if share < float(setting(ctx, "COLUMN_THIN_SHARE")):
        findings.append(site_finding(obs, defects.COLUMN_THIN_CONTENT, detail,
                                     evidence_url=thin[0]["url"] if thin else ""))
    return IndicatorResult(value=share, detail=detail, evidence=evidence, findings=findings)
