"""followers — followers at the end of the period, without suspicious jumps (认同度).

Followers gained in jumps the ``follower-anomaly`` check flags as bought are taken out, and
the detail says so: suspicious followers are reported, never silently scored.
"""
from __future__ import annotations

import numpy as np

from govlens.indicators.newmedia._newmedia import account_indicator
from govlens.text import Messages

ID = "followers"
TITLE = ("粉丝数（不含异常增长）", "Followers (without suspicious jumps)")
REQUIRES = ("account_stats",)
UNIT = "count"
UNIT_LABEL = ("人", "")

T = Messages(ID, {
    "followers": ("粉丝{f}名，其中{b}名来自异常增长（未计入）", "{f} followers, {b} of them from suspicious jumps (not counted)"),
})


evaluate_batch = account_indicator(T, "followers", lambda facts, c: np.maximum(c["f"] - c["b"], 0),
                                   f="followers_end", b=lambda facts: facts.bought())
