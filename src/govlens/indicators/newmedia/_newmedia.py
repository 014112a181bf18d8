"""Helpers shared by the new-media batch indicators (vectorised; nothing here reads the store)."""
from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

import numpy as np

from govlens.indicators.base import BatchResult, Evidence, Finding, IndicatorContext, batch_result
from govlens.text import CLOSE, OPEN, Messages

Evaluate = Callable[[Any, IndicatorContext], BatchResult]
Columns = dict[str, np.ndarray]

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

    The marked strings :func:`govlens.text.message` writes, built in one pass over the accounts (a list
    comprehension: numpy's ``char.mod`` calls Python's ``%`` per element anyway, and its fixed-width
    ``char.add`` copies every string once per column): numbers print as whole numbers when whole or
    ≥ 100, else with two decimals; NaN prints as "—".
    """
    if name not in messages.names:
        raise KeyError(f"{messages.prefix}: no message {name!r}")
    n = len(next(iter(columns.values()))) if columns else 0
    labels, shown = [], []
    for key in sorted(columns):
        values = np.asarray(columns[key])
        column = _fmt(values)
        if values.dtype.kind not in "fiub":            # text may hold quotes: escaped as JSON
            column = [json.dumps(str(v), ensure_ascii=False)[1:-1] for v in column]
        labels.append(json.dumps(key) + ': "')
        shown.append(column)
    head, tail = f"{OPEN}{messages.prefix}.{name}|{{", "}" + CLOSE
    out = np.empty(n, dtype=object)
    out[:] = [head + ", ".join(label + v + '"' for label, v in zip(labels, row)) + tail
              for row in (zip(*shown) if shown else [()] * n)]
    return out


def _fmt(values: Any) -> list[str]:
    a = np.asarray(values)
    if a.dtype.kind in "fiub":
        return ["—" if not np.isfinite(v) else "%.0f" % v if abs(v) >= 100 or v == round(v) else "%.2f" % v
                for v in a.astype(float).tolist()]
    return ["—" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v) for v in a]


def post_evidence(facts: Any) -> dict[str, list[Evidence]]:
    """The most-read posts of each account, as evidence."""
    return {pid: [Evidence(url=p["url"], detail=T("post", reads=f"{p['reads']:,}", likes=f"{p['likes']:,}",
                                                  shares=f"{p['shares']:,}", comments=f"{p['comments']:,}",
                                                  at=p["published_at"][:16]),
                           snippet=p["text"][:200]) for p in posts]
            for pid, posts in facts.top_posts.items()}


def needs_column(column: str, absent: str) -> Callable[[Evaluate], Evaluate]:
    """``evaluate_batch`` run only when the facts hold ``column`` (its table was imported), else every account
    missing with ``absent``: account-reply-delay, comment-sentiment, expert-recommendation, negative-response,
    question-reply-rate, rumour-refutation, service-content."""
    def wrap(evaluate: Evaluate) -> Evaluate:
        @functools.wraps(evaluate)
        def evaluate_batch(facts: Any, ctx: IndicatorContext) -> BatchResult:
            if column not in facts.frame:
                return batch_result(facts.ids, np.full(len(facts.ids), np.nan), "", missing_detail=absent)
            return evaluate(facts, ctx)
        return evaluate_batch
    return wrap


def on_weibo(facts: Any, columns: Columns) -> np.ndarray:
    """Where a WeChat-only indicator is not applicable (``na=(on_weibo, …)``)."""
    return ~facts.is_wechat()


def account_indicator(messages: Messages, name: str, value: str | Callable[[Any, Columns], np.ndarray], /, *,
                      needs: tuple[str, str] | None = None, missing_detail: str | None = None,
                      na: tuple[Callable[[Any, Columns], np.ndarray], str] | None = None,
                      evidence: Callable[[Any], dict[str, list[Evidence]]] | None = None,
                      **shown: str | Callable[[Any], np.ndarray]) -> Evaluate:
    """The ``evaluate_batch`` of a value with its message, the shape most new-media indicators share.

    ``value``: a column, or a function of the facts and the shown columns; the detail is message ``name`` of
    ``messages`` with ``shown`` (placeholder → column, or a function of the facts). ``missing_detail``: why a
    value is missing; ``na`` = (where, why) not applicable; ``evidence``: each account's evidence; ``needs`` =
    (column, why) as :func:`needs_column`. Used by account-reply-delay, engagement-rate, followers,
    follower-growth, rumour-refutation, service-functions and the ratios (:func:`ratio_indicator`).
    """
    def evaluate_batch(facts: Any, ctx: IndicatorContext) -> BatchResult:
        c = {k: facts.col(s) if isinstance(s, str) else s(facts) for k, s in shown.items()}
        options: dict[str, Any] = {} if missing_detail is None else {"missing_detail": missing_detail}
        if na is not None:
            options.update(not_applicable=na[0](facts, c), na_detail=na[1])
        v = facts.col(value) if isinstance(value, str) else value(facts, c)
        result = batch_result(facts.ids, v, texts(messages, name, **c), **options)
        if evidence is not None:
            result.evidence = evidence(facts)
        return result
    return evaluate_batch if needs is None else needs_column(*needs)(evaluate_batch)


def ratio_indicator(messages: Messages, name: str, num: tuple[str, str], den: tuple[str, str], /, *,
                    empty: float = np.nan, **options: Any) -> Evaluate:
    """:func:`account_indicator` of ``num`` / ``den`` (each (placeholder, column), both shown; ``empty`` where
    ``den`` is 0): active-days, comments-per-post, daily-reads, likes-per-post, looking-per-article,
    negative-response, original-share, posts-per-day, question-reply-rate, reads-per-post, shares-per-post."""
    (a, column_a), (b, column_b) = num, den
    return account_indicator(messages, name, lambda facts, c: ratio(c[a], c[b], empty=empty),
                             **{a: column_a, b: column_b}, **options)


def account_findings(result: BatchResult, facts: Any, where: Any, kind: str,
                     detail: Callable[[int], str]) -> BatchResult:
    """``result`` with a ``kind`` finding at the URL of each account where ``where`` holds, saying ``detail(i)``
    (``i`` its row): follower-anomaly, submission-accuracy, update-recency."""
    for i in np.flatnonzero(where):
        pid = facts.ids[i]
        url = facts.platforms[pid].url
        result.findings.append((pid, Finding(kind=kind, url=url, evidence_url=url, detail=detail(i))))
    return result
