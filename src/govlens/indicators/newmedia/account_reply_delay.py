"""account-reply-delay — median hours from a user's question to the account's reply (服务力).

Missing when no question was answered (the share answered is ``question-reply-rate``).
"""
from __future__ import annotations

from govlens.indicators.newmedia._newmedia import T as NM
from govlens.indicators.newmedia._newmedia import account_indicator
from govlens.text import Messages

ID = "account-reply-delay"
TITLE = ("回复网民提问用时（中位数）", "Median reply time to questions")
REQUIRES = ("account_comments",)
UNIT = "hours"

T = Messages(ID, {
    "median": ("{a}条已回复提问的回复时间中位数", "median over {a} answered questions"),
    "none_answered": ("无已回复的提问", "no question answered"),
})


evaluate_batch = account_indicator(T, "median", "reply_hours", a="answered", needs=("reply_hours", NM("no_comments")),
                                   missing_detail=T("none_answered"))
