"""likes-per-post — likes (点赞) per post (互动力); 0 when nothing was posted."""
from __future__ import annotations

from govlens.indicators.newmedia._newmedia import ratio, texts
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result
from govlens.text import Messages

ID = "likes-per-post"
TITLE = ("篇均点赞量", "Likes per post")
REQUIRES = ("account_stats",)
UNIT = "rate"
UNIT_LABEL = ("次", "")

T = Messages(ID, {
    "likes": ("{n}篇发文共{z}次点赞", "{z} likes over {n} posts"),
})


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    z, n = facts.col("Z"), facts.col("n")
    return batch_result(facts.ids, ratio(z, n, empty=0.0), texts(T, "likes", z=z, n=n))
