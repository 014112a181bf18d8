"""follower-growth — net follower growth over the period, as a share of the followers before it (认同度).

Growth from jumps flagged as bought (``follower-anomaly``) is not counted.
"""
from __future__ import annotations

import numpy as np

from govlens.indicators._newmedia import ratio, texts
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result

ID = "follower-growth"
REQUIRES = ("account_stats",)
UNIT = "ratio"


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    start, end = facts.col("followers_start"), facts.col("followers_end")
    bought = np.nan_to_num(facts.col("bought_growth")) if "bought_growth" in facts.frame else np.zeros(len(end))
    v = ratio(end - start - bought, start, empty=0.0)
    return batch_result(facts.ids, v, texts("{s} → {e} followers ({b} in suspicious jumps, not counted)",
                                            s=start, e=end, b=bought))
