"""Shared by broken-internal-links and broken-external-links: judging ``link`` checks."""
from __future__ import annotations

from govlens.contract.observation import COMPLETED
from govlens.indicators.base import (NOT_CHECKED_STATUSES, Evidence, Finding, IndicatorContext, IndicatorResult,
                                     PlatformObservations, setting)
from govlens.text import Messages
from govlens.visit_text import describe_visit

#: Evidence entries kept per indicator (every broken link is still a finding).
MAX_EVIDENCE = 50

T = Messages("links", {
    "none": ("未检查链接", "no link was checked"),
    "external_off": ("未检查外部链接（LINKS_CHECK_EXTERNAL已关闭）", "external links are not checked (LINKS_CHECK_EXTERNAL is off)"),
    "none_of_kind": ("未检查{label}", "no {label} checked"),
    "none_of_kind_skipped": ("未检查{label}（{skipped}个因robots协议或目标受限未检查）",
                             "no {label} checked ({skipped} not checked: robots or blocked target)"),
    "internal": ("站内链接", "internal link"),
    "external": ("外部链接", "external link"),
    "internal_pl": ("站内链接", "internal links"),
    "external_pl": ("外部链接", "external links"),
    "finding": ("{what}；所在页面：{where}", "{what}; linked from {where}"),
    "evidence": ("{what}（所在页面：{where}）", "{what} (on {where})"),
    "summary": ("检查{total}个{label}，{n}个为错链", "{n} of {total} {label} broken"),
})


def describe(o) -> str:
    """How a link check failed, as a message (never the raw exception text)."""
    return describe_visit(o.status, (o.data or {}).get("cause"), http_status=o.http_status)


def broken_links(obs: PlatformObservations, ctx: IndicatorContext, *, internal: bool, kind: str) -> IndicatorResult:
    checks = obs.of("link")
    if not checks:
        return IndicatorResult.missing(T("none"))
    label = "internal" if internal else "external"
    plural = T.ref(label + "_pl")
    mine = [o for o in checks if bool((o.data or {}).get("internal")) == internal]
    checked, seen = [], set()
    for o in mine:
        if o.status in NOT_CHECKED_STATUSES or o.url in seen:
            continue
        seen.add(o.url)
        checked.append(o)
    if not checked:
        if not internal and not mine and not setting(ctx, "LINKS_CHECK_EXTERNAL"):
            return IndicatorResult.missing(T("external_off"))
        skipped = len(mine)
        return IndicatorResult.not_applicable(T("none_of_kind_skipped", label=T.ref(label), skipped=skipped)
                                              if skipped else T("none_of_kind", label=T.ref(label)))
    broken = [o for o in checked if o.status != COMPLETED]
    findings, evidence = [], []
    for o in broken:
        found_on = (o.data or {}).get("found_on") or []
        where = found_on[0] if found_on else ""
        what = describe(o)
        findings.append(Finding(kind=kind, url=o.url, detail=T("finding", what=what, where=where) if where else what,
                                evidence_url=where or o.url))
        if len(evidence) < MAX_EVIDENCE:
            evidence.append(Evidence(url=o.url, detail=T("evidence", what=what, where=where) if where else what))
    share = len(broken) / len(checked)
    detail = T("summary", n=len(broken), total=len(checked), label=plural)
    return IndicatorResult(value=share, detail=detail, evidence=evidence, findings=findings)
