"""negative-response — share of negative comments the account replied to (舆情处理; 回应关切).

Negative = SnowNLP sentiment under 0.4, on the sentiment sample; not applicable when the
sample holds no negative comment.
"""
from __future__ import annotations

import numpy as np

from govlens.indicators._newmedia import ratio, texts
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result

ID = "negative-response"
REQUIRES = ("account_comments",)
UNIT = "ratio"


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    if "negatives" not in facts.frame:
        return batch_result(facts.ids, np.full(len(facts.ids), np.nan), "", missing_detail="no comments imported")
    neg, rep = facts.col("negatives"), facts.col("negatives_replied")
    none = np.nan_to_num(neg) == 0
    return batch_result(facts.ids, ratio(rep, neg), texts("{r} of {n} negative comments in the sample answered",
                                                         r=rep, n=neg),
                        not_applicable=none & ~np.isnan(neg), na_detail="no negative comment in the sample",
                        missing_detail="no user comment")
