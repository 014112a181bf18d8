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

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from govlens.registry.model import Platform
from govlens.sandbox.newmedia_account import DAYS, Account, draw_account
from govlens.sandbox.newmedia_files import write_csv, write_jsonl, write_stats_csv, write_xlsx
from govlens.sandbox.newmedia_posts import account_posts
from govlens.sandbox.newmedia_series import daily_stats, empty_stats

ACCOUNT_KINDS = ("weibo", "wechat")
CHUNK_ACCOUNTS = 20_000                    # accounts per numpy chunk of daily series


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
            yield daily_stats(chunk, np.random.default_rng([self.seed, 90210, start]), self.start)

    def stats_frame(self) -> pd.DataFrame:
        if self._stats is None:
            frames = list(self.iter_stats())
            self._stats = pd.concat(frames, ignore_index=True) if frames else empty_stats()
        return self._stats

    # ------------------------------------------------------------------ posts and comments
    def posts_and_comments(self) -> tuple[list[dict], list[dict]]:
        if self._posts is None:
            base = {a.platform.id: a for a in self.accounts if a.platform.id in self.detailed}
            stats = self.stats_frame()
            stats = stats[stats["platform_id"].isin(base)]
            posts, comments = [], []
            for pid, days in stats.groupby("platform_id", sort=False):
                p, c = account_posts(base[pid], days, self.seed, self.as_of)
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
        paths["account_posts"] = write_jsonl(posts, out / "account_posts.jsonl")
        paths["account_comments"] = write_jsonl(comments, out / "account_comments.jsonl")
        paths["submissions"] = write_csv(self.submissions_rows(), out / "submissions.csv",
                                          ["platform_id", "source", "followers", "posts", "reads", "submitted_on",
                                           "materials"])
        paths["expert_recommendations"] = write_xlsx(self.expert_rows(), out / "expert_recommendations.xlsx",
                                                      ["platform_id", "expert", "score", "comment"])
        return paths


def build_newmedia(platforms: list[Platform], seed: int, as_of: dt.date, *,
                   detailed: set[str] | None = None) -> NewMedia:
    """The accounts of ``platforms`` (kinds weibo and wechat); ``detailed`` get posts and comments (all by default)."""
    experts = [f"专家{c}" for c in "甲乙丙丁戊己庚辛"]
    accounts = [draw_account(p, i, seed, experts)
                for i, p in enumerate(p for p in platforms if p.kind in ACCOUNT_KINDS)]
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
