"""original-share — share of posts that are original, not reposts (活跃度; 原创率). Missing with no post."""
from __future__ import annotations

from govlens.indicators.newmedia._newmedia import ratio, texts
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result
from govlens.text import Messages

ID = "original-share"
TITLE = ("原创率", "Original posts")
REQUIRES = ("account_stats",)
UNIT = "ratio"
UNIT_LABEL = ("%", "%")

T = Messages(ID, {
    "share": ("{n}篇发文中{o}篇为原创", "{o} of {n} posts original"),
    "none": ("统计期内未发文", "no post in the period"),
})


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    o, n = facts.col("original"), facts.col("n")
    return batch_result(facts.ids, ratio(o, n), texts(T, "share", o=o, n=n),
                        missing_detail=T("none"))
