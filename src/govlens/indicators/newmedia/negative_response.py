"""negative-response — share of negative comments the account replied to (舆情处理; 回应关切).

Negative = SnowNLP sentiment under 0.4, on the sentiment sample; not applicable when the
sample holds no negative comment.
"""
from __future__ import annotations

from govlens.indicators.newmedia._newmedia import T as NM
from govlens.indicators.newmedia._newmedia import ratio_indicator
from govlens.text import Messages

ID = "negative-response"
TITLE = ("负面评论回应率", "Negative comments answered")
REQUIRES = ("account_comments",)
UNIT = "ratio"

T = Messages(ID, {
    "answered": ("样本中{n}条负面评论有{r}条得到回应", "{r} of {n} negative comments in the sample answered"),
    "none": ("样本中无负面评论", "no negative comment in the sample"),
})


evaluate_batch = ratio_indicator(T, "answered", ("r", "negatives_replied"), ("n", "negatives"),
                                 needs=("negatives", NM("no_comments")), na=(lambda facts, c: c["n"] == 0, T("none")),
                                 missing_detail=NM("no_user_comment"))
