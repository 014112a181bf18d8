"""Plausible Chinese government text: column names, item titles, article paragraphs (GBK-safe)."""
from __future__ import annotations

import random
from dataclasses import dataclass

NEWS, NOTICE, OTHER = "news", "notice", "other"


@dataclass(frozen=True, slots=True)
class ColumnKind:
    name: str
    code: str          # pinyin initials, used in /col/<code>/index.html on sites that name columns so
    ctype: str         # news | notice | other


COLUMN_KINDS: tuple[ColumnKind, ...] = (
    ColumnKind("要闻动态", "ywdt", NEWS), ColumnKind("工作动态", "gzdt", NEWS), ColumnKind("部门动态", "bmdt", NEWS),
    ColumnKind("图片新闻", "tpxw", NEWS), ColumnKind("基层动态", "jcdt", NEWS),
    ColumnKind("通知公告", "tzgg", NOTICE), ColumnKind("政策文件", "zcwj", NOTICE),
    ColumnKind("政策解读", "zcjd", NOTICE), ColumnKind("人事信息", "rsxx", NOTICE), ColumnKind("公示公告", "gsgg", NOTICE),
    ColumnKind("规划计划", "ghjh", OTHER), ColumnKind("财政信息", "czxx", OTHER), ColumnKind("统计信息", "tjxx", OTHER),
    ColumnKind("办事指南", "bszn", OTHER), ColumnKind("便民服务", "bmfw", OTHER), ColumnKind("互动交流", "hdjl", OTHER),
    ColumnKind("领导信箱", "ldxx", OTHER),
)

TOPICS = (
    "安全生产", "防汛抗旱", "森林防火", "食品安全", "环境保护", "城乡建设", "民生实事", "政务公开", "营商环境",
    "农业生产", "义务教育", "医疗卫生", "社会保障", "就业创业", "文明城市创建", "招商引资", "重点项目建设",
    "党风廉政建设", "依法行政", "行政审批制度改革", "信访维稳", "消防安全", "交通安全", "水利建设", "扶贫开发",
    "社区治理", "养老服务", "住房保障", "科技创新", "文化惠民", "全民健身", "人才引进", "统计调查", "审计监督",
    "安全隐患排查", "节能减排", "大气污染防治", "河道整治", "农村人居环境整治", "政务服务",
)
MEETINGS = ("工作会议", "推进会", "专题会议", "座谈会", "动员部署会", "现场会", "培训班", "联席会议")
ACTIONS = ("专项行动", "集中整治", "督导检查", "宣传活动", "专项检查", "业务培训", "调研活动")
LEADERS = ("主要负责同志", "分管负责同志", "主要领导", "党组书记", "负责同志")
NOTICE_TITLES = (
    "关于做好{year}年{topic}工作的通知", "关于印发《{place}{topic}实施方案》的通知", "关于{topic}有关事项的公告",
    "{year}年{topic}项目公示", "关于{place}{topic}工作情况的通报", "《{place}{topic}管理办法》政策解读",
    "关于进一步加强{topic}工作的意见", "关于开展{year}年度{topic}考核工作的通知", "{place}{topic}资金分配结果公示",
    "关于征求《{topic}三年行动计划》意见的公告",
)
NEWS_TITLES = (
    "{place}召开{topic}{meeting}", "{leader}调研{topic}工作", "{place}{topic}工作取得新成效",
    "{place}开展{topic}{action}", "{place}部署{topic}工作", "{place}举办{topic}{meeting}",
    "{place}扎实推进{topic}工作", "{place}全面落实{topic}各项措施", "{place}组织开展{topic}{action}",
)
OTHER_TITLES = (
    "{year}年{place}{topic}工作计划", "{year}年度部门预算公开", "{year}年{month}月份主要经济指标",
    "{topic}工作机构设置", "{topic}服务事项一览表", "关于{topic}问题的咨询答复", "{year}年{topic}工作总结",
    "{place}{topic}专项资金使用情况", "{topic}事项办理流程", "群众来信：关于{topic}的建议及答复",
)
SENTENCES = (
    "为深入贯彻落实上级关于{topic}工作的决策部署，进一步提高工作水平，{place}结合实际，认真研究部署相关工作。",
    "会议指出，做好{topic}工作事关人民群众切身利益，各单位要切实提高思想认识，压实工作责任。",
    "会议强调，要坚持问题导向，聚焦重点领域和薄弱环节，扎实推进{topic}各项任务落地见效。",
    "{place}有关部门负责同志参加会议，并就下一步工作进行了交流发言。",
    "下一步，{place}将持续加大工作力度，完善长效机制，推动{topic}工作再上新台阶。",
    "各乡镇（街道）、各有关部门要加强协调配合，形成工作合力，确保各项措施落实到位。",
    "此次活动共发放宣传资料三千余份，现场解答群众咨询二百余人次，取得了良好的社会效果。",
    "根据有关规定，现将相关情况予以公示，公示期为五个工作日。如有异议，请在公示期内向有关单位反映。",
    "联系电话及办公地址详见本网站“联系我们”栏目，欢迎社会各界监督。",
    "截至目前，{topic}各项重点任务进展顺利，完成年度目标任务的百分之八十以上。",
    "要加强信息公开和政策宣传，及时回应社会关切，营造良好的舆论氛围。",
    "本办法自发布之日起施行，由{place}相关部门负责解释。",
)


def place_of(name: str) -> str:
    """The short name used in texts: 桐庐县人民政府 → 桐庐县, 杭州市教育局 stays."""
    for suffix in ("人民政府", "管理委员会", "管委会"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def item_title(rng: random.Random, ctype: str, place: str, year: int, month: int) -> str:
    pool = NEWS_TITLES if ctype == NEWS else NOTICE_TITLES if ctype == NOTICE else OTHER_TITLES
    r = rng.random
    tpl = pool[int(r() * len(pool))]
    fields = {"place": place, "topic": TOPICS[int(r() * len(TOPICS))], "year": year, "month": month}
    if "{meeting}" in tpl:
        fields["meeting"] = MEETINGS[int(r() * len(MEETINGS))]
    if "{action}" in tpl:
        fields["action"] = ACTIONS[int(r() * len(ACTIONS))]
    if "{leader}" in tpl:
        fields["leader"] = place + LEADERS[int(r() * len(LEADERS))]
    return tpl.format(**fields)


def paragraphs(rng: random.Random, place: str, title: str, k: int) -> list[str]:
    topic = next((t for t in TOPICS if t in title), rng.choice(TOPICS))
    out = []
    for _ in range(k):
        n = rng.randint(2, 4)
        out.append("".join(s.format(place=place, topic=topic) for s in rng.sample(SENTENCES, n)))
    return out
