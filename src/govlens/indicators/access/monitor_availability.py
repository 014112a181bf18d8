"""monitor-availability — share of the availability monitor's visits that failed (网站访问).

The 2015 census: a site watched for a week fails a visit when the homepage does not open
within 15 s; failures reaching ``MONITOR_FAIL_RATIO`` (5 %) of the visits are the "site
unreachable" veto, reported as a ``site_unreachable`` finding with the failed visits'
times and statuses. Missing when no monitor window was run.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, Threshold,
                                     Thresholds, judged)
from govlens.text import Messages
from govlens.visit_text import describe_visit

ID = "monitor-availability"
TITLE = ("监测期访问失败率", "Failed monitor visits")
REQUIRES = ("monitor",)
UNIT = "ratio"
THRESHOLDS = Thresholds(ID,
    fail_ratio=Threshold(setting="MONITOR_FAIL_RATIO"),  # census: failures reaching 5 % of the visits
)

T = Messages(ID, {
    "none": ("可用性监测未访问该网站", "the availability monitor has not visited this site"),
    "window": ("自{start}起{seconds}秒内计划访问{planned}次，实际访问{n}次", "{n} of {planned} visits from {start} over {seconds} s"),
    "failed": ("{at} {what}", "{at} {what}"),
    "summary": ("监测访问{total}次，失败{n}次（{pct}%）；{window}", "{n} failed visits of {total} ({pct}%); {window}"),
    "unreachable": ("网站不能访问：监测访问{total}次，失败{n}次（{pct}%，达到{limit}%）",
                    "{n} of {total} monitor visits failed ({pct}% ≥ {limit}%)"),
})


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    o = obs.one("monitor")
    if o is None or not (o.data or {}).get("visits"):
        return IndicatorResult.missing(T("none"))
    data = o.data
    visits, failures = int(data["visits"]), int(data["failures"])
    ratio = failures / visits
    start = str(data.get("window_start") or "-").replace("T", " ")[:19]
    window = T("window", n=visits, planned=data.get("planned"), start=start, seconds=data.get("duration_s"))
    evidence = [Evidence(url=o.url, detail=T("failed", at=str(f["at"]).replace("T", " ")[:19], what=describe_visit(
                    f.get("status"), f.get("cause"), http_status=f.get("http_status"))))
                for f in data.get("failed") or []][:20]
    pct = round(ratio * 100, 1)
    detail = T("summary", n=failures, total=visits, pct=pct, window=window)
    limit = float(THRESHOLDS(ctx, "fail_ratio"))
    unreachable = (defects.SITE_UNREACHABLE, T("unreachable", n=failures, total=visits, pct=pct,
                                               limit=round(limit * 100))) if ratio >= limit else None
    return judged(obs, round(ratio, 4), detail, evidence or [Evidence(url=o.url, detail=window)], unreachable, at=o.url)
