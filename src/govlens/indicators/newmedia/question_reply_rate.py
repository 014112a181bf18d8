"""question-reply-rate — share of users' questions the account answered (舆情处理; 回应率).

Evidence: the first unanswered questions, with when they were asked.
"""
from __future__ import annotations

from govlens.indicators.newmedia._newmedia import T as NM
from govlens.indicators.newmedia._newmedia import ratio_indicator
from govlens.indicators.base import Evidence
from govlens.text import Messages

ID = "question-reply-rate"
TITLE = ("网民提问回复率", "Questions answered")
REQUIRES = ("account_comments",)
HIGHLIGHT = ("未回复的网民提问", "Unanswered questions from users")   # listed on the scorecard
UNIT = "ratio"

T = Messages(ID, {
    "answered": ("{q}条提问中{a}条已回复", "{a} of {q} questions answered"),
    "none": ("无用户提问", "no question asked"),
    "unanswered": ("未回复 · {at}", "unanswered · {at}"),
})


def unanswered(facts) -> dict[str, list[Evidence]]:
    """The first unanswered questions of each account, with when they were asked."""
    return {pid: [Evidence(url=u.get("url") or facts.platforms[pid].url, detail=T("unanswered", at=u["created_at"][:16]),
                           snippet=u["text"][:200]) for u in items]
            for pid, items in facts.unanswered.items()}


evaluate_batch = ratio_indicator(T, "answered", ("a", "answered"), ("q", "questions"),
                                 needs=("questions", NM("no_comments")), missing_detail=T("none"), evidence=unanswered)
