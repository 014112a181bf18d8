"""mailbox-letters — letters a mailbox published from the year before the check (信件公开).

Counted from the letters the interaction probe read (``INTERACTION_MAX_LETTERS`` at most).
"""
from __future__ import annotations

from datetime import timedelta

from govlens.indicators.base import IndicatorContext, IndicatorResult, PlatformObservations, R, parse_date, judged
from govlens.text import Messages

ID = "mailbox-letters"
TITLE = ("近一年公开信件数", "Letters published in the past year")
REQUIRES = ("letter",)
UNIT = "count"
UNIT_LABEL = ("件", "letters")

T = Messages(ID, {
    "count": ("检查日前一年内提出的留言公开{n}条", "{n} letters asked in the year before the check were published"),
})



def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    if obs.one("interaction") is None:
        return IndicatorResult.missing(R("mailbox_not_loaded"))
    since = ctx.check_date - timedelta(days=365)
    n = sum(1 for o in obs.of("letter") if (d := parse_date((o.data or {}).get("asked"))) and d > since)
    detail = T("count", n=n)
    return judged(obs, float(n), detail, obs.platform.url)
