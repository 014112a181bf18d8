"""Facts of every new-media account, computed once per run in SQL from the imported tables.

The account statistics of a national campaign are 18 million rows; the new-media indicators
never look at them row by row. One query per source table (``nm_stats``, ``nm_posts``,
``nm_comments``, ``nm_submissions``, ``nm_experts``) aggregates them inside DuckDB to one row
per account, and the indicators (``evaluate_batch``) are vectorised numpy over that frame.
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


def build_facts(store: CampaignStore, platforms: Sequence[Platform], check_date: date,
                settings: Mapping[str, Any]) -> NewMediaFacts:
    """Every account's facts from the store (accounts without data get NaN, i.e. missing)."""
    accounts = [p for p in platforms if p.kind in ACCOUNT_KINDS]
    index = pd.Index([p.id for p in accounts], name="platform_id")
    frame = pd.DataFrame({"kind": [p.kind for p in accounts]}, index=index)
    con = store.con.cursor()
    try:
        con.register("_nm_ids", pd.DataFrame({"platform_id": pd.Series(list(index), dtype=object)}))
        for part in (_stats(con, check_date, settings), _posts(con), _comments(con), _submissions(con),
                     _experts(con)):
            if part is not None and not part.empty:
                frame = frame.join(part, how="left")
        facts = NewMediaFacts(frame=frame, platforms={p.id: p for p in accounts}, check_date=check_date)
        if _has_rows(con, "nm_posts"):
            _content_sample(con, facts, settings)
            facts.top_posts = _top_posts(con)
        if _has_rows(con, "nm_comments"):
            _sentiment(con, facts, settings)
            facts.unanswered = _unanswered(con)
    finally:
        con.close()
    return facts


def _has_rows(con: Any, table: str) -> bool:
    return bool(con.execute(f"SELECT EXISTS (SELECT 1 FROM {table} WHERE platform_id IN "
                            "(SELECT platform_id FROM _nm_ids))").fetchone()[0])


def _stats(con: Any, check_date: date, settings: Mapping[str, Any]) -> pd.DataFrame | None:
    if not _has_rows(con, "nm_stats"):
        return None
    jump = float(settings["NEWMEDIA_BOUGHT_MIN_JUMP"])
    min_f = float(settings["NEWMEDIA_BOUGHT_MIN_FOLLOWERS"])
    reads_ratio = float(settings["NEWMEDIA_BOUGHT_MAX_READS_RATIO"])
    frame = con.execute(f"""
        WITH s AS (
            SELECT * FROM nm_stats WHERE platform_id IN (SELECT platform_id FROM _nm_ids)),
        med AS (   -- a typical posting day, per post; a typical idle day
            SELECT platform_id,
                   median(reads / posts) FILTER (WHERE posts > 0) AS med_rpp,
                   median((comments + likes) / posts) FILTER (WHERE posts > 0) AS med_epp,
                   median(reads) FILTER (WHERE posts = 0) AS med_idle,
                   median(comments + likes) FILTER (WHERE posts = 0) AS med_eidle
            FROM s GROUP BY platform_id),
        jumps AS (
            SELECT s.platform_id, s."date", s.follower_growth,
                   s.follower_growth / greatest(s.followers - s.follower_growth, 1) AS ratio
            FROM s JOIN med USING (platform_id)
            WHERE s.follower_growth >= {min_f}
              AND s.follower_growth >= {jump} * greatest(s.followers - s.follower_growth, 1)
              AND CASE WHEN s.posts > 0
                       THEN s.reads / s.posts <= {reads_ratio} * greatest(coalesce(med.med_rpp, 0), 1)
                            AND (s.comments + s.likes) / s.posts <= {reads_ratio} * greatest(coalesce(med.med_epp, 0), 1)
                       ELSE s.reads <= {reads_ratio} * greatest(coalesce(med.med_idle, med.med_rpp, 0), 1)
                            AND s.comments + s.likes <= {reads_ratio} * greatest(coalesce(med.med_eidle, med.med_epp, 0), 1)
                  END),
        j AS (
            SELECT platform_id, count(*) AS bought_days, max(ratio) AS bought_max_ratio,
                   arg_max("date", ratio) AS bought_date, sum(follower_growth) AS bought_growth
            FROM jumps GROUP BY platform_id)
        SELECT s.platform_id, count(*) AS days, min(s."date") AS first_day, max(s."date") AS last_day,
               sum(reads) AS R, sum(posts) AS n, max(max_post_reads) AS Rmax, sum(likes) AS Z,
               max(max_post_likes) AS Zmax, sum(shares) AS shares, sum(comments) AS comments,
               sum(looking) AS looking, sum(headline_reads) AS headline_reads, sum(original_posts) AS original,
               count(*) FILTER (WHERE posts > 0) AS active_days, max(s."date") FILTER (WHERE posts > 0) AS last_post,
               arg_max(followers, s."date") AS followers_end, arg_min(followers, s."date") AS followers_start,
               arg_min(follower_growth, s."date") AS growth_first,
               arg_max(verified, s."date") AS verified, arg_max(menu_items, s."date") AS menu_items,
               any_value(j.bought_days) AS bought_days, any_value(j.bought_max_ratio) AS bought_max_ratio,
               any_value(j.bought_date) AS bought_date, any_value(j.bought_growth) AS bought_growth
        FROM s LEFT JOIN j USING (platform_id)
        GROUP BY s.platform_id""").df().set_index("platform_id")
    frame["bought_days"] = frame["bought_days"].fillna(0)
    frame["followers_start"] = frame["followers_start"] - frame["growth_first"]   # before the first day
    last = pd.to_datetime(frame["last_post"])
    frame["days_since_post"] = (pd.Timestamp(check_date) - last).dt.days
    return frame


def _posts(con: Any) -> pd.DataFrame | None:
    if not _has_rows(con, "nm_posts"):
        return None
    return con.execute("""
        SELECT platform_id, count(*) AS p_n, count(DISTINCT CAST(published_at AS DATE)) AS p_active,
               sum(reads) AS p_R, sum(looking) AS p_Z, sum(likes) AS p_L, sum(shares) AS p_RE,
               sum(reads) FILTER (WHERE headline) AS p_Rt, sum(looking) FILTER (WHERE headline) AS p_Zt,
               sum(likes) FILTER (WHERE headline) AS p_Lt, sum(shares) FILTER (WHERE headline) AS p_REt,
               max(reads) AS p_Rmax, max(looking) AS p_Zmax, max(likes) AS p_Lmax, max(shares) AS p_REmax,
               count(*) FILTER (WHERE regexp_matches(text, '辟谣|谣言|不实|澄清')) AS rumours,
               min(published_at) AS p_first, max(published_at) AS p_last
        FROM nm_posts WHERE platform_id IN (SELECT platform_id FROM _nm_ids) GROUP BY platform_id
        """).df().set_index("platform_id")


def _comments(con: Any) -> pd.DataFrame | None:
    if not _has_rows(con, "nm_comments"):
        return None
    q = QUESTION.pattern.replace("'", "''")
    return con.execute(f"""
        WITH c AS (SELECT * FROM nm_comments WHERE platform_id IN (SELECT platform_id FROM _nm_ids)),
        q AS (SELECT platform_id, comment_id, created_at FROM c
              WHERE NOT by_account AND parent_id IS NULL AND regexp_matches(text, '{q}')),
        r AS (SELECT platform_id, parent_id, min(created_at) AS replied_at FROM c
              WHERE by_account AND parent_id IS NOT NULL GROUP BY platform_id, parent_id)
        SELECT q.platform_id, count(*) AS questions, count(r.replied_at) AS answered,
               median(epoch(r.replied_at - q.created_at) / 3600.0) AS reply_hours
        FROM q LEFT JOIN r ON r.platform_id = q.platform_id AND r.parent_id = q.comment_id
        GROUP BY q.platform_id""").df().set_index("platform_id")


def _submissions(con: Any) -> pd.DataFrame | None:
    if not _has_rows(con, "nm_submissions"):
        return None
    rows = con.execute("""
        WITH m AS (SELECT platform_id, arg_max(followers, "date") AS followers, sum(posts) AS posts,
                          sum(reads) AS reads FROM nm_stats GROUP BY platform_id)
        SELECT s.platform_id, s.source, s.source_file, s.source_line,
               s.followers AS r_followers, s.posts AS r_posts, s.reads AS r_reads,
               m.followers AS m_followers, m.posts AS m_posts, m.reads AS m_reads
        FROM nm_submissions s LEFT JOIN m USING (platform_id)
        WHERE s.platform_id IN (SELECT platform_id FROM _nm_ids)""").fetchall()
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
    if not con.execute("SELECT EXISTS (SELECT 1 FROM nm_experts)").fetchone()[0]:
        return None
    frame = con.execute("""SELECT i.platform_id, avg(e.score) AS expert_mean, count(e.score) AS expert_n
                           FROM _nm_ids i LEFT JOIN nm_experts e USING (platform_id)
                           GROUP BY i.platform_id""").df().set_index("platform_id")
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
    rows = con.execute("""SELECT platform_id, CAST(date_trunc('week', published_at) AS DATE) AS wk, text
                          FROM nm_posts WHERE platform_id IN (SELECT platform_id FROM _nm_ids)
                            AND type <> 'repost'
                          ORDER BY platform_id, published_at, post_id""").fetchall()
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
    rows = con.execute("""
        SELECT c.platform_id, c.comment_id, c.text, EXISTS (SELECT 1 FROM nm_comments r
               WHERE r.platform_id = c.platform_id AND r.parent_id = c.comment_id AND r.by_account) AS replied
        FROM nm_comments c WHERE c.platform_id IN (SELECT platform_id FROM _nm_ids)
          AND NOT c.by_account AND c.parent_id IS NULL
        ORDER BY c.platform_id, c.created_at, c.comment_id""").fetchall()
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
    rows = con.execute(f"""
        SELECT platform_id, post_id, url, text, reads, likes, shares, comments, published_at FROM (
            SELECT *, row_number() OVER (PARTITION BY platform_id ORDER BY reads DESC, post_id) AS k
            FROM nm_posts WHERE platform_id IN (SELECT platform_id FROM _nm_ids)) WHERE k <= {TOP_POSTS}
        ORDER BY platform_id, k""").fetchall()
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for pid, post_id, url, text, reads, likes, shares, comments, at in rows:
        out[pid].append({"post_id": post_id, "url": url or "", "text": text or "", "reads": reads, "likes": likes,
                         "shares": shares, "comments": comments, "published_at": str(at)})
    return dict(out)


def _unanswered(con: Any) -> dict[str, list[dict[str, Any]]]:
    q = QUESTION.pattern.replace("'", "''")
    rows = con.execute(f"""
        SELECT u.platform_id, u.comment_id, u.post_id, u.created_at, u.text, p.url FROM (
            SELECT c.*, row_number() OVER (PARTITION BY c.platform_id ORDER BY c.created_at, c.comment_id) AS k
            FROM nm_comments c
            WHERE c.platform_id IN (SELECT platform_id FROM _nm_ids) AND NOT c.by_account AND c.parent_id IS NULL
              AND regexp_matches(c.text, '{q}')
              AND NOT EXISTS (SELECT 1 FROM nm_comments r WHERE r.platform_id = c.platform_id
                              AND r.parent_id = c.comment_id AND r.by_account)
        ) u LEFT JOIN nm_posts p ON p.platform_id = u.platform_id AND p.post_id = u.post_id
        WHERE u.k <= {UNANSWERED_SHOWN} ORDER BY u.platform_id, u.k""").fetchall()
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for pid, cid, post_id, at, text, url in rows:
        out[pid].append({"comment_id": cid, "post_id": post_id, "created_at": str(at), "text": text or "",
                         "url": url or ""})
    return dict(out)
