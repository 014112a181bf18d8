"""reads-per-post — mean reads of a post (传播力, WCI's R/n); 0 when nothing was posted.

Evidence: the account's most-read posts (from the post records, when imported).
"""
from __future__ import annotations

from govlens.indicators.newmedia._newmedia import post_evidence, ratio_indicator
from govlens.text import Messages

ID = "reads-per-post"
TITLE = ("篇均阅读量", "Reads per post")
REQUIRES = ("account_stats",)
HIGHLIGHT = ("阅读量最高的内容", "Most-read posts")   # its evidence is listed on the scorecard
UNIT = "rate"
UNIT_LABEL = ("次", "")

T = Messages(ID, {
    "reads": ("{n}篇发文共{R}次阅读", "{R} reads over {n} posts"),
})


evaluate_batch = ratio_indicator(T, "reads", ("R", "R"), ("n", "n"), empty=0.0, evidence=post_evidence)
