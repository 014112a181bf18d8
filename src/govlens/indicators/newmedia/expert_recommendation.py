"""expert-recommendation — mean score (0–100) the experts gave the account (认同度; 专家推荐).

When the campaign imported expert recommendations, an account no expert recommended scores
0 ("not recommended"); without such a file the indicator is missing for everyone.
"""
from __future__ import annotations

import numpy as np

from govlens.indicators.newmedia._newmedia import needs_column, texts
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result
from govlens.text import Messages

ID = "expert-recommendation"
TITLE = ("专家推荐得分", "Expert recommendation score")
REQUIRES = ("expert_recommendation",)
UNIT = "score"
UNIT_LABEL = ("分", "")

T = Messages(ID, {
    "none": ("未导入专家推荐", "no expert recommendations imported"),
    "mean": ("{k}位专家评分的平均值", "mean of {k} expert score(s)"),
    "not_recommended": ("未获专家推荐", "not recommended"),
})


@needs_column("expert_mean", T("none"))
def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    m, k = facts.col("expert_mean"), np.nan_to_num(facts.col("expert_n"))
    v = np.where(k > 0, m, 0.0)
    return batch_result(facts.ids, v, np.where(k > 0, texts(T, "mean", k=k), T("not_recommended")))
