"""One new-media account's character, drawn from its own stream: size, rhythm, engagement and injected defects.

Everything the daily series (:mod:`govlens.sandbox.newmedia_series`), the posts
(:mod:`govlens.sandbox.newmedia_posts`) and the truth are drawn from is fixed here, from
``random.Random(f"{seed}:{id}:nm")``, so an account does not change when others are added.
"""
from __future__ import annotations

import hashlib
import math
import random
from dataclasses import dataclass, field

from govlens.contract import defects as D
from govlens.registry.model import Platform

DAYS = 90                                  # statistics period, ending on the check date

RATE_DORMANT = 0.09
RATE_NEAR_DORMANT = 0.08
RATE_BOUGHT = 0.08
RATE_SUBMITS = 0.45
RATE_OVER_REPORT = 0.30                    # of the submitting accounts
RATE_EXPERT = 0.25

LEVEL_MU = {"central": 13.3, "provincial": 12.6, "sub_provincial": 11.9, "prefecture": 10.9, "county": 9.6,
            "township": 8.3}


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


def uid_of(pid: str) -> int:
    return int(hashlib.sha1(pid.encode("utf-8")).hexdigest()[:12], 16)


def draw_account(p: Platform, index: int, seed: int, experts: list[str]) -> Account:
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
