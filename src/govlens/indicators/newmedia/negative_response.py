"""negative-response — share of negative comments the account replied to (舆情处理; 回应关切).

Negative = SnowNLP sentiment under 0.4, on the sentiment sample; not applicable when the
sample holds no negative comment.
"""
from __future__ import annotations

import numpy as np

from govlens.indicators.newmedia._newmedia import T as NM
from govlens.indicators.newmedia._newmedia import ratio, texts
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result
from govlens.text import Messages

ID = "negative-response"
TITLE = ("负面评论回应率", "Negative comments answered")
REQUIRES = ("account_comments",)
UNIT = "ratio"
UNIT_LABEL = ("%", "%")

T = Messages(ID, {
    "answered": ("样本中{n}条负面评论有{r}条得到回应", "{r} of {n} negative comments in the sample answered"),
    "none": ("样本中无负面评论", "no negative comment in the sample"),
})


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    if "negatives" not in facts.frame:
        return batch_result(facts.ids, np.full(len(facts.ids), np.nan), "", missing_detail=NM("no_comments"))
    neg, rep = facts.col("negatives"), facts.col("negatives_replied")
    none = np.nan_to_num(neg) == 0
    return batch_result(facts.ids, ratio(rep, neg), texts(T, "answered",
                                                         r=rep, n=neg),
                        not_applicable=none & ~np.isnan(neg), na_detail=T("none"),
                        missing_detail=NM("no_user_comment"))
