"""shares-per-post — reposts (Weibo) or shares (WeChat) per post (传播力); 0 when nothing was posted."""
from __future__ import annotations

from govlens.indicators.newmedia._newmedia import ratio, texts
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result
from govlens.text import Messages

ID = "shares-per-post"
TITLE = ("篇均转发量", "Shares per post")
REQUIRES = ("account_stats",)
UNIT = "rate"
UNIT_LABEL = ("次", "")

T = Messages(ID, {
    "shares": ("{n}篇发文共{s}次转发", "{s} shares over {n} posts"),
})


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    s, n = facts.col("shares"), facts.col("n")
    return batch_result(facts.ids, ratio(s, n, empty=0.0), texts(T, "shares", s=s, n=n))
