"""Helpers shared by the new-media batch indicators (vectorised; nothing here reads the store)."""
from __future__ import annotations

import json
from typing import Any

import numpy as np

from govlens.indicators.base import Evidence
from govlens.text import CLOSE, OPEN, Messages

T = Messages("newmedia", {
    "post": ("阅读 {reads} · 点赞 {likes} · 转发 {shares} · 评论 {comments} · {at}",
             "reads {reads} · likes {likes} · shares {shares} · comments {comments} · {at}"),
    "no_comments": ("未导入评论数据", "no comments imported"),
    "no_posts": ("未导入发文记录", "no post records imported"),
    "no_user_comment": ("无用户评论", "no user comment"),
    "wechat_only": ("仅适用于微信公众号", "applies to WeChat accounts only"),
})


def ratio(num: np.ndarray, den: np.ndarray, *, empty: float = np.nan) -> np.ndarray:
    """num / den, ``empty`` where den is 0, NaN where either is missing."""
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(den > 0, num / np.where(den > 0, den, 1), empty)
    return np.where(np.isnan(num) | np.isnan(den), np.nan, out)


def texts(messages: Messages, name: str, **columns: Any) -> np.ndarray:
    """One detail per account: message ``name`` of ``messages`` with each account's values.

    Vectorised (numpy's C string routines, no Python call per account) into the marked strings
    :func:`govlens.text.message` writes: numbers print as whole numbers when whole or ≥ 100, else
    with two decimals; NaN prints as "—".
    """
    if name not in messages.names:
        raise KeyError(f"{messages.prefix}: no message {name!r}")
    n = len(next(iter(columns.values()))) if columns else 0
    out = np.full(n, f"{OPEN}{messages.prefix}.{name}|{{", dtype=object).astype(str)
    for i, key in enumerate(sorted(columns)):
        values = np.asarray(columns[key])
        shown = _fmt(values)
        if values.dtype.kind not in "fiub":            # text may hold quotes: escaped as JSON
            shown = np.array([json.dumps(str(v), ensure_ascii=False)[1:-1] for v in shown], dtype=str)
        out = np.char.add(np.char.add(out, ("" if i == 0 else ", ") + json.dumps(key) + ': "'), shown)
        out = np.char.add(out, '"')
    return np.char.add(out, "}" + CLOSE).astype(object)


def _fmt(values: Any) -> np.ndarray:
    a = np.asarray(values)
    if a.dtype.kind in "fiub":
        a = a.astype(float)
        finite = np.isfinite(a)
        safe = np.where(finite, a, 0.0)
        whole = (np.abs(safe) >= 100) | (safe == np.round(safe))
        text = np.where(whole, np.char.mod("%.0f", safe), np.char.mod("%.2f", safe))
        return np.where(finite, text, "—")
    return np.array(["—" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v) for v in a], dtype=str)


def post_evidence(facts: Any) -> dict[str, list[Evidence]]:
    """The most-read posts of each account, as evidence."""
    return {pid: [Evidence(url=p["url"], detail=T("post", reads=f"{p['reads']:,}", likes=f"{p['likes']:,}",
                                                  shares=f"{p['shares']:,}", comments=f"{p['comments']:,}",
                                                  at=p["published_at"][:16]),
                           snippet=p["text"][:200]) for p in posts]
            for pid, posts in facts.top_posts.items()}
