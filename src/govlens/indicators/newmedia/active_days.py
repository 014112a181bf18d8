"""active-days — share of the period's days with at least one post (活跃度; 更新频率)."""
from __future__ import annotations

from govlens.indicators.newmedia._newmedia import ratio, texts
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result
from govlens.text import Messages

ID = "active-days"
TITLE = ("发布天数占比", "Days with a post")
REQUIRES = ("account_stats",)
UNIT = "ratio"
UNIT_LABEL = ("%", "%")

T = Messages(ID, {
    "days": ("{d}天中有{a}天发文", "posted on {a} of {d} days"),
})


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    a, d = facts.col("active_days"), facts.col("days")
    return batch_result(facts.ids, ratio(a, d), texts(T, "days", a=a, d=d))
