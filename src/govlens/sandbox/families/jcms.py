"""The 大汉-JCMS-like family: GBK pages, div grids, tabbed blocks, a ``<marquee>`` notice block.

The structures (studied on real JCMS sites, written anew here): a block's heading sits in a
title bar several levels above its list (``div.bt > h3`` beside ``div.con > div > div > ul``);
two columns share a tabbed block, each tab with its own list and "更多"; the notice column
scrolls in a ``<marquee>``; a "政府信息公开" block leads to a directory page (column links, no
dates: neither stale nor empty); one block is filled by script, so a plain HTTP reader sees an
empty box there (it carries no truth: its items are copies of a real column's).
"""
from __future__ import annotations

import json
import random
from html import escape

from govlens.sandbox import render
from govlens.sandbox.families import meta
from govlens.sandbox.site import Column, Item, Site
from govlens.sandbox.text import NOTICE


def _lis(items: list[Item]) -> str:
    return "".join(f'<li><a href="{it.path}" title="{escape(it.title)}" target="_blank">{escape(it.title)}</a>'
                   f'<span class="date">{it.date.isoformat()}</span></li>\n' for it in items)


def _title_bar(site: Site, name: str, more: str | None) -> str:
    link = f'<div class="bt-r"><a class="more" href="{more}">更多&gt;&gt;</a></div>' if more else ""
    return (f'<div class="bt"><div class="bt-l"><h3 style="color:{site.text_color}">{name}</h3></div>{link}'
            "</div>\n")


def _grid_block(site: Site, col: Column, shown: list[Item]) -> str:
    body = f"<ul>\n{_lis(shown)}</ul>" if shown else '<p class="empty">暂无信息</p>'
    return (f'<div class="col-block">{_title_bar(site, col.name, col.path)}'
            f'<div class="con"><div class="con-in"><div class="list-wrap">{body}</div></div></div></div>\n')


def _marquee_block(site: Site, col: Column, shown: list[Item]) -> str:
    body = (f'<marquee direction="up" scrollamount="2" height="200" onmouseover="this.stop()" '
            f'onmouseout="this.start()"><ul>\n{_lis(shown)}</ul></marquee>') if shown else '<p class="empty">暂无信息</p>'
    return f'<div class="col-block notice">{_title_bar(site, col.name, col.path)}<div class="con">{body}</div></div>\n'


def _tab_block(site: Site, pair: list[tuple[Column, list[Item]]], n: int) -> str:
    on = ' class="on"'
    heads = "".join(f'<li id="tab{n}_{k}"{on if k == 1 else ""} onmouseover="setTab(&#39;tab{n}_&#39;,{k},'
                    f'{len(pair)})"><a href="{c.path}">{c.name}</a></li>' for k, (c, _) in enumerate(pair, 1))
    out = [f'<div class="col-block tabs"><div class="tab-hd"><ul>{heads}</ul></div>\n']
    for k, (c, shown) in enumerate(pair, 1):
        hide = "" if k == 1 else ' style="display:none"'
        body = f"<ul>\n{_lis(shown)}</ul>" if shown else '<p class="empty">暂无信息</p>'
        out.append(f'<div class="tab-con" id="tab{n}_con{k}"{hide}>{body}'
                   f'<div class="more-r"><a class="more" href="{c.path}">更多&gt;&gt;</a></div></div>\n')
    out.append("</div>\n")
    return "".join(out)


def _directory_block(site: Site) -> str:
    lis = "".join(f'<li><a href="{c.path}">{c.name}</a></li>' for c in site.columns)
    return (f'<div class="col-block dir">{_title_bar(site, "政府信息公开", "/zwgk/index.html")}'
            f'<div class="con"><ul class="dir-list">{lis}</ul></div></div>\n')


def _script_block(site: Site) -> str:
    items = site.items(site.columns[0])[:4]
    html = "<ul>" + "".join(f'<li><a href="{it.path}">{escape(it.title)}</a></li>' for it in items) + "</ul>"
    return (f'<div class="col-block js">{_title_bar(site, "今日关注", None)}<div class="con" id="jrgz"></div>\n'
            f"<script>document.getElementById('jrgz').innerHTML={json.dumps(html)};</script></div>\n")


SCRIPT = ("<script>function setTab(n,k,c){for(var i=1;i<=c;i++){var h=document.getElementById(n+i),"
          "b=document.getElementById(n.replace(/_$/,'_con')+i);if(h)h.className=i==k?'on':'';"
          "if(b)b.style.display=i==k?'block':'none';}}</script>\n")


def home(site: Site) -> str:
    rng = random.Random(f"{site.seed}:{site.platform.id}:home")
    title = render.home_title(site, rng)
    out = [render._head(site, title, home=True), render._header(site, home=True), render._nav(site), SCRIPT,
           '<div class="wrap">\n', render.home_top(site)]
    shown = [(c, site.items(c)[: rng.randint(5, 8)]) for c in site.columns]
    notice = next((k for k, (c, _) in enumerate(shown) if c.kind.ctype == NOTICE), None)
    k, n_tab = 0, 0
    while k < len(shown):
        col, items = shown[k]
        if k == notice:
            out.append(_marquee_block(site, col, items))
            k += 1
        elif k > 0 and k + 1 < len(shown) and k + 1 != notice and n_tab < 2:
            n_tab += 1
            out.append(_tab_block(site, shown[k:k + 2], n_tab))
            k += 2
        else:
            out.append(_grid_block(site, col, items))
            k += 1
        if k == 1:
            out.append(_script_block(site))
    out.append(_directory_block(site))
    out.append(render.home_bottom(site))
    out.append("</div>\n")
    out.append(render._footer(site))
    return "".join(out)


def column_page(site: Site, col: Column) -> str:
    items = site.items(col)
    listing = ('<div class="list"><div class="list-empty">暂无信息</div></div>\n' if not items else
               f'<div class="list"><div class="list-in"><ul>\n{_lis(items)}</ul></div></div>\n'
               f'<div class="default_pgContainer">共 {len(items)} 条 1/1 页</div>\n')
    return render.framed_column_page(site, col, f"{col.name} {site.name}",
                                     f'<div class="bt"><h1 class="col-title">{col.name}</h1></div>', listing)


def article(site: Site, col: Column, j: int) -> str:
    items = site.items(col)
    it = items[j]
    metas = meta.article_metas(site, col.name, it.title, f"{it.date.isoformat()} 10:12", f"{site.base}{it.path}",
                                      drop=meta.dropped(site, col, article=True) if j == 0 else frozenset())
    out = [render._head(site, it.title, home=False, metas=metas), render._header(site, home=False),
           render._nav(site), '<div class="wrap">\n', render._crumb(site, (col.path, col.name), (None, "正文")),
           f'<div class="article"><div class="bt"><h1>{escape(it.title)}</h1></div>\n'
           f'<div class="info"><span>发布日期：{it.date.isoformat()}</span>　<span>信息来源：{escape(site.place)}</span>'
           '　<span>浏览次数：<script>document.write(Math.floor(Math.random()*900)+100)</script></span></div>\n'
           '<div class="content" id="zoom">\n']
    out += [f"<p>　　{p}</p>\n" for p in render.article_texts(site, col, j)]
    out.append("</div></div>\n</div>\n")
    out.append(render._footer(site))
    return "".join(out)
