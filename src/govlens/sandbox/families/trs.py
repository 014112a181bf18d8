"""The TRS-WCM-like family: table-layout list blocks, year-less ``[MM-DD]`` homepage dates, side lists.

What the structure teaches a reader (studied on real TRS sites, written anew here): list blocks
are tables inside tables, the block heading is a cell of the outer table, homepage dates carry
no year (the year is in the article's path), an article shows its date in an info line while its
``PubDate`` meta may hold a later regeneration time (the shown date is the truth), and an
article's side lists (相关文章, 热点) carry dates of other articles.
"""
from __future__ import annotations

import datetime as dt
import random
from html import escape

from govlens.sandbox import render
from govlens.sandbox.families import meta
from govlens.sandbox.families.column import list_table
from govlens.sandbox.site import Column, Item, Site


def _md(d: dt.date) -> str:
    return f"[{d.month:02d}-{d.day:02d}]"


def _block(site: Site, col: Column, shown: list[Item]) -> str:
    out = ['<div class="col-block"><table width="100%" border="0" cellpadding="0" cellspacing="0">\n'
           f'<tr><td class="lm-tit"><span style="color:{site.text_color}">{col.name}</span></td>'
           f'<td align="right"><a class="more" href="{col.path}">更多</a></td></tr>\n<tr><td colspan="2">']
    if not shown:
        out.append('<p class="empty">暂无信息</p>')
    else:
        out.append('<table class="list-tb" width="100%" border="0" cellpadding="0" cellspacing="0">\n')
        for it in shown:
            out.append(f'<tr><td class="bt"><a href="{it.path}" title="{escape(it.title)}" target="_blank">'
                       f'{escape(it.title)}</a></td><td class="date" align="right" width="60">{_md(it.date)}</td></tr>\n')
        out.append("</table>")
    out.append("</td></tr>\n</table></div>\n")
    return "".join(out)


def home(site: Site) -> str:
    rng = random.Random(f"{site.seed}:{site.platform.id}:home")
    title = render.home_title(site, rng)
    out = [render._head(site, title, home=True), render._header(site, home=True), render._nav(site),
           '<div class="wrap">\n', render.home_top(site),
           '<table class="main-tb" width="100%" border="0" cellpadding="0" cellspacing="0">\n']
    for k, col in enumerate(site.columns):
        shown = site.items(col)[: rng.randint(5, 8)]
        if k % 2 == 0:
            out.append("<tr>")
        out.append(f'<td valign="top" width="50%">{_block(site, col, shown)}</td>')
        if k % 2 == 1 or k == len(site.columns) - 1:
            out.append("</tr>\n")
    out.append("</table>\n")
    out.append(render.home_bottom(site))
    out.append("</div>\n")
    out.append(render._footer(site))
    return "".join(out)


def column_page(site: Site, col: Column) -> str:
    listing = list_table(site.items(col), cell="<td>", date=dt.date.isoformat,
                         pager='<div class="page">共{n}条记录 当前第1页</div>\n')
    return render.framed_column_page(site, col, f"{col.name}_{site.name}", f'<h1 class="col-title">{col.name}</h1>',
                                     listing)


def _side_list(title: str, items: list[Item]) -> str:
    lis = "".join(f'<li><a href="{it.path}">{escape(it.title)}</a><span class="date">{it.date.isoformat()}</span></li>'
                  for it in items)
    return f'<div class="side-list"><h3>{title}</h3><ul>{lis}</ul></div>\n'


def article(site: Site, col: Column, j: int) -> str:
    items = site.items(col)
    it = items[j]
    rng = random.Random(f"{site.seed}:{site.platform.id}:trs-art:{it.path}")
    pub = it.date
    if rng.random() < 0.5:           # the page was regenerated later: the meta says so, the page does not
        pub = min(site.as_of, it.date + dt.timedelta(days=rng.randint(1, 90)))
    metas = meta.article_metas(site, col.name, it.title, f"{pub.isoformat()} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}",
                                      f"{site.base}{it.path}", drop=meta.dropped(site, col, article=True) if j == 0 else frozenset())
    out = [render._head(site, f"{it.title}_{site.name}", home=False, metas=metas), render._header(site, home=False),
           render._nav(site), '<div class="wrap">\n', render._crumb(site, (col.path, col.name), (None, "正文")),
           '<table width="100%" border="0" cellpadding="0" cellspacing="0"><tr><td valign="top">\n'
           f'<div class="article"><h1 class="title">{escape(it.title)}</h1>\n'
           f'<div class="info">发布日期：{it.date.isoformat()}　来源：{escape(site.place)}　【字体：大 中 小】</div>\n'
           '<div class="content" id="zoom">\n']
    out += [f"<p>　　{p}</p>\n" for p in render.article_texts(site, col, j)]
    out.append("</div></div>\n</td>\n<td valign=\"top\" width=\"280\" class=\"side\">\n")
    related = [x for k, x in enumerate(items) if k != j][:5]
    out.append(_side_list("相关文章", related))
    hot = [x for c in site.columns if c is not col for x in site.items(c)[:1]][:5]
    out.append(_side_list("热点", hot))
    out.append("</td></tr></table>\n</div>\n")
    out.append(render._footer(site))
    return "".join(out)
