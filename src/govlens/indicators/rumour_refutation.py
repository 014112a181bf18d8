"""rumour-refutation — posts refuting rumours (辟谣, 澄清) in the period (舆情处理).

Counted on the post records by keywords (辟谣, 谣言, 不实, 澄清); missing without post records.
"""
from __future__ import annotations

import numpy as np

from govlens.indicators._newmedia import texts
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result

ID = "rumour-refutation"
REQUIRES = ("account_posts",)
UNIT = "count"


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    if "rumours" not in facts.frame:
        return batch_result(facts.ids, np.full(len(facts.ids), np.nan), "", missing_detail="no post records imported")
    r = facts.col("rumours")
    return batch_result(facts.ids, r, texts("{r} posts refuting rumours", r=r), missing_detail="no post records")
