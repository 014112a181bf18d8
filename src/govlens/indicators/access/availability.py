"""availability — share of homepage visits that failed (网站访问).

The census monitors a site for a week and vetoes at 5 % failed visits; a scan samples
``AVAILABILITY_VISITS`` visits. A visit fails when it did not complete (timeout, refused,
HTTP error …). Visits we did not make (robots, blocked target) are not counted.
"""
from __future__ import annotations

from collections import Counter

from govlens.contract import defects
from govlens.contract.observation import COMPLETED
from govlens.indicators.access._access import answer
from govlens.indicators.base import (NOT_CHECKED_STATUSES, Evidence, IndicatorContext, IndicatorResult,
                                     PlatformObservations, joined, judged)
from govlens.text import Messages

ID = "availability"
TITLE = ("首页访问失败率", "Failed homepage visits")
REQUIRES = ("visit",)
UNIT = "ratio"

T = Messages(ID, {
    "none": ("未进行可用性访问", "no availability visit was made"),
    "summary": ("首页访问{total}次，失败{n}次", "{n} of {total} visits failed"),
    "summary_why": ("首页访问{total}次，失败{n}次（{reasons}）", "{n} of {total} visits failed ({reasons})"),
    "times": ("{what}{n}次", "{what} ×{n}"),
    "visit": ("第{attempt}次访问：{what}", "visit {attempt}: {what}"),
    "visit_ms": ("第{attempt}次访问：{what}，用时{ms}毫秒", "visit {attempt}: {what} in {ms} ms"),
    "ok_code": ("访问正常（HTTP {code}）", "completed (HTTP {code})"),
})


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    visits = [o for o in obs.of("visit") if o.status not in NOT_CHECKED_STATUSES]
    if not visits:
        return IndicatorResult.missing(T("none"))
    failed = [o for o in visits if o.status != COMPLETED]
    share = len(failed) / len(visits)
    why = Counter(_reason(o) for o in failed)
    reasons = joined(T.ref("times", what=k, n=n) for k, n in why.most_common())
    detail = (T("summary_why", n=len(failed), total=len(visits), reasons=reasons) if reasons
              else T("summary", n=len(failed), total=len(visits)))
    evidence = [Evidence(url=o.url, detail=T("visit_ms", attempt=o.data.get("attempt", i + 1), what=_reason(o),
                                             ms=round(o.elapsed_ms)) if o.elapsed_ms is not None
                         else T("visit", attempt=o.data.get("attempt", i + 1), what=_reason(o)))
                for i, o in enumerate(visits)]
    if not failed:
        return judged(obs, share, detail, evidence)
    kind = defects.SITE_DOWN if len(failed) == len(visits) else defects.INTERMITTENT_OUTAGE
    return judged(obs, share, detail, evidence, (kind, detail), at=failed[0].url)


def _reason(o) -> str:
    """How one visit ended, as a message (never the raw exception text)."""
    return answer(o, T, "ok_code")
