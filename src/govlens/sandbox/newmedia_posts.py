"""Posts, comments and replies of the detailed accounts, consistent with their daily statistics.

Each account's records come from ``random.Random(f"{seed}:{id}:posts")``; a day's reads, likes,
shares and comments are split over its posts so the records sum to the day's figures.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
import random

import pandas as pd

from govlens.registry.model import Platform
from govlens.sandbox.newmedia_account import Account, uid_of

MAX_COMMENTS_PER_POST = 3                  # comment records kept per post (the first ones the platform shows)

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


def account_posts(a: Account, days: pd.DataFrame, seed: int, as_of: dt.date) -> tuple[list[dict], list[dict]]:
    """Post records matching the day totals, and comment and reply records on them."""
    rng = random.Random(f"{seed}:{a.platform.id}:posts")
    place = _place(a.platform)
    uid = uid_of(a.platform.id) % 9_000_000_000 + 1_000_000_000
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
