"""comments-per-post — comments (评论/留言) per post (互动力); 0 when nothing was posted."""
from __future__ import annotations

from govlens.indicators.newmedia._newmedia import ratio, texts
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result
from govlens.text import Messages

ID = "comments-per-post"
TITLE = ("篇均评论量", "Comments per post")
REQUIRES = ("account_stats",)
UNIT = "rate"
UNIT_LABEL = ("条", "")

T = Messages(ID, {
    "comments": ("{n}篇发文共{c}条评论", "{c} comments over {n} posts"),
})


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    c, n = facts.col("comments"), facts.col("n")
    return batch_result(facts.ids, ratio(c, n, empty=0.0), texts(T, "comments", c=c, n=n))
