"""follower-anomaly — the largest suspicious one-day follower jump, as a share of the followers before it.

A check, not a scored indicator (the framework lists it under ``checks``): a day is suspicious
when followers grow by at least ``NEWMEDIA_BOUGHT_MIN_JUMP`` of the followers before it (and at
least ``NEWMEDIA_BOUGHT_MIN_FOLLOWERS``) while reads and interactions stay under
``NEWMEDIA_BOUGHT_MAX_READS_RATIO`` times the account's typical day (per post on a day with posts,
against its median posting day; whole on a day without, against its median idle day): real
surges come with an event people read about; bought followers read nothing. Jumps spread thin over many days are not detected by this rule. Each such account is a
``bought_followers`` finding, and its suspicious followers are left out of ``followers`` and
``follower-growth``.
"""
from __future__ import annotations

import numpy as np

from govlens.contract import defects
from govlens.indicators.newmedia._newmedia import account_findings, texts
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result
from govlens.text import Messages

ID = "follower-anomaly"
TITLE = ("粉丝单日异常增幅", "Largest suspicious follower jump")
REQUIRES = ("account_stats",)
UNIT = "ratio"

T = Messages(ID, {
    "days": ("{k}天粉丝数异常增长，最大增幅+{j}%（{w}）", "{k} suspicious day(s), largest +{j}% on {w}"),
    "none": ("粉丝数无异常增长", "no suspicious follower jump"),
    "bought": ("疑似购买粉丝：{k}天粉丝数激增而阅读量未增（增加{gained}名粉丝；最大增幅+{jump}%，{when}）", "{k} day(s) of follower jumps without reads (+{gained} followers; largest +{jump}% on {when})"),
})


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    days = facts.col("days")
    k = np.nan_to_num(facts.col("bought_days"))
    jump = np.where(k > 0, facts.col("bought_max_ratio"), 0.0)
    v = np.where(np.isnan(days), np.nan, jump)
    when, gained = facts.text("bought_date"), facts.bought()
    result = batch_result(facts.ids, v, np.where(k > 0, texts(T, "days",
                                                              k=k, j=np.round(jump * 100, 1), w=when),
                                                 T("none")))
    return account_findings(result, facts, k > 0, defects.BOUGHT_FOLLOWERS,
                            lambda i: T("bought", k=int(k[i]), gained=f"{int(gained[i]):,}",
                                        jump=round(jump[i] * 100), when=str(when[i])))
