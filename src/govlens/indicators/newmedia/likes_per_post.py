"""likes-per-post — likes (点赞) per post (互动力); 0 when nothing was posted."""
from __future__ import annotations

from govlens.indicators.newmedia._newmedia import ratio_indicator
from govlens.text import Messages

ID = "likes-per-post"
TITLE = ("篇均点赞量", "Likes per post")
REQUIRES = ("account_stats",)
UNIT = "rate"
UNIT_LABEL = ("次", "")

T = Messages(ID, {
    "likes": ("{n}篇发文共{z}次点赞", "{z} likes over {n} posts"),
})


evaluate_batch = ratio_indicator(T, "likes", ("z", "Z"), ("n", "n"), empty=0.0)
