"""question-reply-rate — share of users' questions the account answered (舆情处理; 回应率).

Evidence: the first unanswered questions, with when they were asked.
"""
from __future__ import annotations

import numpy as np

from govlens.indicators.newmedia._newmedia import T as NM
from govlens.indicators.newmedia._newmedia import ratio, texts
from govlens.indicators.base import BatchResult, Evidence, IndicatorContext, batch_result
from govlens.text import Messages

ID = "question-reply-rate"
TITLE = ("网民提问回复率", "Questions answered")
REQUIRES = ("account_comments",)
HIGHLIGHT = ("未回复的网民提问", "Unanswered questions from users")   # listed on the scorecard
UNIT = "ratio"
UNIT_LABEL = ("%", "%")

T = Messages(ID, {
    "answered": ("{q}条提问中{a}条已回复", "{a} of {q} questions answered"),
    "none": ("无用户提问", "no question asked"),
    "unanswered": ("未回复 · {at}", "unanswered · {at}"),
})


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    if "questions" not in facts.frame:
        return batch_result(facts.ids, np.full(len(facts.ids), np.nan), "", missing_detail=NM("no_comments"))
    q, a = facts.col("questions"), facts.col("answered")
    result = batch_result(facts.ids, ratio(a, q), texts(T, "answered", a=a, q=q),
                          missing_detail=T("none"))
    result.evidence = {pid: [Evidence(url=u.get("url") or facts.platforms[pid].url, detail=T("unanswered", at=u["created_at"][:16]),
                                      snippet=u["text"][:200]) for u in items]
                       for pid, items in facts.unanswered.items()}
    return result
