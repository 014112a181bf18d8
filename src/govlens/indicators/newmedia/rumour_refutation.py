"""rumour-refutation — posts refuting rumours (辟谣, 澄清) in the period (舆情处理).

Counted on the post records by keywords (辟谣, 谣言, 不实, 澄清); missing without post records.
"""
from __future__ import annotations

from govlens.indicators.newmedia._newmedia import T as NM
from govlens.indicators.newmedia._newmedia import account_indicator
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


evaluate_batch = account_indicator(T, "posts", "rumours", r="rumours", needs=("rumours", NM("no_posts")),
                                   missing_detail=T("no_records"))
