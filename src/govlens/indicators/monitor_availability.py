"""monitor-availability — share of the availability monitor's visits that failed (网站访问).

The 2015 census: a site watched for a week fails a visit when the homepage does not open
within 15 s; failures reaching ``MONITOR_FAIL_RATIO`` (5 %) of the visits are the "site
unreachable" veto, reported as a ``site_unreachable`` finding with the failed visits'
times and statuses. Missing when no monitor window was run.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, setting, site_finding

ID = "monitor-availability"
REQUIRES = ("monitor",)
UNIT = "ratio"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    o = obs.one("monitor")
    if o is None or not (o.data or {}).get("visits"):
        return IndicatorResult.missing("the availability monitor has not visited this site")
    data = o.data
    visits, failures = int(data["visits"]), int(data["failures"])
    ratio = failures / visits
    window = f"{visits} of {data.get('planned')} visits from {data.get('window_start')} over {data.get('duration_s')} s"
    evidence = [Evidence(url=o.url, detail=f"{f['at']} {f['status']}" + (f" HTTP {f['http_status']}" if f.get('http_status') else ""))
                for f in data.get("failed") or []][:20]
    detail = f"{failures} failed visits of {visits} ({ratio:.1%}); {window}"
    limit = float(setting(ctx, "MONITOR_FAIL_RATIO"))
    findings = []
    if ratio >= limit:
        findings.append(site_finding(obs, defects.SITE_UNREACHABLE,
                                     f"{failures} of {visits} monitor visits failed ({ratio:.1%} ≥ {limit:.0%})",
                                     evidence_url=o.url))
    return IndicatorResult(value=round(ratio, 4), detail=detail, evidence=evidence or [Evidence(url=o.url, detail=window)],
                           findings=findings)
