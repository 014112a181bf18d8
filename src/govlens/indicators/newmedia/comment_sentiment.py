"""comment-sentiment — mean sentiment (0 negative … 1 positive) of users' comments (舆情处理).

SnowNLP on a random sample of the comments that are not questions
(``NEWMEDIA_SENTIMENT_SAMPLE`` per account); the detail gives the sample and its standard error.
"""
from __future__ import annotations

import numpy as np

from govlens.indicators.newmedia._newmedia import T as NM
from govlens.indicators.newmedia._newmedia import needs_column
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result
from govlens.text import Messages

ID = "comment-sentiment"
TITLE = ("评论情感倾向（抽样）", "Comment sentiment (sampled)")
REQUIRES = ("account_comments",)
UNIT = "ratio"

T = Messages(ID, {
    "none": ("无用户评论", "no user comment"),
    "sample": ("SnowNLP抽样分析{total}条评论中的{n}条：{p} ± {se}（标准误）", "SnowNLP on {n} of {total} comments: {p} ± {se} (standard error)"),
})


@needs_column("sentiment", NM("no_comments"))
def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    v, se, n, N = (facts.col(k) for k in ("sentiment", "sentiment_se", "sentiment_n", "sentiment_N"))
    detail = np.array([T("sample", n=int(a), total=int(b), p=f"{p:.2f}", se=f"{s:.2f}")
                       if np.isfinite(p) else "" for p, s, a, b in zip(v, np.nan_to_num(se), np.nan_to_num(n),
                                                                        np.nan_to_num(N))], dtype=object)
    return batch_result(facts.ids, v, detail, missing_detail=T("none"))
