"""original-share — share of posts that are original, not reposts (活跃度; 原创率). Missing with no post."""
from __future__ import annotations

from govlens.indicators._newmedia import ratio, texts
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result

ID = "original-share"
REQUIRES = ("account_stats",)
UNIT = "ratio"


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    o, n = facts.col("original"), facts.col("n")
    return batch_result(facts.ids, ratio(o, n), texts("{o} of {n} posts original", o=o, n=n),
                        missing_detail="no post in the period")
