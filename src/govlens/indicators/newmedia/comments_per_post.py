"""comments-per-post — comments (评论/留言) per post (互动力); 0 when nothing was posted."""
from __future__ import annotations

from govlens.indicators.newmedia._newmedia import ratio_indicator
from govlens.text import Messages

ID = "comments-per-post"
TITLE = ("篇均评论量", "Comments per post")
REQUIRES = ("account_stats",)
UNIT = "rate"
UNIT_LABEL = ("条", "")

T = Messages(ID, {
    "comments": ("{n}篇发文共{c}条评论", "{c} comments over {n} posts"),
})


evaluate_batch = ratio_indicator(T, "comments", ("c", "comments"), ("n", "n"), empty=0.0)
