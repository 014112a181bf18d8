"""follower-growth — net follower growth over the period, as a share of the followers before it (认同度).

Growth from jumps flagged as bought (``follower-anomaly``) is not counted.
"""
from __future__ import annotations

import numpy as np

from govlens.indicators.newmedia._newmedia import ratio, texts
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result
from govlens.text import Messages

ID = "follower-growth"
TITLE = ("粉丝增长率", "Follower growth")
REQUIRES = ("account_stats",)
UNIT = "ratio"
UNIT_LABEL = ("%", "%")

T = Messages(ID, {
    "growth": ("粉丝数{s} → {e}（其中{b}来自异常增长，未计入）", "{s} → {e} followers ({b} in suspicious jumps, not counted)"),
})


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    start, end = facts.col("followers_start"), facts.col("followers_end")
    bought = np.nan_to_num(facts.col("bought_growth")) if "bought_growth" in facts.frame else np.zeros(len(end))
    v = ratio(end - start - bought, start, empty=0.0)
    return batch_result(facts.ids, v, texts(T, "growth",
                                            s=start, e=end, b=bought))
