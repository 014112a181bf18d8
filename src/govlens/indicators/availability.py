"""availability — share of homepage visits that failed (网站访问).

The census monitors a site for a week and vetoes at 5 % failed visits; a scan samples
``AVAILABILITY_VISITS`` visits. A visit fails when it did not complete (timeout, refused,
HTTP error …). Visits we did not make (robots, blocked target) are not counted.
"""
from __future__ import annotations

from collections import Counter

from govlens import defects
from govlens.indicators.base import (NOT_CHECKED_STATUSES, Evidence, IndicatorContext, IndicatorResult,
                                     PlatformObservations, site_finding)
from govlens.probes.observation import COMPLETED

ID = "availability"
REQUIRES = ("visit",)
UNIT = "ratio"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    visits = [o for o in obs.of("visit") if o.status not in NOT_CHECKED_STATUSES]
    if not visits:
        return IndicatorResult.missing("no availability visit was made")
    failed = [o for o in visits if o.status != COMPLETED]
    share = len(failed) / len(visits)
    why = Counter(_reason(o) for o in failed)
    reasons = ", ".join(f"{k} ×{n}" for k, n in why.most_common())
    detail = f"{len(failed)} of {len(visits)} visits failed" + (f" ({reasons})" if reasons else "")
    evidence = [Evidence(url=o.url, detail=f"visit {o.data.get('attempt', i + 1)}: {_reason(o)}"
                         + (f" in {o.elapsed_ms:.0f} ms" if o.elapsed_ms is not None else ""))
                for i, o in enumerate(visits)]
    findings = []
    if failed and len(failed) == len(visits):
        findings.append(site_finding(obs, defects.SITE_DOWN, detail, evidence_url=failed[0].url))
    elif failed:
        findings.append(site_finding(obs, defects.INTERMITTENT_OUTAGE, detail, evidence_url=failed[0].url))
    return IndicatorResult(value=share, detail=detail, evidence=evidence, findings=findings)


def _reason(o) -> str:
    if o.status == COMPLETED:
        return f"completed (HTTP {o.http_status})" if o.http_status else "completed"
    err = (o.data or {}).get("error")
    code = f" HTTP {o.http_status}" if o.http_status else ""
    return f"{o.status}{code}" + (f": {err}" if err else "")
