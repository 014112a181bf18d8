"""Shared by broken-internal-links and broken-external-links: judging ``link`` checks."""
from __future__ import annotations

from govlens.indicators.base import (NOT_CHECKED_STATUSES, Evidence, Finding, IndicatorContext,
                                     IndicatorResult, PlatformObservations, setting)
from govlens.probes.observation import COMPLETED

#: Evidence entries kept per indicator (every broken link is still a finding).
MAX_EVIDENCE = 50


def describe(o) -> str:
    err = (o.data or {}).get("error")
    code = f" HTTP {o.http_status}" if o.http_status else ""
    return f"{o.status}{code}" + (f": {err}" if err else "")


def broken_links(obs: PlatformObservations, ctx: IndicatorContext, *, internal: bool, kind: str) -> IndicatorResult:
    checks = obs.of("link")
    if not checks:
        return IndicatorResult.missing("no link was checked")
    label = "internal" if internal else "external"
    mine = [o for o in checks if bool((o.data or {}).get("internal")) == internal]
    checked, seen = [], set()
    for o in mine:
        if o.status in NOT_CHECKED_STATUSES or o.url in seen:
            continue
        seen.add(o.url)
        checked.append(o)
    if not checked:
        if not internal and not mine and not setting(ctx, "LINKS_CHECK_EXTERNAL"):
            return IndicatorResult.missing("external links are not checked (LINKS_CHECK_EXTERNAL is off)")
        skipped = len(mine)
        return IndicatorResult.not_applicable(
            f"no {label} link checked" + (f" ({skipped} not checked: robots or blocked target)" if skipped else ""))
    broken = [o for o in checked if o.status != COMPLETED]
    findings, evidence = [], []
    for o in broken:
        found_on = (o.data or {}).get("found_on") or []
        where = found_on[0] if found_on else ""
        what = describe(o)
        findings.append(Finding(kind=kind, url=o.url, detail=what + (f"; linked from {where}" if where else ""),
                                evidence_url=where or o.url))
        if len(evidence) < MAX_EVIDENCE:
            evidence.append(Evidence(url=o.url, detail=what + (f" (on {where})" if where else "")))
    share = len(broken) / len(checked)
    detail = f"{len(broken)} of {len(checked)} {label} links broken"
    return IndicatorResult(value=share, detail=detail, evidence=evidence, findings=findings)
