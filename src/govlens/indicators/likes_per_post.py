"""likes-per-post — likes (点赞) per post (互动力); 0 when nothing was posted."""
from __future__ import annotations

from govlens.indicators._newmedia import ratio, texts
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result

ID = "likes-per-post"
REQUIRES = ("account_stats",)
UNIT = "rate"


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    z, n = facts.col("Z"), facts.col("n")
    return batch_result(facts.ids, ratio(z, n, empty=0.0), texts("{z} likes over {n} posts", z=z, n=n))
