"""engagement-rate — interactions per post per 1,000 followers (互动力):
1000 · (likes + comments + shares) / n / followers at the end of the period.

Bought followers lower it (they never interact), which is one reason it is measured.
"""
from __future__ import annotations

import numpy as np

from govlens.indicators.newmedia._newmedia import account_indicator, ratio
from govlens.text import Messages

ID = "engagement-rate"
TITLE = ("千粉互动率", "Interactions per post per 1,000 followers")
REQUIRES = ("account_stats",)
UNIT = "rate"

T = Messages(ID, {
    "rate": ("互动{i}次，粉丝{f}名", "{i} interactions, {f} followers"),
})


def interactions(facts) -> np.ndarray:
    """Likes, comments and shares of the period."""
    return facts.col("Z") + facts.col("comments") + facts.col("shares")


evaluate_batch = account_indicator(
    T, "rate", lambda facts, c: ratio(ratio(c["i"], facts.col("n"), empty=0.0) * 1000.0, c["f"], empty=0.0),
    i=interactions, f="followers_end")
