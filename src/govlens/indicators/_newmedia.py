"""Helpers shared by the new-media batch indicators (vectorised; nothing here reads the store)."""
from __future__ import annotations

from typing import Any

import numpy as np

from govlens.indicators.base import Evidence


def ratio(num: np.ndarray, den: np.ndarray, *, empty: float = np.nan) -> np.ndarray:
    """num / den, ``empty`` where den is 0, NaN where either is missing."""
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(den > 0, num / np.where(den > 0, den, 1), empty)
    return np.where(np.isnan(num) | np.isnan(den), np.nan, out)


def texts(template: str, **columns: np.ndarray) -> np.ndarray:
    """One detail string per account: ``template`` formatted with each account's values."""
    keys = list(columns)
    n = len(next(iter(columns.values()))) if columns else 0
    out = np.empty(n, dtype=object)
    cols = [columns[k] for k in keys]
    for i in range(n):
        out[i] = template.format(**{k: _plain(c[i]) for k, c in zip(keys, cols)})
    return out


def _plain(v: Any) -> Any:
    if isinstance(v, (float, np.floating)):
        if np.isnan(v):
            return "—"
        if float(v).is_integer() or abs(v) >= 100:
            return f"{v:,.0f}"
        return f"{v:.2f}"
    if isinstance(v, (int, np.integer)):
        return f"{int(v):,}"
    return v


def post_evidence(facts: Any) -> dict[str, list[Evidence]]:
    """The most-read posts of each account, as evidence."""
    return {pid: [Evidence(url=p["url"], detail=f"阅读 {p['reads']:,} · 点赞 {p['likes']:,} · 转发 {p['shares']:,} · "
                                               f"评论 {p['comments']:,} · {p['published_at'][:16]}",
                           snippet=p["text"][:200]) for p in posts]
            for pid, posts in facts.top_posts.items()}
