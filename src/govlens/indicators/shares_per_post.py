"""shares-per-post — reposts (Weibo) or shares (WeChat) per post (传播力); 0 when nothing was posted."""
from __future__ import annotations

from govlens.indicators._newmedia import ratio, texts
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result

ID = "shares-per-post"
REQUIRES = ("account_stats",)
UNIT = "rate"


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    s, n = facts.col("shares"), facts.col("n")
    return batch_result(facts.ids, ratio(s, n, empty=0.0), texts("{s} shares over {n} posts", s=s, n=n))
