"""Synthetic government Weibo and WeChat accounts: the data files evaluators receive, with ground truth.

:func:`build_newmedia` draws each account's character from ``random.Random(f"{seed}:{id}:nm")``
(so an account does not change when others are added), then :meth:`NewMedia.stats_frame`
draws the daily series for all accounts at once with numpy, in chunks of accounts (a
national campaign of 200,000 accounts × 90 days is 18 million rows). Posts and comments are
drawn for the accounts of the registry only (``detailed``), consistent with their daily
statistics. The files are written in exactly the importers' formats
(``docs/newmedia-data.md``): statistics as CSV, posts and comments as JSON Lines,
submissions as CSV, expert recommendations as XLSX.

What makes the data realistic (and hard):

- heavy-tailed followers (log-normal by administrative level, with a Pareto tail), reads
  proportional to followers, posting by a weekly rhythm (weekends about half);
- bursts around events: a few days where reads, comments and organic follower growth jump
  together (the confounder of bought followers);
- dormant accounts (``dormant_account``): last post 15–75 days before the check date, and
  near-dormant ones that are not (last post 5–13 days before);
- bought followers (``bought_followers``): one or two days where followers jump by a quarter
  to more than double, with no rise in reads or interaction;
- over-reporting units (``over_reported``): a self-nomination or platform submission whose
  followers, posts or reads exceed the measured ones by 30 % to 200 %; honest units round.

The truth lists exactly what was injected; the detectors never read it.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from govlens.contract import defects as D
from govlens.registry.model import Platform

DAYS = 90                                  # statistics period, ending on the check date
ACCOUNT_KINDS = ("weibo", "wechat")
CHUNK_ACCOUNTS = 20_000                    # accounts per numpy chunk of daily series
MAX_COMMENTS_PER_POST = 3                  # comment records kept per post (the first ones the platform shows)

RATE_DORMANT = 0.09
RATE_NEAR_DORMANT = 0.08
RATE_BOUGHT = 0.08
RATE_SUBMITS = 0.45
RATE_OVER_REPORT = 0.30                    # of the submitting accounts
RATE_EXPERT = 0.25

LEVEL_MU = {"central": 13.3, "provincial": 12.6, "sub_provincial": 11.9, "prefecture": 10.9, "county": 9.6,
            "township": 8.3}
WEEKDAY = np.array([1.1, 1.15, 1.1, 1.05, 1.0, 0.55, 0.5])   # Monday … Sunday

# --- texts (nothing in NEWS uses a service word, nothing but QUESTIONS asks)
_TOPICS = ("安全生产", "防汛抗旱", "食品安全", "环境保护", "城乡建设", "民生实事", "营商环境", "农业生产", "义务教育",
           "医疗卫生", "就业创业", "文明城市创建", "重点项目建设", "依法行政", "科技创新", "文化惠民", "全民健身",
           "节能减排", "河道整治", "社区治理")
NEWS = ("【{place}动态】{place}召开{topic}工作会议，部署下一阶段重点任务。", "【关注】{place}{topic}工作取得新成效。",
        "#{topic}# {place}扎实推进{topic}各项工作，一批项目陆续落地。", "【图说】今天，{place}开展{topic}宣传活动。",
        "【权威发布】{place}前三季度{topic}主要指标稳中向好。", "【微直播】{place}{topic}现场会正在进行。",
        "【早安{place}】新的一周，一起关注{topic}。", "【深度】{topic}：{place}这样做。")
SERVICE = ("【办事提醒】{topic}相关证件可在市民服务中心窗口办理，请携带身份证原件。",
           "【出行提示】受{topic}施工影响，明日部分路段交通管制，请提前规划路线。",
           "【便民查询】{place}{topic}办事指南已更新，可通过本账号菜单在线查询。",
           "【服务】{topic}预约办理开通网上通道，足不出户即可申请。",
           "【预警】{place}气象台发布大风蓝色预警，请注意防范。",
           "【提醒】本月{topic}缴费截止日期临近，请及时办理。")
RUMOUR = ("【辟谣】网传“{place}{topic}”系谣言，请勿轻信、传播不实信息。",
          "【澄清】关于{topic}的网络传言不实，以官方发布为准。")
REPOST = ("转发微博 //@{other}: {topic}有关情况通报。", "值得关注！//@{other}: {place}{topic}最新进展。")
QUESTIONS = ("请问{topic}在哪里办理？", "请问需要带什么材料吗？", "怎么预约？网上能办吗？", "什么时候能解决？",
             "请问这个政策适用于外地户口吗？", "小区门口的路灯坏了一个月了，能否派人修一下？",
             "请问周末窗口上班吗？", "如何查询办理进度？")
POSITIVE = ("点赞！办事效率很高，感谢！", "为你们的工作点赞，辛苦了！", "很实用的信息，谢谢分享", "支持！越来越好",
            "服务很贴心，给你们点赞", "谢谢，很有帮助")
NEUTRAL = ("已转发。", "收到。", "关注中。", "来看看", "转给家人看看")
NEGATIVE = ("反映了好几次都没人管，太失望了", "效率太低了，排队排了一上午", "搞形式主义没意思", "说得好听，落实呢",
            "投诉无门，非常不满意", "又是空话套话")
REPLIES = ("您好，{topic}业务可在工作日到服务窗口办理，详情请拨打12345咨询。", "您好，已转交相关部门处理，感谢您的反映。",
           "您好，可通过本账号菜单“网上办事”在线预约。", "感谢关注，相关问题已记录并反馈。")


@dataclass
class Account:
    """One account's character: everything the daily series and the truth are drawn from."""

    platform: Platform
    index: int
    wechat: bool
    followers0: float
    growth: float                      # organic net growth per day, share of followers
    post_rate: float                   # posts a weekday
    original_share: float
    read_rate: float                   # reads per post per follower
    like_rate: float                   # per read
    share_rate: float
    comment_rate: float
    look_rate: float
    verified: bool
    menu_items: int | None
    dormant_days: int | None           # last post this many days before the check date (≥ 15)
    quiet_days: int | None             # near-dormant: last post 5–13 days before
    bursts: tuple[int, ...]            # day indices of event bursts
    bought: tuple[tuple[int, float], ...]   # (day index, jump as a share of followers)
    question_share: float
    negative_share: float
    reply_rate: float
    reply_hours: float                 # median reply delay
    service_share: float
    rumour_rate: float
    submits: tuple[str, ...]           # sources
    over_report: dict[str, float] = field(default_factory=dict)    # field → factor (> 1.3)
    expert_scores: tuple[tuple[str, float], ...] = ()

    def defects(self) -> list[dict[str, str]]:
        url = self.platform.url.strip()
        out = []
        if self.dormant_days is not None:
            out.append({"kind": D.DORMANT_ACCOUNT, "url": url})
        if self.bought:
            out.append({"kind": D.BOUGHT_FOLLOWERS, "url": url})
        if self.over_report:
            out.append({"kind": D.OVER_REPORTED, "url": url})
        return out


def _uid(pid: str) -> int:
    return int(hashlib.sha1(pid.encode("utf-8")).hexdigest()[:12], 16)


def _account(p: Platform, index: int, seed: int, experts: list[str]) -> Account:
    rng = random.Random(f"{seed}:{p.id}:nm")
    wechat = p.kind == "wechat"
    mu = LEVEL_MU.get(p.level, 10.0) - (2.0 if wechat else 0.0)
    followers0 = math.exp(rng.gauss(mu, 1.0)) * min(rng.paretovariate(3.0), 6.0) + 150
    quality = rng.betavariate(2.5, 2.0)               # drives engagement, replies, experts
    post_rate = (rng.lognormvariate(math.log(6.0 if p.level in ("central", "provincial") else 2.5), 0.7)
                 if not wechat else rng.lognormvariate(math.log(1.2), 0.5))
    dormant = rng.random() < RATE_DORMANT
    quiet = not dormant and rng.random() < RATE_NEAR_DORMANT
    post_rate = min(post_rate, 30.0)
    if dormant or quiet:
        post_rate = min(post_rate, rng.uniform(0.3, 1.5))
    n_bursts = rng.choice((1, 2, 2, 3))
    bursts = tuple(sorted(rng.sample(range(5, DAYS - 2), n_bursts)))
    bought: tuple[tuple[int, float], ...] = ()
    if rng.random() < RATE_BOUGHT:
        days = sorted(rng.sample([d for d in range(12, DAYS - 4) if all(abs(d - b) > 2 for b in bursts)],
                                 rng.choice((1, 1, 2))))
        bought = tuple((d, rng.uniform(0.25, 1.2)) for d in days)
    submits: tuple[str, ...] = ()
    over: dict[str, float] = {}
    if rng.random() < RATE_SUBMITS:
        submits = tuple(s for s in ("self_nomination", "platform_submission") if rng.random() < 0.7) or \
            ("self_nomination",)
        if rng.random() < RATE_OVER_REPORT:
            for f in rng.sample(["followers", "posts", "reads"], rng.choice((1, 1, 2, 3))):
                over[f] = rng.uniform(1.3, 3.0)
    scores: tuple[tuple[str, float], ...] = ()
    if rng.random() < RATE_EXPERT + 0.3 * quality:
        scores = tuple((e, round(min(99.0, max(40.0, 55 + 40 * quality + rng.gauss(0, 6))), 1))
                       for e in rng.sample(experts, rng.randint(1, 3)))
    return Account(
        platform=p, index=index, wechat=wechat, followers0=followers0,
        growth=rng.uniform(0.0004, 0.004) * (0.3 if dormant else 1.0), post_rate=post_rate,
        original_share=1.0 if wechat else rng.uniform(0.4, 0.95),
        read_rate=(rng.uniform(0.04, 0.2) if wechat else rng.uniform(0.01, 0.08)) * (0.5 + quality),
        like_rate=rng.uniform(0.005, 0.03) * (0.5 + quality), share_rate=rng.uniform(0.002, 0.02),
        comment_rate=rng.uniform(0.001, 0.01) * (0.5 + quality), look_rate=rng.uniform(0.003, 0.02),
        verified=rng.random() < 0.88, menu_items=rng.choice((0, 3, 5, 8, 9, 12, 15)) if wechat else None,
        dormant_days=rng.randint(15, 75) if dormant else None, quiet_days=rng.randint(5, 13) if quiet else None,
        bursts=bursts, bought=bought, question_share=rng.uniform(0.15, 0.4),
        negative_share=rng.uniform(0.05, 0.45) * (1.3 - quality), reply_rate=min(0.98, 0.1 + 0.9 * quality),
        reply_hours=rng.lognormvariate(math.log(6.0), 1.0), service_share=rng.uniform(0.05, 0.6),
        rumour_rate=rng.uniform(0.0, 0.08) if p.org_type in ("department", "government") else 0.0,
        submits=submits, over_report=over, expert_scores=scores)


@dataclass
class NewMedia:
    """The synthetic accounts of a sandbox, their data files and their truth."""

    seed: int
    as_of: dt.date
    accounts: list[Account]
    detailed: set[str]                  # accounts that get posts and comments
    _stats: pd.DataFrame | None = field(default=None, repr=False)
    _posts: tuple[list[dict], list[dict]] | None = field(default=None, repr=False)

    @property
    def start(self) -> dt.date:
        return self.as_of - dt.timedelta(days=DAYS - 1)

    def truth(self) -> list[dict]:
        return [{"platform_id": a.platform.id, "host": "", "defects": a.defects()} for a in self.accounts]

    # ------------------------------------------------------------------ daily statistics
    def iter_stats(self) -> Iterator[pd.DataFrame]:
        """The daily statistics, a frame per chunk of accounts (registry order)."""
        for start in range(0, len(self.accounts), CHUNK_ACCOUNTS):
            chunk = self.accounts[start:start + CHUNK_ACCOUNTS]
            yield _daily(chunk, np.random.default_rng([self.seed, 90210, start]), self.start)

    def stats_frame(self) -> pd.DataFrame:
        if self._stats is None:
            frames = list(self.iter_stats())
            self._stats = pd.concat(frames, ignore_index=True) if frames else _empty_stats()
        return self._stats

    # ------------------------------------------------------------------ posts and comments
    def posts_and_comments(self) -> tuple[list[dict], list[dict]]:
        if self._posts is None:
            base = {a.platform.id: a for a in self.accounts if a.platform.id in self.detailed}
            stats = self.stats_frame()
            stats = stats[stats["platform_id"].isin(base)]
            posts, comments = [], []
            for pid, days in stats.groupby("platform_id", sort=False):
                p, c = _account_posts(base[pid], days, self.seed, self.as_of)
                posts += p
                comments += c
            self._posts = (posts, comments)
            # the statistics of the detailed accounts are the sums of their posts' figures
            frame = pd.DataFrame(posts)
            if not frame.empty:
                frame["date"] = pd.to_datetime(frame["published_at"]).dt.date
                agg = frame.groupby(["platform_id", "date"]).agg(max_post_reads=("reads", "max"),
                                                                 max_post_likes=("likes", "max")).reset_index()
                st = self._stats.merge(agg, on=["platform_id", "date"], how="left", suffixes=("", "_p"))
                for c in ("max_post_reads", "max_post_likes"):
                    st[c] = st[c + "_p"].fillna(st[c]).astype("int64")
                self._stats = st.drop(columns=["max_post_reads_p", "max_post_likes_p"])
        return self._posts

    # ------------------------------------------------------------------ submissions, experts
    def measured(self) -> pd.DataFrame:
        st = self.stats_frame()
        g = st.groupby("platform_id", sort=False)
        return pd.DataFrame({"followers": g["followers"].last(), "posts": g["posts"].sum(), "reads": g["reads"].sum()})

    def submissions_rows(self) -> list[dict]:
        m = self.measured()
        rows = []
        for a in self.accounts:
            if not a.submits or a.platform.id not in m.index:
                continue
            rng = random.Random(f"{self.seed}:{a.platform.id}:submit")
            for source in a.submits:
                row = {"platform_id": a.platform.id, "source": source}
                for f in ("followers", "posts", "reads"):
                    true = int(m.at[a.platform.id, f])
                    if f in a.over_report:
                        value = int(true * a.over_report[f]) + 10
                    else:       # honest: rounded down, or a little lower (an earlier count)
                        value = int(true * rng.uniform(0.93, 1.0))
                        value = value - value % (100 if value > 10000 else 1)
                    row[f] = value
                row["submitted_on"] = (self.as_of - dt.timedelta(days=rng.randint(5, 30))).isoformat()
                row["materials"] = f"{a.platform.name}{'自荐材料' if source == 'self_nomination' else '平台报送数据'}"
                rows.append(row)
        return rows

    def expert_rows(self) -> list[dict]:
        rows = []
        for a in self.accounts:
            for expert, score in a.expert_scores:
                rows.append({"platform_id": a.platform.id, "expert": expert, "score": score,
                             "comment": "内容贴近民生，互动及时" if score >= 80 else "运营较规范"})
        return rows

    # ------------------------------------------------------------------ files
    def write_files(self, out: Path) -> dict[str, Path]:
        """Write every data file; returns campaign key → path."""
        out.mkdir(parents=True, exist_ok=True)
        paths = {}
        if self.detailed:
            posts, comments = self.posts_and_comments()
        else:
            posts, comments = [], []
        paths["account_stats"] = write_stats_csv(self.iter_stats() if not self.detailed else
                                                 iter([self.stats_frame()]), out / "account_stats.csv")
        paths["account_posts"] = _write_jsonl(posts, out / "account_posts.jsonl")
        paths["account_comments"] = _write_jsonl(comments, out / "account_comments.jsonl")
        paths["submissions"] = _write_csv(self.submissions_rows(), out / "submissions.csv",
                                          ["platform_id", "source", "followers", "posts", "reads", "submitted_on",
                                           "materials"])
        paths["expert_recommendations"] = _write_xlsx(self.expert_rows(), out / "expert_recommendations.xlsx",
                                                      ["platform_id", "expert", "score", "comment"])
        return paths


STATS_COLUMNS = ["platform_id", "date", "followers", "follower_growth", "posts", "original_posts", "reads", "likes",
                 "shares", "comments", "looking", "headline_reads", "max_post_reads", "max_post_likes", "verified",
                 "menu_items"]


def _empty_stats() -> pd.DataFrame:
    return pd.DataFrame({c: [] for c in STATS_COLUMNS})


def _daily(chunk: list[Account], rng: np.random.Generator, start: dt.date) -> pd.DataFrame:
    """Daily series of a chunk of accounts, vectorised: arrays of accounts × days."""
    n, d = len(chunk), DAYS
    if n == 0:
        return _empty_stats()
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


def _split(total: int, k: int, top: int, rng: random.Random) -> list[int]:
    """``total`` over ``k`` posts, the first getting ``top`` and none of the others more."""
    if k == 1:
        return [total]
    rest = total - top
    weights = [rng.random() + 0.05 for _ in range(k - 1)]
    s = sum(weights)
    parts = [int(rest * w / s) for w in weights]
    parts[0] += rest - sum(parts)
    return [top] + parts


def _account_posts(a: Account, days: pd.DataFrame, seed: int, as_of: dt.date) -> tuple[list[dict], list[dict]]:
    """Post records matching the day totals, and comment and reply records on them."""
    rng = random.Random(f"{seed}:{a.platform.id}:posts")
    place = _place(a.platform)
    uid = _uid(a.platform.id) % 9_000_000_000 + 1_000_000_000
    end = dt.datetime.combine(as_of, dt.time(23, 59))
    posts, comments = [], []
    n_post = n_comment = 0
    for row in days.itertuples(index=False):
        k = int(row.posts)
        if k == 0:
            continue
        reads = _split(int(row.reads), k, int(row.max_post_reads), rng)
        likes = _split(int(row.likes), k, int(row.max_post_likes), rng)
        for j in range(k):
            if likes[j] > likes[0]:
                likes[0], likes[j] = likes[j], likes[0]
        shares = _split(int(row.shares), k, int(row.shares) // k + (int(row.shares) % k), rng)
        ncom = _split(int(row.comments), k, int(row.comments) // k + (int(row.comments) % k), rng)
        n_orig = int(row.original_posts)
        for j in range(k):
            n_post += 1
            hour = rng.choice((7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 20, 21))
            when = dt.datetime.combine(row.date, dt.time(hour, rng.randint(0, 59), rng.randint(0, 59)))
            topic = rng.choice(_TOPICS)
            if a.wechat:
                ptype = "article"
            else:
                ptype = "original" if j < n_orig else "repost"
            if ptype == "repost":
                text = rng.choice(REPOST).format(topic=topic, place=place, other=rng.choice(("人民日报", "新华视点",
                                                                                          "央视新闻")))
            elif rng.random() < a.rumour_rate:
                text = rng.choice(RUMOUR).format(topic=topic, place=place)
            elif rng.random() < a.service_share:
                text = rng.choice(SERVICE).format(topic=topic, place=place)
            else:
                text = rng.choice(NEWS).format(topic=topic, place=place)
            pid = f"{uid}{n_post:05d}"
            url = (f"https://mp.weixin.qq.com/s/{hashlib.sha1(pid.encode()).hexdigest()[:22]}" if a.wechat
                   else f"https://weibo.com/{uid}/{pid}")
            looking = int(reads[j] * a.look_rate) if a.wechat else None
            posts.append({"platform_id": a.platform.id, "post_id": pid, "published_at": when.isoformat(sep=" "),
                          "type": ptype, "headline": (j == 0) if a.wechat else None, "reads": reads[j],
                          "likes": likes[j], "shares": shares[j], "comments": ncom[j], "looking": looking,
                          "url": url, "text": text})
            for _ in range(min(ncom[j], MAX_COMMENTS_PER_POST)):
                n_comment += 1
                cid = f"{pid}c{n_comment}"
                at = when + dt.timedelta(minutes=rng.randint(1, 600))
                if at > end:
                    continue
                r = rng.random()
                if r < a.question_share:
                    text, replied = rng.choice(QUESTIONS).format(topic=topic), rng.random() < a.reply_rate
                elif r < a.question_share + a.negative_share:
                    text, replied = rng.choice(NEGATIVE), rng.random() < a.reply_rate * 0.6
                elif r < a.question_share + a.negative_share + 0.25:
                    text, replied = rng.choice(NEUTRAL), False
                else:
                    text, replied = rng.choice(POSITIVE), False
                comments.append({"platform_id": a.platform.id, "comment_id": cid, "post_id": pid, "parent_id": None,
                                 "by_account": False, "created_at": at.isoformat(sep=" "), "text": text})
                if replied:
                    reply_at = at + dt.timedelta(hours=rng.lognormvariate(math.log(a.reply_hours), 0.8))
                    if reply_at <= end:
                        comments.append({"platform_id": a.platform.id, "comment_id": cid + "r", "post_id": pid,
                                         "parent_id": cid, "by_account": True,
                                         "created_at": reply_at.replace(microsecond=0).isoformat(sep=" "),
                                         "text": rng.choice(REPLIES).format(topic=topic)})
    return posts, comments


def _place(p: Platform) -> str:
    return p.province or "中国"


# ---------------------------------------------------------------------------------------------- writers

def write_stats_csv(frames: Iterator[pd.DataFrame], path: Path) -> Path:
    """Statistics CSV through DuckDB's writer (a chunk at a time; 18 million rows in seconds)."""
    import duckdb

    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    first = True
    with open(path, "wb") as out:
        for i, frame in enumerate(frames):
            part = path.with_name(f".{path.name}.part{i}")
            con.register("_chunk", frame[STATS_COLUMNS])
            con.execute(f"COPY (SELECT * FROM _chunk) TO '{part}' (HEADER {'true' if first else 'false'}, "
                        "DELIMITER ',')")
            con.unregister("_chunk")
            with open(part, "rb") as fh:
                while block := fh.read(1 << 22):
                    out.write(block)
            part.unlink()
            first = False
        if first:
            out.write((",".join(STATS_COLUMNS) + "\n").encode())
    con.close()
    return path


def _write_jsonl(rows: list[dict], path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def _write_csv(rows: list[dict], path: Path, columns: list[str]) -> Path:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def _write_xlsx(rows: list[dict], path: Path, columns: list[str]) -> Path:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("data")
    ws.append(columns)
    for r in rows:
        ws.append([r.get(c) for c in columns])
    wb.save(path)
    return path


def build_newmedia(platforms: list[Platform], seed: int, as_of: dt.date, *,
                   detailed: set[str] | None = None) -> NewMedia:
    """The accounts of ``platforms`` (kinds weibo and wechat); ``detailed`` get posts and comments (all by default)."""
    experts = [f"专家{c}" for c in "甲乙丙丁戊己庚辛"]
    accounts = [_account(p, i, seed, experts) for i, p in enumerate(p for p in platforms if p.kind in ACCOUNT_KINDS)]
    ids = {a.platform.id for a in accounts}
    return NewMedia(seed=seed, as_of=as_of, accounts=accounts, detailed=ids if detailed is None else detailed & ids)


def generate_accounts(n: int, seed: int, *, start: int = 1) -> list[Platform]:
    """``n`` made-up accounts (ids ``gwb-000001`` …, ``gwx-…``) in a national mix: Weibo 70 %, WeChat 30 %,
    mostly county and prefecture organs; for benchmarks and detection tests beyond the registry."""
    from govlens.registry.model import PROVINCE_REGION

    rng = random.Random(f"{seed}:accounts")
    provinces = [p for p, r in PROVINCE_REGION.items() if r not in ("sar",)]
    levels = (("central", 0.02), ("provincial", 0.05), ("sub_provincial", 0.08), ("prefecture", 0.25),
              ("county", 0.5), ("township", 0.1))
    names, weights = [x for x, _ in levels], [w for _, w in levels]
    out = []
    for i in range(start, start + n):
        wechat = rng.random() < 0.3
        level = rng.choices(names, weights)[0]
        prov = "" if level == "central" else rng.choice(provinces)
        kind, prefix = ("wechat", "gwx") if wechat else ("weibo", "gwb")
        group = f"{kind}_{'central' if level == 'central' else 'local'}"
        pid = f"{prefix}-{i:06d}"
        url = (f"https://mp.weixin.qq.com/profile?id=gh_{i:012x}" if wechat
               else f"https://weibo.com/u/{1_000_000_000 + i * 7919}")
        out.append(Platform(id=pid, name=f"{prov or '国家'}政务{'微信' if wechat else '微博'}{i}", kind=kind,
                            org_type=rng.choice(("government", "department", "department", "party", "court")),
                            level=level, province=prov, region=PROVINCE_REGION.get(prov, "national"), url=url,
                            group=group))
    return out
