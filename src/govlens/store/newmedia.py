"""The new-media accounts' facts as DuckDB computes them from the imported tables (``nm_*``), one row per account.

Eighteen million daily rows of a national campaign are never read row by row: each function here aggregates
one source table inside DuckDB for the accounts registered as ``_nm_ids`` (:func:`account_cursor`), and the
new-media indicators (:mod:`govlens.indicators.newmedia.newmedia_facts`) interpret the result. The thresholds of the
bought-followers rule are the indicators' settings, passed in.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import pandas as pd

from govlens.store.campaign_store import CampaignStore


@contextmanager
def account_cursor(store: CampaignStore, ids: Sequence[str]) -> Iterator[Any]:
    """A cursor on the store with the accounts to compute registered as ``_nm_ids``."""
    con = store.con.cursor()
    try:
        con.register("_nm_ids", pd.DataFrame({"platform_id": pd.Series(list(ids), dtype=object)}))
        yield con
    finally:
        con.close()


def has_rows(con: Any, table: str) -> bool:
    """Whether ``table`` (an ``nm_*`` table) has a row of one of the accounts."""
    return bool(con.execute(f"SELECT EXISTS (SELECT 1 FROM {table} WHERE platform_id IN "
                            "(SELECT platform_id FROM _nm_ids))").fetchone()[0])


def daily_stats(con: Any, *, jump: float, min_f: float, reads_ratio: float) -> pd.DataFrame:
    """Per account: the daily statistics summed, and the days whose follower jump reads and interactions do not
    follow (bought followers: growth ≥ ``min_f`` and ≥ ``jump`` × the followers before, while reads and
    interactions stay within ``reads_ratio`` × a typical day)."""
    return con.execute(f"""
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


def post_totals(con: Any) -> pd.DataFrame:
    """Per account: posts, active days, reads, likes, shares (all and headline), maxima and rumour refutations."""
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


def question_replies(con: Any, question: str) -> pd.DataFrame:
    """Per account: users' questions (comments matching the ``question`` pattern), answered, median reply hours."""
    q = question.replace("'", "''")
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


def submissions_against_measured(con: Any) -> list[tuple[Any, ...]]:
    """Every submission of an account beside what was measured: (platform, source, file, line, reported
    followers, posts, reads, measured followers, posts, reads)."""
    return con.execute("""
        WITH m AS (SELECT platform_id, arg_max(followers, "date") AS followers, sum(posts) AS posts,
                          sum(reads) AS reads FROM nm_stats GROUP BY platform_id)
        SELECT s.platform_id, s.source, s.source_file, s.source_line,
               s.followers AS r_followers, s.posts AS r_posts, s.reads AS r_reads,
               m.followers AS m_followers, m.posts AS m_posts, m.reads AS m_reads
        FROM nm_submissions s LEFT JOIN m USING (platform_id)
        WHERE s.platform_id IN (SELECT platform_id FROM _nm_ids)""").fetchall()


def has_experts(con: Any) -> bool:
    return bool(con.execute("SELECT EXISTS (SELECT 1 FROM nm_experts)").fetchone()[0])


def expert_means(con: Any) -> pd.DataFrame:
    """Per account: the experts' mean recommendation score and how many experts scored it."""
    return con.execute("""SELECT i.platform_id, avg(e.score) AS expert_mean, count(e.score) AS expert_n
                           FROM _nm_ids i LEFT JOIN nm_experts e USING (platform_id)
                           GROUP BY i.platform_id""").df().set_index("platform_id")


def post_texts_by_week(con: Any) -> list[tuple[Any, ...]]:
    """(platform, week, text) of every original post, in publication order (the content sample's frame)."""
    return con.execute("""SELECT platform_id, CAST(date_trunc('week', published_at) AS DATE) AS wk, text
                          FROM nm_posts WHERE platform_id IN (SELECT platform_id FROM _nm_ids)
                            AND type <> 'repost'
                          ORDER BY platform_id, published_at, post_id""").fetchall()


def user_comments(con: Any) -> list[tuple[Any, ...]]:
    """(platform, comment, text, replied) of every top-level user comment, in order (the sentiment sample's frame)."""
    return con.execute("""
        SELECT c.platform_id, c.comment_id, c.text, EXISTS (SELECT 1 FROM nm_comments r
               WHERE r.platform_id = c.platform_id AND r.parent_id = c.comment_id AND r.by_account) AS replied
        FROM nm_comments c WHERE c.platform_id IN (SELECT platform_id FROM _nm_ids)
          AND NOT c.by_account AND c.parent_id IS NULL
        ORDER BY c.platform_id, c.created_at, c.comment_id""").fetchall()


def top_posts(con: Any, n: int) -> list[tuple[Any, ...]]:
    """The ``n`` most read posts of each account: (platform, post, url, text, reads, likes, shares, comments, at)."""
    return con.execute(f"""
        SELECT platform_id, post_id, url, text, reads, likes, shares, comments, published_at FROM (
            SELECT *, row_number() OVER (PARTITION BY platform_id ORDER BY reads DESC, post_id) AS k
            FROM nm_posts WHERE platform_id IN (SELECT platform_id FROM _nm_ids)) WHERE k <= {int(n)}
        ORDER BY platform_id, k""").fetchall()


def unanswered_questions(con: Any, question: str, n: int) -> list[tuple[Any, ...]]:
    """The first ``n`` unanswered questions of each account: (platform, comment, post, at, text, post url)."""
    q = question.replace("'", "''")
    return con.execute(f"""
        SELECT u.platform_id, u.comment_id, u.post_id, u.created_at, u.text, p.url FROM (
            SELECT c.*, row_number() OVER (PARTITION BY c.platform_id ORDER BY c.created_at, c.comment_id) AS k
            FROM nm_comments c
            WHERE c.platform_id IN (SELECT platform_id FROM _nm_ids) AND NOT c.by_account AND c.parent_id IS NULL
              AND regexp_matches(c.text, '{q}')
              AND NOT EXISTS (SELECT 1 FROM nm_comments r WHERE r.platform_id = c.platform_id
                              AND r.parent_id = c.comment_id AND r.by_account)
        ) u LEFT JOIN nm_posts p ON p.platform_id = u.platform_id AND p.post_id = u.post_id
        WHERE u.k <= {int(n)} ORDER BY u.platform_id, u.k""").fetchall()
