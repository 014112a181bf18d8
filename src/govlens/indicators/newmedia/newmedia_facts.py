"""Facts of every new-media account, computed once per run from the imported tables.

The account statistics of a national campaign are 18 million rows; the new-media indicators
never look at them row by row. One store query per source table (:mod:`govlens.store.newmedia`:
``nm_stats``, ``nm_posts``, ``nm_comments``, ``nm_submissions``, ``nm_experts``) aggregates them inside
DuckDB to one row per account, and the indicators (``evaluate_batch``) are vectorised numpy over that frame.
What needs Python per item is bounded by sampling, with the sampling error reported:

- **content sample** (服务信息): posts are classified as service information by keywords on a
  stratified sample (strata = weeks, proportional allocation, ``NEWMEDIA_SAMPLE_POSTS`` posts
  per account). The estimate is p̂ = Σ W_h p̂_h with standard error
  √(Σ W_h² (1 − n_h/N_h) p̂_h (1 − p̂_h) / (n_h − 1)) (Cochran, *Sampling Techniques*, 5.3);
  because the classifier is automatic the full count is also computed, and the realised
  error |p̂ − p| is reported beside the standard error.
- **sentiment**: the user comments that are not questions are scored with SnowNLP (a naive
  Bayes model trained on Chinese product reviews, shipped inside the PyPI package, so it runs
  offline; chosen over cnsenti because it needs no jieba dictionary download and returns a
  probability rather than word counts) on a simple random sample of
  ``NEWMEDIA_SENTIMENT_SAMPLE`` comments per account, mean and standard error reported.

Questions are user comments whose text asks (？, 吗, 请问, 怎么, 如何, 哪里, 能否, 是否, 什么时候, 为什么);
a question is answered when the account replied to it (``by_account`` with ``parent_id``).
"""
from __future__ import annotations

import math
import random
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from govlens.registry.model import Platform
from govlens.store import newmedia as nm
from govlens.store.campaign_store import CampaignStore
from govlens.text import Messages

T = Messages("newmedia-facts", {
    "over": ("{file}第{line}行（{source}）：{field}报送{reported}，实测{measured}",
             "{file}:{line} {source}: {field} reported {reported} / measured {measured}"),
    "self_nomination": ("单位自荐", "self-nomination"),
    "platform_submission": ("平台报送", "platform submission"),
    "followers": ("粉丝数", "followers"),
    "posts": ("发文数", "posts"),
    "reads": ("阅读数", "reads"),
})

ACCOUNT_KINDS = ("weibo", "wechat")
QUESTION = re.compile(r"[?？]|吗|请问|怎么|如何|哪里|能否|是否|什么时候|为什么")
SERVICE = re.compile(r"办理|办事|提醒|查询|预约|指南|服务|出行|路况|预警|便民|窗口|申请|缴费|办证|热线")
RUMOUR = re.compile(r"辟谣|谣言|不实|澄清")
TOP_POSTS = 3
UNANSWERED_SHOWN = 5


@dataclass
class NewMediaFacts:
    """One row per account (``frame``, indexed by platform id in registry order) and sparse evidence."""

    frame: pd.DataFrame
    platforms: dict[str, Platform]
    check_date: date
    top_posts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    unanswered: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @cached_property
    def ids(self) -> list[str]:
        """Platform ids in row order (computed once: the index never changes after building)."""
        return list(self.frame.index)

    def col(self, name: str) -> np.ndarray:
        return self.frame[name].to_numpy(dtype=float, na_value=np.nan)

    def is_wechat(self) -> np.ndarray:
        return self.frame["kind"].to_numpy() == "wechat"

    def text(self, name: str) -> np.ndarray:
        """Column ``name`` as strings, "" for every account when there is no such column."""
        return self.frame[name].astype(str).to_numpy() if name in self.frame else np.full(len(self.frame), "")

    def bought(self) -> np.ndarray:
        """Followers gained in jumps flagged as bought, 0 when none (followers, follower-growth and -anomaly)."""
        return np.nan_to_num(self.col("bought_growth")) if "bought_growth" in self.frame else np.zeros(len(self.frame))


def build_facts(store: CampaignStore, platforms: Sequence[Platform], check_date: date,
                settings: Mapping[str, Any]) -> NewMediaFacts:
    """Every account's facts from the store (accounts without data get NaN, i.e. missing)."""
    accounts = [p for p in platforms if p.kind in ACCOUNT_KINDS]
    index = pd.Index([p.id for p in accounts], name="platform_id")
    frame = pd.DataFrame({"kind": [p.kind for p in accounts]}, index=index)
    with nm.account_cursor(store, list(index)) as con:
        for part in (_stats(con, check_date, settings), _posts(con), _comments(con), _submissions(con),
                     _experts(con)):
            if part is not None and not part.empty:
                frame = frame.join(part, how="left")
        facts = NewMediaFacts(frame=frame, platforms={p.id: p for p in accounts}, check_date=check_date)
        if nm.has_rows(con, "nm_posts"):
            _content_sample(con, facts, settings)
            facts.top_posts = _top_posts(con)
        if nm.has_rows(con, "nm_comments"):
            _sentiment(con, facts, settings)
            facts.unanswered = _unanswered(con)
    return facts


def _stats(con: Any, check_date: date, settings: Mapping[str, Any]) -> pd.DataFrame | None:
    if not nm.has_rows(con, "nm_stats"):
        return None
    jump = float(settings["NEWMEDIA_BOUGHT_MIN_JUMP"])
    min_f = float(settings["NEWMEDIA_BOUGHT_MIN_FOLLOWERS"])
    reads_ratio = float(settings["NEWMEDIA_BOUGHT_MAX_READS_RATIO"])
    frame = nm.daily_stats(con, jump=jump, min_f=min_f, reads_ratio=reads_ratio)
    frame["bought_days"] = frame["bought_days"].fillna(0)
    frame["followers_start"] = frame["followers_start"] - frame["growth_first"]   # before the first day
    last = pd.to_datetime(frame["last_post"])
    frame["days_since_post"] = (pd.Timestamp(check_date) - last).dt.days
    return frame


def _posts(con: Any) -> pd.DataFrame | None:
    if not nm.has_rows(con, "nm_posts"):
        return None
    return nm.post_totals(con)


def _comments(con: Any) -> pd.DataFrame | None:
    if not nm.has_rows(con, "nm_comments"):
        return None
    return nm.question_replies(con, QUESTION.pattern)


def _submissions(con: Any) -> pd.DataFrame | None:
    if not nm.has_rows(con, "nm_submissions"):
        return None
    rows = nm.submissions_against_measured(con)
    worst: dict[str, tuple[float, str]] = {}
    count: dict[str, int] = defaultdict(int)
    for pid, source, file, line, rf, rp, rr, mf, mp, mr in rows:
        count[pid] += 1
        for name, rep, meas in (("followers", rf, mf), ("posts", rp, mp), ("reads", rr, mr)):
            if rep is None or meas is None:
                continue
            ratio = rep / max(meas, 1)
            if pid not in worst or ratio > worst[pid][0]:
                worst[pid] = (ratio, T("over", file=str(file), line=line, field=T.ref(name), reported=f"{rep:,}",
                                       measured=f"{meas:,}",
                                       source=T.ref(source) if source in T.names else str(source)))
    return pd.DataFrame({"sub_ratio": {k: v[0] for k, v in worst.items()},
                         "sub_detail": {k: v[1] for k, v in worst.items()},
                         "submissions": dict(count)})


def _experts(con: Any) -> pd.DataFrame | None:
    if not nm.has_experts(con):
        return None
    frame = nm.expert_means(con)
    frame["expert_file"] = True        # the campaign has expert recommendations: absent means not recommended
    return frame


# ---------------------------------------------------------------------------------------------- samples

def stratified_share(strata: Mapping[Any, Sequence[bool]], n: int, rng: random.Random) -> dict[str, float]:
    """Estimate the share of True over all strata from a proportional stratified sample of ``n``.

    Returns the estimate, its standard error, the sample size and the population size
    (Cochran 5.3; a stratum of one sampled unit contributes no variance term).
    """
    total = sum(len(v) for v in strata.values())
    if total == 0:
        return {"estimate": float("nan"), "se": float("nan"), "n": 0, "N": 0}
    if n <= 0 or n >= total:
        p = sum(sum(v) for v in strata.values()) / total
        return {"estimate": p, "se": 0.0, "n": total, "N": total}
    est = var = 0.0
    taken = 0
    for key in sorted(strata):
        units = list(strata[key])
        nh_pop = len(units)
        if nh_pop == 0:
            continue
        nh = max(1, round(n * nh_pop / total))
        nh = min(nh, nh_pop)
        sample = rng.sample(units, nh)
        ph = sum(sample) / nh
        w = nh_pop / total
        est += w * ph
        if nh > 1:
            var += w * w * (1 - nh / nh_pop) * ph * (1 - ph) / (nh - 1)
        taken += nh
    return {"estimate": est, "se": math.sqrt(var), "n": taken, "N": total}


def _content_sample(con: Any, facts: NewMediaFacts, settings: Mapping[str, Any]) -> None:
    n = int(settings["NEWMEDIA_SAMPLE_POSTS"])
    seed = int(settings["NEWMEDIA_SAMPLE_SEED"])
    rows = nm.post_texts_by_week(con)
    by: dict[str, dict[Any, list[bool]]] = defaultdict(lambda: defaultdict(list))
    for pid, wk, text in rows:
        by[pid][wk].append(bool(SERVICE.search(text or "")))
    out: dict[str, dict[str, float]] = {}
    for pid, strata in by.items():
        r = stratified_share(strata, n, random.Random(f"{seed}:{pid}:posts"))
        full = sum(sum(v) for v in strata.values()) / max(1, r["N"])
        out[pid] = {"service_share": r["estimate"], "service_se": r["se"], "service_n": r["n"],
                    "service_N": r["N"], "service_full": full}
    if out:
        facts.frame = facts.frame.join(pd.DataFrame.from_dict(out, orient="index"), how="left")


def _sentiment(con: Any, facts: NewMediaFacts, settings: Mapping[str, Any]) -> None:
    from snownlp import SnowNLP

    n = int(settings["NEWMEDIA_SENTIMENT_SAMPLE"])
    seed = int(settings["NEWMEDIA_SAMPLE_SEED"])
    rows = nm.user_comments(con)
    by: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for pid, _, text, replied in rows:
        if text and not QUESTION.search(text):
            by[pid].append((text, bool(replied)))
    cache: dict[str, float] = {}
    out = {}
    for pid, items in by.items():
        rng = random.Random(f"{seed}:{pid}:comments")
        sample = items if n <= 0 or len(items) <= n else rng.sample(items, n)
        scores = []
        negative = replied_negative = 0
        for text, replied in sample:
            if text not in cache:
                cache[text] = float(SnowNLP(text).sentiments)
            s = cache[text]
            scores.append(s)
            if s < 0.4:
                negative += 1
                replied_negative += replied
        arr = np.array(scores)
        fpc = 1 - len(sample) / len(items) if items else 0.0
        se = float(np.sqrt(fpc * arr.var(ddof=1) / len(arr))) if len(arr) > 1 else float("nan")
        out[pid] = {"sentiment": float(arr.mean()) if len(arr) else np.nan, "sentiment_se": se,
                    "sentiment_n": len(sample), "sentiment_N": len(items), "negatives": negative,
                    "negatives_replied": replied_negative}
    if out:
        facts.frame = facts.frame.join(pd.DataFrame.from_dict(out, orient="index"), how="left")


def _top_posts(con: Any) -> dict[str, list[dict[str, Any]]]:
    rows = nm.top_posts(con, TOP_POSTS)
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for pid, post_id, url, text, reads, likes, shares, comments, at in rows:
        out[pid].append({"post_id": post_id, "url": url or "", "text": text or "", "reads": reads, "likes": likes,
                         "shares": shares, "comments": comments, "published_at": str(at)})
    return dict(out)


def _unanswered(con: Any) -> dict[str, list[dict[str, Any]]]:
    rows = nm.unanswered_questions(con, QUESTION.pattern, UNANSWERED_SHOWN)
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for pid, cid, post_id, at, text, url in rows:
        out[pid].append({"comment_id": cid, "post_id": post_id, "created_at": str(at), "text": text or "",
                         "url": url or ""})
    return dict(out)
