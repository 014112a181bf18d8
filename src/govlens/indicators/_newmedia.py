"""Helpers shared by the new-media batch indicators (vectorised; nothing here reads the store)."""
from __future__ import annotations

import re
from typing import Any

import numpy as np

from govlens.indicators.base import Evidence


def ratio(num: np.ndarray, den: np.ndarray, *, empty: float = np.nan) -> np.ndarray:
    """num / den, ``empty`` where den is 0, NaN where either is missing."""
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(den > 0, num / np.where(den > 0, den, 1), empty)
    return np.where(np.isnan(num) | np.isnan(den), np.nan, out)


def texts(template: str, **columns: Any) -> np.ndarray:
    """One detail string per account: ``template`` filled with each account's values.

    Vectorised (numpy's C string routines, no Python call per account): numbers print as whole
    numbers when whole or ≥ 100, else with two decimals; NaN prints as "—".
    """
    parts = _FIELD.split(template)            # literal, name, literal, name, …, literal
    n = len(next(iter(columns.values()))) if columns else 0
    out = np.full(n, parts[0], dtype=object).astype(str)
    for i in range(1, len(parts), 2):
        out = np.char.add(np.char.add(out, _fmt(columns[parts[i]])), parts[i + 1])
    return out.astype(object)


_FIELD = re.compile(r"\{(\w+)\}")


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
    return {pid: [Evidence(url=p["url"], detail=f"阅读 {p['reads']:,} · 点赞 {p['likes']:,} · 转发 {p['shares']:,} · "
                                               f"评论 {p['comments']:,} · {p['published_at'][:16]}",
                           snippet=p["text"][:200]) for p in posts]
            for pid, posts in facts.top_posts.items()}
