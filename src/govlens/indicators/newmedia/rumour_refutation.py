"""rumour-refutation — posts refuting rumours (辟谣, 澄清) in the period (舆情处理).

Counted on the post records by keywords (辟谣, 谣言, 不实, 澄清); missing without post records.
"""
from __future__ import annotations

import numpy as np

from govlens.indicators.newmedia._newmedia import T as NM
from govlens.indicators.newmedia._newmedia import texts
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result
from govlens.text import Messages

ID = "rumour-refutation"
TITLE = ("辟谣信息数", "Posts refuting rumours")
REQUIRES = ("account_posts",)
UNIT = "count"
UNIT_LABEL = ("条", "")

T = Messages(ID, {
    "posts": ("辟谣发文{r}篇", "{r} posts refuting rumours"),
    "no_records": ("无发文记录", "no post records"),
})


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    if "rumours" not in facts.frame:
        return batch_result(facts.ids, np.full(len(facts.ids), np.nan), "", missing_detail=NM("no_posts"))
    r = facts.col("rumours")
    return batch_result(facts.ids, r, texts(T, "posts", r=r), missing_detail=T("no_records"))
