"""The old table-layout family: nested tables, a form-less search box, ``javascript:`` entries, 年月日 dates.

The structures (studied on real sites built in the 2000s, written anew here): the page is a
960 px table holding tables; a block's heading is a table cell with a bullet image and its
"更多" is an image link; dates read ``2013年12月10日``; the search box is a text input and a
button whose ``onclick`` builds the search URL (no ``<form>``); the 无障碍 / 关怀版 entries are
``javascript:`` links; a weather box is an ``<iframe>``.
"""
from __future__ import annotations

import random
from html import escape

from govlens.contract import defects as D
from govlens.sandbox import render
from govlens.sandbox.families import meta
from govlens.sandbox.families.column import list_table
from govlens.sandbox.site import Column, Item, Site

SEARCH_SCRIPT = ("<script>function doSearch(){var k=document.getElementById('kw').value;"
                 "if(!k){alert('请输入关键词');return;}window.location.href='/search?q='+encodeURIComponent(k);}"
                 "</script>\n")


def _cn(d) -> str:
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


def _header(site: Site) -> str:
    tools = ""
    if site.accessible_mode:
        tools = ('<a href="javascript:void(0);" onclick="aria.start()" class="wza" style="color:#ffffff">无障碍</a> | '
                 '<a href="javascript:toCare();" class="ghb" style="color:#ffffff">关怀版</a> | ')
    search = "" if site.has(D.NO_SITE_SEARCH) else (
        '<input type="text" id="kw" name="q" size="16" value="" class="search-kw"> '
        '<input type="button" value="搜索" onclick="doSearch()" class="search-btn">')
    return (SEARCH_SCRIPT
            + f'<table class="header" width="100%" border="0" align="center" cellpadding="0" cellspacing="0" '
            f'style="background-color:{site.header_bg}"><tr>\n<td height="80">'
            f'<a href="{site.home_path}"><img src="/images/emblem.png" alt="国徽" width="64" height="64" '
            f'align="absmiddle"></a><span class="site-name" style="color:#ffffff;font-size:26px">{escape(site.name)}</span>'
            f'</td></tr>\n<tr><td align="right" height="30" style="color:#ffffff">{tools}{search}</td></tr>\n</table>\n')


def _nav(site: Site) -> str:
    tds = "".join(f'<td align="center"><a href="{h}" style="color:#ffffff">{t}</a></td>'
                  for h, t in render.nav_items(site))
    return (f'<table class="nav" width="100%" height="40" border="0" align="center" cellpadding="0" cellspacing="0" '
            f'style="background-color:{site.header_bg}"><tr>{tds}</tr></table>\n')


def _block(site: Site, col: Column, shown: list[Item]) -> str:
    out = ['<table class="col-block" width="100%" border="0" cellpadding="0" cellspacing="0">\n'
           f'<tr><td class="tit" height="30" style="color:{site.text_color}"><img src="/images/dot.gif" alt="" width="8" height="8">'
           f'{col.name}</td><td align="right"><a class="more" href="{col.path}"><img src="/images/more.gif" '
           'alt="更多" border="0"></a></td></tr>\n<tr><td colspan="2">']
    if not shown:
        out.append("暂无信息")
    else:
        out.append('<table width="100%" border="0" cellpadding="0" cellspacing="0">\n')
        for it in shown:
            out.append(f'<tr><td height="24">·<a href="{it.path}" target="_blank">{escape(it.title)}</a></td>'
                       f'<td class="date" align="right" nowrap>{_cn(it.date)}</td></tr>\n')
        out.append("</table>")
    out.append("</td></tr>\n</table>\n")
    return "".join(out)


def _page(site: Site, title: str | None, *, home: bool, metas: str | None = None) -> list[str]:
    head = render._head(site, title, home=home, metas=metas).replace("<!DOCTYPE html>", (
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">'), 1)
    return [head, _header(site), _nav(site)]


def home(site: Site) -> str:
    rng = random.Random(f"{site.seed}:{site.platform.id}:home")
    out = _page(site, render.home_title(site, rng), home=True)
    out.append(f'<div class="wrap">{render.home_top(site)}'
               '<table width="100%" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td>\n'
               '<table width="100%" border="0" cellpadding="0" cellspacing="0"><tr><td valign="top">\n')
    for col in site.columns:
        out.append(_block(site, col, site.items(col)[: rng.randint(5, 8)]))
    out.append('</td></tr>\n<tr><td align="center">'
               '<iframe src="/images/weather.gif" width="240" height="80" frameborder="0" scrolling="no" '
               'title="天气预报"></iframe></td></tr></table>\n')
    out.append(f"</td></tr>\n<tr><td>\n{render.home_bottom(site)}</td></tr></table></div>\n")
    out.append(render._footer(site))
    return "".join(out)


def column_page(site: Site, col: Column) -> str:
    metas = meta.column_metas(site, col.name, drop=meta.dropped(site, col, article=False))
    out = _page(site, f"{site.name}--{col.name}", home=False, metas=metas)
    out.append('<div class="wrap"><table width="100%" border="0" align="center" cellpadding="0" cellspacing="0"><tr>'
               f'<td colspan="2">{render._crumb(site, ("/zwgk/index.html", "政务公开"), (None, col.name))}'
               f"{render._noalt_image(site, col.code)}{render._low_contrast(site, col.code)}</td></tr>\n"
               f'<tr><td width="22%" valign="top">{render._side(site, col.code)}</td>\n<td valign="top">'
               f'<h1 class="col-title">{col.name}</h1>\n')
    out.append(list_table(site.items(col), cell='<td height="26">·', date=_cn,
                          pager='<table width="100%"><tr><td align="center">共{n}条 首页 上一页 下一页 尾页</td></tr></table>\n'))
    out.append("</td></tr></table></div>\n")
    out.append(render._footer(site))
    return "".join(out)


def article(site: Site, col: Column, j: int) -> str:
    it = site.items(col)[j]
    metas = meta.article_metas(site, col.name, it.title, it.date.isoformat(), f"{site.base}{it.path}",
                               drop=meta.dropped(site, col, article=True) if j == 0 else frozenset())
    out = _page(site, it.title, home=False, metas=metas)
    out.append('<div class="wrap"><table width="100%" border="0" align="center" cellpadding="0" cellspacing="0">'
               f'<tr><td>{render._crumb(site, (col.path, col.name), (None, "正文"))}</td></tr>\n'
               f'<tr><td align="center" class="article"><h1>{escape(it.title)}</h1></td></tr>\n'
               f'<tr><td align="center" class="info">发布时间：{_cn(it.date)}　来源：{escape(site.place)}</td></tr>\n'
               '<tr><td class="content">\n')
    out += [f"<p>　　{p}</p>\n" for p in render.article_texts(site, col, j)]
    out.append('</td></tr>\n<tr><td align="center"><a href="javascript:window.print()">【打印本页】</a> '
               '<a href="javascript:window.close()">【关闭窗口】</a></td></tr></table></div>\n')
    out.append(render._footer(site))
    return "".join(out)
