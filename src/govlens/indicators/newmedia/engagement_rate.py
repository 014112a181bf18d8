"""engagement-rate — interactions per post per 1,000 followers (互动力):
1000 · (likes + comments + shares) / n / followers at the end of the period.

Bought followers lower it (they never interact), which is one reason it is measured.
"""
from __future__ import annotations

from govlens.indicators.newmedia._newmedia import ratio, texts
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result
from govlens.text import Messages

ID = "engagement-rate"
TITLE = ("千粉互动率", "Interactions per post per 1,000 followers")
REQUIRES = ("account_stats",)
UNIT = "rate"

T = Messages(ID, {
    "rate": ("互动{i}次，粉丝{f}名", "{i} interactions, {f} followers"),
})


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    inter = facts.col("Z") + facts.col("comments") + facts.col("shares")
    per_post = ratio(inter, facts.col("n"), empty=0.0)
    f = facts.col("followers_end")
    v = ratio(per_post * 1000.0, f, empty=0.0)
    return batch_result(facts.ids, v, texts(T, "rate", i=inter, f=f))
