"""Synthetic featured columns (特色栏目, series 2): a column path on a central organ's host.

:func:`build_column` draws a column from ``random.Random(f"{seed}:{platform.id}:column")``, so
adding columns changed no earlier decision. A column lives under its registry URL's directory
(``/tslm/<code>/``) on the host of its site; :class:`govlens.sandbox.web.SandboxWeb` answers
those paths from here before the site's own pages (a host with no registry website answers a
small homepage linking to its columns). Served:

- ``index.html``, ``index_1.html`` …: the list, 20 dated items a page, with a 下一页 link;
- ``art/<n>.html``: an item — several paragraphs of text, or (a *thin* item) one line and
  an attachment link;
- a query form (columns whose name says 查询, 数据, 标讯, 价格 …) answering ``query?kw=…`` with the
  items and records whose title holds the word and a stated count (共找到N条记录);
- a message form (a ``textarea``) on columns whose name says 互动, 留言 or 访谈.

Defects (site-level, at the registry URL):

- ``column_not_updated``: the newest item is 120–500 days old (healthy columns: 0–20 days);
- ``column_thin_content``: 80–100 % of the items are thin (healthy columns: at most 1 in 10);
- ``column_query_broken`` (query columns only): the query answers HTTP 500, or a page saying the
  service is paused with 0 records, whatever is asked.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from html import escape
from urllib.parse import parse_qs, urlsplit

from govlens.contract import defects as D
from govlens.registry.model import Platform

RATE_NOT_UPDATED = 0.2
RATE_THIN = 0.2
RATE_QUERY_BROKEN = 0.35          # of the columns with a query form
PAGE_SIZE = 20
QUERY_WORDS = ("查询", "数据", "标讯", "价格")
MESSAGE_WORDS = ("互动", "留言", "访谈")
RHYTHMS = ((1, 3), (2, 6), (5, 9), (10, 25))     # days between items: daily … monthly columns
_TOPICS = ("改革", "发展", "监督", "服务", "创新", "法治", "民生", "规划", "统计", "信息公开", "政策", "人才", "安全",
           "教育", "文化", "经济", "环境", "科技")
_FORMS = ("关于{t}工作的{k}", "{t}{k}（第{n}期）", "聚焦{t}：{k}", "{t}领域{k}情况", "{k}：推进{t}工作综述")
_KINDS = ("专题报道", "经验交流", "政策解读", "工作动态", "数据发布", "访谈实录", "理论文章", "典型案例")
_PARA = ("围绕{t}工作，有关部门认真贯彻落实中央决策部署，坚持问题导向，细化工作措施，明确责任分工，推动各项任务落到实处。",
         "从实践看，{t}工作取得了阶段性成效：制度体系逐步完善，工作机制不断健全，人民群众的获得感进一步增强。",
         "下一步，将继续深化{t}领域改革，加强统筹协调和督促检查，及时总结推广基层好的经验做法，确保取得更大实效。",
         "本栏目将持续跟踪报道{t}工作进展情况，欢迎社会各界提出意见建议，共同推动相关工作健康发展。")


@dataclass(frozen=True, slots=True)
class ColumnItem:
    n: int
    title: str
    date: dt.date
    thin: bool


@dataclass(eq=False)
class FeaturedColumn:
    platform: Platform
    host: str
    scheme: str
    prefix: str                        # "/tslm/rdlt/"
    site_name: str
    name: str
    flags: frozenset[str]
    items: list[ColumnItem]            # newest first
    query: bool
    message: bool
    broken_mode: str = ""              # "500" | "paused" (column_query_broken)
    seed: int = 0
    _by_n: dict[int, ColumnItem] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_n = {it.n: it for it in self.items}

    # ------------------------------------------------------------------ truth
    def defects(self) -> list[dict[str, str]]:
        url = self.platform.url.strip()
        order = {k: i for i, k in enumerate(D.ALL_KINDS)}
        return [{"kind": k, "url": url} for k in sorted(self.flags, key=order.__getitem__)]

    # ------------------------------------------------------------------ pages
    def pages(self) -> int:
        return max(1, -(-len(self.items) // PAGE_SIZE))

    def respond(self, path: str, query: str) -> tuple[int, str]:
        """(HTTP status, HTML) of one path under the column's prefix."""
        rest = path[len(self.prefix):]
        if rest in ("", "index.html"):
            return 200, self.list_page(0)
        if rest.startswith("index_") and rest.endswith(".html") and rest[6:-5].isdigit():
            page = int(rest[6:-5])
            if 1 <= page < self.pages() and rest[6:-5] == str(page):
                return 200, self.list_page(page)
        if rest.startswith("art/") and rest.endswith(".html") and rest[4:-5].isdigit():
            item = self._by_n.get(int(rest[4:-5]))
            if item is not None:
                return 200, self.article(item)
        if rest == "query" and self.query:
            return self.answer(parse_qs(query).get("kw", [""])[0])
        return 404, _page(self.site_name, "页面不存在", "<p>您访问的页面不存在。</p>")

    def list_page(self, page: int) -> str:
        chunk = self.items[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
        lis = "".join(f'<li><a href="{self.prefix}art/{it.n}.html">{escape(it.title)}</a>'
                      f'<span class="date">{it.date.isoformat()}</span></li>\n' for it in chunk)
        pager = f'<div class="page">共{len(self.items)}条　第{page + 1}页/共{self.pages()}页'
        if page + 1 < self.pages():
            pager += f'　<a href="{self.prefix}index_{page + 1}.html">下一页</a>'
        pager += "</div>\n"
        forms = ""
        if self.query:
            forms += (f'<div class="query"><form action="{self.prefix}query" method="get">'
                      '<input type="text" name="kw" placeholder="请输入名称或关键词"> <button type="submit">查询</button>'
                      "</form></div>\n")
        if self.message:
            forms += (f'<div class="message"><form action="{self.prefix}liuyan" method="post">'
                      '<p>标题：<input type="text" name="title"></p><p>内容：<textarea name="content"></textarea></p>'
                      '<p><button type="submit">提交留言</button></p></form></div>\n')
        body = (f'<h1 class="col-title">{escape(self.name)}</h1>\n{forms}<ul class="list">\n{lis}</ul>\n{pager}')
        return _page(self.site_name, f"{self.name} - {self.site_name}", body)

    def article(self, item: ColumnItem) -> str:
        rng = random.Random(f"{self.seed}:{self.platform.id}:art:{item.n}")
        topic = item.title[:4]
        if item.thin:
            text = '<p>详见附件。</p><p><a href="#">附件下载</a></p>'
        else:
            paras = rng.sample(_PARA, rng.randint(3, 4))
            text = "".join(f"<p>{escape(p.format(t=topic))}</p>" for p in paras)
        body = (f'<h1>{escape(item.title)}</h1>\n<div class="info">发布时间：{item.date.isoformat()}</div>\n'
                f'<div class="content">{text}</div>\n')
        return _page(self.site_name, f"{item.title} - {self.name}", body)

    def answer(self, kw: str) -> tuple[int, str]:
        if D.COLUMN_QUERY_BROKEN in self.flags:
            if self.broken_mode == "500":
                return 500, _page(self.site_name, "系统错误", "<p>系统繁忙，请稍后再试。</p>")
            return 200, _page(self.site_name, f"{self.name}查询", "<p>查询服务暂停，共找到0条记录。</p>")
        kw = kw.strip()
        if not kw:
            return 200, _page(self.site_name, f"{self.name}查询", "<p>请输入查询条件。</p>")
        hits = [it for it in self.items if kw in it.title]
        rows = "".join(f"<tr><td>{escape(it.title)}</td><td>{it.date.isoformat()}</td></tr>\n" for it in hits[:50])
        body = (f"<h1>{escape(self.name)}查询结果</h1>\n<p class=\"count\">共找到{len(hits)}条记录</p>\n"
                f'<table class="result">\n<tr><th>名称</th><th>日期</th></tr>\n{rows}</table>\n')
        return 200, _page(self.site_name, f"{self.name}查询结果", body)


def _page(site: str, title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
            f'</head>\n<body>\n<div class="header">{escape(site)}</div>\n<div class="main">\n{body}</div>\n'
            f'<div class="footer">主办：{escape(site)}</div>\n</body>\n</html>\n')


def column_home(host: str, columns: list[FeaturedColumn]) -> str:
    """The homepage of a host that has columns but no registry website: links to its columns."""
    site = columns[0].site_name
    links = "".join(f'<li><a href="{c.prefix}index.html">{escape(c.name)}</a></li>' for c in columns)
    return _page(site, site, f"<h1>{escape(site)}</h1>\n<ul>{links}</ul>\n")


def build_column(platform: Platform, seed: int, as_of: dt.date) -> FeaturedColumn:
    rng = random.Random(f"{seed}:{platform.id}:column")
    parts = urlsplit(platform.url.strip())
    prefix = parts.path.rsplit("/", 1)[0] + "/"
    site_name, _, name = platform.name.partition("·")
    name = name or platform.name
    query = any(w in name for w in QUERY_WORDS)
    message = any(w in name for w in MESSAGE_WORDS)
    r_stale, r_thin, r_query = rng.random(), rng.random(), rng.random()
    flags: set[str] = set()
    if r_stale < RATE_NOT_UPDATED:
        flags.add(D.COLUMN_NOT_UPDATED)
    if r_thin < RATE_THIN:
        flags.add(D.COLUMN_THIN_CONTENT)
    broken_mode = ""
    if query and r_query < RATE_QUERY_BROKEN:
        flags.add(D.COLUMN_QUERY_BROKEN)
        broken_mode = rng.choice(("500", "paused"))
    lo, hi = rng.choice(RHYTHMS)
    newest = rng.randint(120, 500) if D.COLUMN_NOT_UPDATED in flags else rng.randint(0, 20)
    thin_share = rng.uniform(0.8, 1.0) if D.COLUMN_THIN_CONTENT in flags else rng.uniform(0.0, 0.1)
    count = rng.randint(30, 110)
    day = as_of - dt.timedelta(days=newest)
    base = rng.randint(1000, 9000)
    items = []
    for j in range(count):
        t = rng.choice(_TOPICS)
        title = rng.choice(_FORMS).format(t=t, k=rng.choice(_KINDS), n=count - j)
        items.append(ColumnItem(base + j, title, day, rng.random() < thin_share))
        day -= dt.timedelta(days=rng.randint(lo, hi))
    return FeaturedColumn(platform=platform, host=platform.host, scheme=parts.scheme.lower(), prefix=prefix,
                          site_name=site_name, name=name, flags=frozenset(flags), items=items, query=query,
                          message=message, broken_mode=broken_mode, seed=seed)
