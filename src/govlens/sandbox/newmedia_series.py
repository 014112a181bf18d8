"""The daily statistics of new-media accounts, vectorised with numpy (accounts × days).

A national campaign has hundreds of thousands of accounts, so the series are drawn a chunk of
accounts at a time from one numpy generator per chunk, in the columns of the statistics CSV.
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from govlens.sandbox.newmedia_account import DAYS, Account

WEEKDAY = np.array([1.1, 1.15, 1.1, 1.05, 1.0, 0.55, 0.5])   # Monday … Sunday
STATS_COLUMNS = ["platform_id", "date", "followers", "follower_growth", "posts", "original_posts", "reads", "likes",
                 "shares", "comments", "looking", "headline_reads", "max_post_reads", "max_post_likes", "verified",
                 "menu_items"]


def empty_stats() -> pd.DataFrame:
    return pd.DataFrame({c: [] for c in STATS_COLUMNS})


def daily_stats(chunk: list[Account], rng: np.random.Generator, start: dt.date) -> pd.DataFrame:
    """Daily series of a chunk of accounts, vectorised: arrays of accounts × days."""
    n, d = len(chunk), DAYS
    if n == 0:
        return empty_stats()
    arr = {k: np.array([getattr(a, k) for a in chunk], dtype=float)
           for k in ("followers0", "growth", "post_rate", "original_share", "read_rate", "like_rate", "share_rate",
                     "comment_rate", "look_rate")}
    wechat = np.array([a.wechat for a in chunk])
    weekday = WEEKDAY[(np.arange(d) + start.weekday()) % 7][None, :]
    burst = np.ones((n, d))
    for i, a in enumerate(chunk):
        for b in a.bursts:
            burst[i, b] = 1.0 + rng.uniform(2.0, 8.0)
            if b + 1 < d:
                burst[i, b + 1] = 1.0 + rng.uniform(0.5, 2.0)
    posts = rng.poisson(arr["post_rate"][:, None] * weekday * (1 + 0.4 * (burst - 1)))
    # dormant and near-dormant accounts stop posting; every other account posted in the last 14 days
    for i, a in enumerate(chunk):
        stop = a.dormant_days if a.dormant_days is not None else a.quiet_days
        if stop is not None:
            last = d - 1 - stop
            posts[i, last + 1:] = 0
            if last >= 0 and posts[i, last] == 0:
                posts[i, last] = 1
        elif posts[i, d - 14:].sum() == 0:
            posts[i, d - 1 - int(rng.integers(0, 13))] = 1
    original = rng.binomial(posts, arr["original_share"][:, None])
    noise = rng.lognormal(0.0, 0.45, (n, d))
    f0 = arr["followers0"][:, None]
    reads = np.rint(f0 * arr["read_rate"][:, None] * (posts + 0.08) * noise * burst ** 0.9).astype(np.int64)
    likes = np.rint(reads * arr["like_rate"][:, None] * rng.lognormal(0, 0.3, (n, d))).astype(np.int64)
    shares = np.rint(reads * arr["share_rate"][:, None] * rng.lognormal(0, 0.3, (n, d)) * burst ** 0.3).astype(np.int64)
    comments = np.rint(reads * arr["comment_rate"][:, None] * rng.lognormal(0, 0.3, (n, d)) * burst ** 0.3
                       ).astype(np.int64)
    looking = np.where(wechat[:, None], np.rint(reads * arr["look_rate"][:, None]), 0).astype(np.int64)
    headline = np.where(wechat[:, None] & (posts > 0), np.rint(reads * rng.uniform(0.5, 0.85, (n, d))), 0
                        ).astype(np.int64)
    top = np.where(posts > 1, 1.0 / np.maximum(posts, 1) + (1 - 1.0 / np.maximum(posts, 1)) * rng.beta(2, 3, (n, d)),
                   1.0)
    max_reads = np.where(posts > 0, np.rint(reads * top), 0).astype(np.int64)
    max_likes = np.where(posts > 0, np.rint(likes * top), 0).astype(np.int64)
    growth = f0 * arr["growth"][:, None] * weekday * rng.lognormal(0, 0.5, (n, d)) * burst ** 0.8
    growth = growth - f0 * 0.0002 * rng.random((n, d))          # unfollows
    followers_before = f0 + np.cumsum(growth, axis=1) - growth
    for i, a in enumerate(chunk):
        for day, share in a.bought:
            growth[i, day] += followers_before[i, day] * share + 2000
            followers_before[i, day + 1:] += followers_before[i, day] * share + 2000
    growth = np.rint(growth).astype(np.int64)
    followers = np.rint(f0).astype(np.int64) + np.cumsum(growth, axis=1)
    verified = np.repeat(np.array([a.verified for a in chunk]), d)
    menu = np.repeat(np.array([a.menu_items if a.menu_items is not None else -1 for a in chunk]), d)
    dates = np.tile(pd.date_range(start, periods=d, freq="D").date, n)
    frame = pd.DataFrame({
        "platform_id": np.repeat(np.array([a.platform.id for a in chunk], dtype=object), d), "date": dates,
        "followers": followers.ravel(), "follower_growth": growth.ravel(), "posts": posts.ravel(),
        "original_posts": original.ravel(), "reads": reads.ravel(), "likes": likes.ravel(), "shares": shares.ravel(),
        "comments": comments.ravel(), "looking": looking.ravel(), "headline_reads": headline.ravel(),
        "max_post_reads": max_reads.ravel(), "max_post_likes": max_likes.ravel(), "verified": verified,
        "menu_items": menu})
    wx = np.repeat(wechat, d)
    for c in ("looking", "headline_reads", "menu_items"):
        frame[c] = frame[c].astype("Int64").where(wx, pd.NA)
    return frame
