"""posts-per-day — posts (WeChat: articles) a day over the period (活跃度): n / d."""
from __future__ import annotations

from govlens.indicators._newmedia import ratio, texts
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result

ID = "posts-per-day"
REQUIRES = ("account_stats",)
UNIT = "rate"


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    n, d = facts.col("n"), facts.col("days")
    return batch_result(facts.ids, ratio(n, d), texts("{n} posts in {d} days", n=n, d=d))
