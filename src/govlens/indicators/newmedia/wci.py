"""wci — WeChat Communication Index (微信传播指数, WCI), for WeChat accounts (传播力).

Version 2.0 (清博/新榜, 2014), from the period's statistics, exactly as published::

    WCI = 10 · (0.8 · [0.40 ln(R+1) + 0.45 ln(R/n+1) + 0.15 ln(Rmax+1)]
               + 0.2 · [0.40 ln(Z+1) + 0.45 ln(Z/n+1) + 0.15 ln(Zmax+1)])²

R total reads, n articles, Rmax reads of the most-read article, Z total likes, Zmax likes of
the most-liked article (the published worked example R=10000, n=100, Rmax=300, Z=4000,
Zmax=60 gives 411.49). With no article, R/n and Z/n count as 0.

Option ``NEWMEDIA_WCI_VERSION = "14.2"``: the later daily / per-article variant, from the post
records (d days, n articles, Z 在看, L likes, RE shares, t = headline articles)::

    x(R, Z, L, RE) = 0.70 ln(R+1) + 0.09 ln(10Z+1) + 0.06 ln(10L+1) + 0.15 ln(10RE+1)
    WCI = 10 · 1.2 · (0.6 x(R/d, Z/d, L/d, RE/d) + 0.2 x(R/n, Z/n, L/n, RE/n)
                      + 0.1 x(Rt/d, Zt/d, Lt/d, REt/d) + 0.1 x(Rmax, Zmax, Lmax, REmax))²

Weibo accounts: not applicable (their reach is read from reads and reposts).
"""
from __future__ import annotations

import numpy as np

from govlens.indicators.newmedia._newmedia import ratio, texts
from govlens.indicators.base import BatchResult, IndicatorContext, batch_result, setting
from govlens.text import Messages

ID = "wci"
TITLE = ("微信传播指数（WCI）", "WeChat Communication Index (WCI)")
REQUIRES = ("account_stats",)
UNIT = "index"

T = Messages(ID, {
    "v14": ("WCI V14.2：{d}天内{n}篇文章", "WCI V14.2 over {n} articles in {d} days"),
    "wechat": ("WCI仅适用于微信公众号", "WCI applies to WeChat accounts"),
    "needs_posts": ("WCI V14.2需要发文记录", "WCI V14.2 needs the post records"),
    "v2": ("WCI 2.0：R={R}，n={n}，Rmax={Rmax}，Z={Z}，Zmax={Zmax}", "WCI 2.0: R={R}, n={n}, Rmax={Rmax}, Z={Z}, Zmax={Zmax}"),
})


def wci_v2(R, n, Rmax, Z, Zmax):  # noqa: N803 - the published symbols
    """WCI v2.0 (vectorised)."""
    R, n, Rmax, Z, Zmax = (np.asarray(x, dtype=float) for x in (R, n, Rmax, Z, Zmax))
    rn, zn = ratio(R, n, empty=0.0), ratio(Z, n, empty=0.0)
    reads = 0.40 * np.log(R + 1) + 0.45 * np.log(rn + 1) + 0.15 * np.log(Rmax + 1)
    likes = 0.40 * np.log(Z + 1) + 0.45 * np.log(zn + 1) + 0.15 * np.log(Zmax + 1)
    return 10.0 * (0.8 * reads + 0.2 * likes) ** 2


def _x(r, z, l, re):
    return 0.70 * np.log(r + 1) + 0.09 * np.log(10 * z + 1) + 0.06 * np.log(10 * l + 1) + 0.15 * np.log(10 * re + 1)


def wci_v14(d, n, R, Z, L, RE, Rt, Zt, Lt, REt, Rmax, Zmax, Lmax, REmax):  # noqa: N803
    """WCI V14.2, the daily / per-article variant (vectorised)."""
    a = [np.asarray(x, dtype=float) for x in (d, n, R, Z, L, RE, Rt, Zt, Lt, REt, Rmax, Zmax, Lmax, REmax)]
    d, n, R, Z, L, RE, Rt, Zt, Lt, REt, Rmax, Zmax, Lmax, REmax = a
    per_d = [ratio(x, d, empty=0.0) for x in (R, Z, L, RE)]
    per_n = [ratio(x, n, empty=0.0) for x in (R, Z, L, RE)]
    head = [ratio(x, d, empty=0.0) for x in (Rt, Zt, Lt, REt)]
    inner = 0.6 * _x(*per_d) + 0.2 * _x(*per_n) + 0.1 * _x(*head) + 0.1 * _x(Rmax, Zmax, Lmax, REmax)
    return 10.0 * 1.2 * inner ** 2


def evaluate_batch(facts, ctx: IndicatorContext) -> BatchResult:
    weibo = ~facts.is_wechat()
    version = str(setting(ctx, "NEWMEDIA_WCI_VERSION"))
    if version == "14.2":
        if "p_n" not in facts.frame:
            v = np.full(len(facts.ids), np.nan)
        else:
            c = {k: np.nan_to_num(facts.col(k)) for k in ("p_n", "p_R", "p_Z", "p_L", "p_RE", "p_Rt", "p_Zt",
                                                          "p_Lt", "p_REt", "p_Rmax", "p_Zmax", "p_Lmax", "p_REmax")}
            v = np.where(np.isnan(facts.col("p_n")), np.nan,
                         wci_v14(facts.col("days"), *c.values()))
        detail = texts(T, "v14", n=facts.col("p_n") if "p_n" in facts.frame
                       else np.full(len(facts.ids), np.nan), d=facts.col("days"))
        return batch_result(facts.ids, v, detail, not_applicable=weibo, na_detail=T("wechat"),
                            missing_detail=T("needs_posts"))
    R, n, Rmax, Z, Zmax = (facts.col(k) for k in ("R", "n", "Rmax", "Z", "Zmax"))
    v = wci_v2(R, n, Rmax, Z, Zmax)
    detail = texts(T, "v2", R=R, n=n, Rmax=Rmax, Z=Z, Zmax=Zmax)
    return batch_result(facts.ids, v, detail, not_applicable=weibo, na_detail=T("wechat"))
