"""Civilization-dissemination websites (文明网, series 6): what turns a sandbox site into a 文明网.

A platform whose registry group starts with ``civilization`` (provincial and city 文明网, and their
featured columns, served as sub-sites on hosts of their own) is built as any website
(:func:`govlens.sandbox.site_build.build_site`: look, columns, every website defect), then
:func:`apply` gives it the work of a 文明办 from its own stream ``f"{seed}:{id}:civilization"``, so
nothing drawn before changes: some of its columns become columns of 文明传播 topics (社会主义核心
价值观, 志愿服务, 道德模范, 文明创建, 我们的节日, 未成年人, 文明风尚), whose items and articles speak of
the topic. A column keeps its code, state and freshness; only its name and texts change.

``civilization_topic_missing`` (site-level): one or two of the three topics the 2013 notice names
(core values, volunteer service, moral models) have no column, and no page of the site speaks of
them. A topic named by the site itself (``社区志愿服务网``, ``道德90后``) is always present. Government
columns that are never rewritten: the first (news) column, empty ones, and service and interaction
columns (办事指南, 便民服务, 互动交流, 领导信箱). The sandbox's other texts never use these topics' words.
"""
from __future__ import annotations

import random
from typing import TYPE_CHECKING

from govlens.contract import defects as D
from govlens.sandbox.text import ColumnKind

if TYPE_CHECKING:
    from govlens.registry.model import Platform
    from govlens.sandbox.site import Site

CORE = ("core_values", "volunteer", "moral_models")
EXTRA = ("creation", "festivals", "minors", "etiquette")
RATE_MISSING = 0.25             # sites missing one or two core topics
SERVICE_CODES = frozenset({"bszn", "bmfw", "hdjl", "ldxx"})

# topic → (column names, words of the site's own name that mean the topic is its subject)
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "core_values": (("核心价值观", "中国梦"), ("核心价值", "中国梦")),
    "volunteer": (("志愿服务", "学雷锋志愿者"), ("志愿", "雷锋")),
    "moral_models": (("道德模范", "身边好人"), ("道德", "好人", "最美")),
    "creation": (("文明创建",), ()),
    "festivals": (("我们的节日",), ()),
    "minors": (("未成年人思想道德建设",), ()),
    "etiquette": (("文明风尚",), ()),
}
TITLES: dict[str, tuple[str, ...]] = {
    "core_values": ("{place}深入开展社会主义核心价值观宣传教育", "{place}举办“中国梦”主题宣讲活动",
                    "社会主义核心价值观进社区活动在{place}启动", "{place}推进核心价值体系建设座谈会召开"),
    "volunteer": ("{place}志愿者开展“学雷锋”志愿服务活动", "{place}招募冬季志愿服务队伍",
                  "{place}社区志愿服务站挂牌成立", "{place}表彰优秀志愿者和志愿服务组织"),
    "moral_models": ("{place}评选表彰新一届道德模范", "{place}身边好人事迹发布会举行",
                     "“中国好人榜”{place}三人上榜", "{place}举办道德模范事迹巡讲"),
    "creation": ("{place}推进全国文明城市创建工作", "{place}命名表彰一批文明单位", "{place}文明村镇创建现场会召开"),
    "festivals": ("{place}开展“我们的节日·春节”主题活动", "{place}举办中华经典诵读比赛", "{place}开展传统文化进校园活动"),
    "minors": ("{place}乡村学校少年宫建设推进会召开", "{place}开展未成年人网络文明教育"),
    "etiquette": ("{place}倡导文明旅游出行", "{place}开展“礼让斑马线”文明交通行动", "{place}推进移风易俗工作"),
}
SENTENCES: dict[str, str] = {
    "core_values": "活动以培育和践行社会主义核心价值观为主线，广泛宣传中国梦，引导群众增强认同。",
    "volunteer": "广大志愿者积极参与，深入社区开展学雷锋志愿服务，把温暖送到群众身边。",
    "moral_models": "道德模范和身边好人的先进事迹感人至深，在全社会形成崇德向善的浓厚氛围。",
    "creation": "各地以文明城市、文明单位、文明村镇创建为抓手，不断提升群众文明素质。",
    "festivals": "活动围绕我们的节日，组织经典诵读等形式多样的传统文化活动。",
    "minors": "各地加强乡村学校少年宫建设，丰富未成年人课余生活。",
    "etiquette": "倡导文明旅游、文明交通，推动移风易俗，培育文明风尚。",
}
_CODES = {"core_values": "hxjzg", "volunteer": "zyfw", "moral_models": "ddmf", "creation": "wmcj",
          "festivals": "wmjr", "minors": "wcnr", "etiquette": "wmfs"}


def is_civilization(platform: Platform) -> bool:
    return platform.kind == "website" and (platform.group or "").startswith("civilization")


def apply(site: Site, seed: int) -> None:
    """Make ``site`` a 文明网: rename some columns to 文明传播 topics (see the module docstring)."""
    rng = random.Random(f"{seed}:{site.platform.id}:civilization")
    name = site.platform.name
    named = {t for t, (_, words) in NAMES.items() if any(w in name for w in words)}
    missing: list[str] = []
    if rng.random() < RATE_MISSING:
        pool = [t for t in CORE if t not in named]
        if pool:
            missing = rng.sample(pool, min(len(pool), rng.randint(1, 2)))
    extra = rng.sample(EXTRA, rng.randint(1, 3))
    wanted = sorted(named) + [t for t in CORE if t not in named and t not in missing] + extra
    free = [c for c in site.columns[1:] if c.state != "empty" and c.code not in SERVICE_CODES
            and c.kind.code not in SERVICE_CODES]
    rng.shuffle(free)
    topics: dict[int, str] = {}
    for topic, col in zip(wanted, free):
        names = NAMES[topic][0]
        col.kind = ColumnKind(rng.choice(names), _CODES[topic], col.kind.ctype)
        topics[col.index] = topic
    site.civ_columns = topics
    present = set(topics.values())
    site.civ_missing = tuple(t for t in CORE if t not in present)


def title(rng: random.Random, topic: str, place: str) -> str:
    return rng.choice(TITLES[topic]).format(place=place)


def sentence(topic: str) -> str:
    return SENTENCES[topic]


def missing_defect(site: Site) -> str | None:
    """The site-level kind the truth lists for a 文明网 missing a core topic, or None."""
    return D.CIVILIZATION_TOPIC_MISSING if site.civ_missing and D.SITE_DOWN not in site.flags else None


def generate_civilization_sites(n: int, seed: int, *, start: int = 1) -> list["Platform"]:
    """``n`` made-up 文明网 (ids ``wm-00001`` …): provincial and city sites, and featured-column sub-sites."""
    from govlens.registry.model import Platform, region_of
    from govlens.sandbox.names import provinces

    rng = random.Random(f"{seed}:civilization_sites")
    pool: list[tuple[str, str, str, str]] = []          # (province, place, level, pinyin)
    for prov in provinces():
        pool.append((prov.name, prov.name, "provincial", prov.pinyin))
        pool += [(prov.name, city.name, "prefecture", city.pinyin) for city in prov.cities]
    columns = ("道德讲堂", "志愿者之家", "文明评论", "网上祭英烈", "好人园地", "文明实践")
    out = []
    for i in range(start, start + n):
        province, place, level, py = rng.choice(pool)
        if rng.random() < 0.3:
            col = rng.choice(columns)
            out.append(Platform(id=f"wm-{i:05d}", name=f"中国文明网·{place} {col}", kind="website", org_type="party",
                                level=level, province=province, region=region_of(province, level),
                                url=f"http://col{i}.wenming-{py}.cn/", group="civilization_column"))
            continue
        group = "civilization_provincial" if level == "provincial" else "civilization_city"
        out.append(Platform(id=f"wm-{i:05d}", name=f"中国文明网·{place}", kind="website", org_type="party",
                            level=level, province=province, region=region_of(province, level),
                            url=f"http://www{i}.wenming-{py}.cn/", group=group))
    return out
