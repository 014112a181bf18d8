"""HTML of sandbox pages, as text; :mod:`govlens.sandbox.web` encodes and caches it.

Every function is pure: the same site gives the same text. Page defects (missing title,
viewport, description, search form; images without alt; low-contrast inline text; broken
links) appear exactly where the site spec places them and nowhere else.
"""
from __future__ import annotations

import datetime as dt
import random
from html import escape

from govlens.contract import defects as D
from govlens.sandbox.families import footers, meta
from govlens.sandbox.site import HOME, Column, Item, Site
from govlens.sandbox.text import TOPICS, paragraphs

SECTIONS = {  # path key → (nav title, description)
    "zwgk": ("政务公开", "政府信息公开目录、政策文件与解读"),
    "zwfw": ("政务服务", "办事指南、便民服务与网上办事入口"),
    "hdjl": ("互动交流", "领导信箱、在线咨询、意见征集"),
    "zjxx": ("走进", "概况、历史沿革、自然资源与人文风貌"),
    "lxwm": ("联系我们", "办公地址、联系电话与邮政编码"),
    "wzdt": ("网站地图", "本站栏目导航"),
}
SERVICE_SUFFIXES = ("办事指南", "服务事项", "在线办理", "办件查询", "表格下载", "政策咨询")
HEAVY_IMAGE = "/images/hd_banner.gif"   # served with HEAVY_IMAGE_BYTES by the web (heavy_page sites only link it)


# --- pieces
def fmt_date(site: Site, d: dt.date, where: str) -> str:
    style = site.date_style
    if where == "list" and style == "short":
        style = "iso"
    if style == "short":
        if d.year == site.as_of.year:
            return f"[{d.month:02d}-{d.day:02d}]"
        return f"[{d.year:04d}-{d.month:02d}-{d.day:02d}]"
    if style == "slash":
        return f"{d.year:04d}/{d.month:02d}/{d.day:02d}"
    if style == "cn":
        return f"{d.year}年{d.month:02d}月{d.day:02d}日"
    if style == "paren":
        return f"({d.year:04d}-{d.month:02d}-{d.day:02d})"
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def _charset_meta(site: Site) -> str:
    if site.charset_decl in ("meta", "both"):
        return f'<meta charset="{site.charset_label}">\n'
    if site.charset_decl == "http-equiv":
        return f'<meta http-equiv="Content-Type" content="text/html; charset={site.charset_label}">\n'
    return ""


def _head(site: Site, title: str | None, *, home: bool, metas: str | None = None) -> str:
    """``metas``: the guideline block for the page's role (:mod:`govlens.sandbox.families.meta`); else the site's."""
    out = ["<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n", _charset_meta(site),
           '<meta http-equiv="X-UA-Compatible" content="IE=edge">\n']
    if not site.has(D.NO_VIEWPORT):
        out.append('<meta name="viewport" content="width=device-width, initial-scale=1.0">\n')
    if title is not None:
        out.append(f"<title>{escape(title)}</title>\n")
    if home:
        out.append(f'<meta name="keywords" content="{escape(site.place)},政务公开,政务服务,互动交流">\n')
        if not site.has(D.MISSING_DESCRIPTION):
            out.append(f'<meta name="description" content="{escape(site.name)}门户网站，发布{escape(site.place)}'
                       f'政务信息，提供政务公开、政务服务和互动交流。">\n')
    out.append(metas if metas is not None else meta.site_metas(site, home=home))
    out.append('<link rel="stylesheet" href="/css/style.css">\n'
               '<script src="/js/common.js"></script>\n</head>\n<body>\n')
    return "".join(out)


def _search_form(site: Site) -> str:
    if site.has(D.NO_SITE_SEARCH):
        return ""
    return ('<div class="search"><form action="/search" method="get">'
            '<input type="text" name="q" placeholder="请输入关键词"> <button type="submit">搜索</button>'
            "</form></div>\n")


def _zjxx_title(site: Site) -> str:
    if site.platform.org_type != "government":
        return "机构概况"
    p = site.place
    if p.endswith("自治区"):
        p = p[:-3]
    if "市" in p[:-1]:
        p = p[p.index("市") + 1:]
    if len(p) > 2 and p[-1] in "省市县区":
        p = p[:-1]
    return f"走进{p}"


def _header(site: Site, *, home: bool) -> str:
    tag = "h1" if home else "div"
    tools = ('<div class="tools"><button type="button" class="wza">无障碍浏览</button>'
             '<button type="button" class="zzms">长者模式</button></div>') if site.accessible_mode else ""
    return (f'<div class="header" style="background-color:{site.header_bg}"><div class="wrap">{tools}'
            f'<div class="logo"><a href="{site.home_path}"><img src="/images/emblem.png" alt="国徽"></a>'
            f'<{tag} class="site-name" style="color:#ffffff">{escape(site.name)}</{tag}></div>\n'
            f"{_search_form(site)}</div></div>\n")


def nav_items(site: Site) -> list[tuple[str, str]]:
    """The main menu's (href, text), whatever the layout family draws it with."""
    return [(site.home_path, "首页"), ("/zwgk/index.html", "政务公开"), ("/zwfw/index.html", "政务服务"),
            ("/hdjl/index.html", "互动交流"), (site.columns[0].path, site.columns[0].name),
            ("/zjxx/index.html", _zjxx_title(site))]


def _nav(site: Site) -> str:
    lis = "".join(f'<li><a href="{h}" style="color:#ffffff">{t}</a></li>' for h, t in nav_items(site))
    return f'<div class="nav" style="background-color:{site.header_bg}"><div class="wrap"><ul>{lis}</ul></div></div>\n'


def _footer(site: Site) -> str:
    return footers.footer(site)


def _low_contrast(site: Site, placement: str) -> str:
    pair = site.low_contrast.get(placement)
    if pair is None:
        return ""
    fg, bg = pair
    text = "温馨提示：本网站部分栏目信息正在整理中，给您带来不便，敬请谅解。"
    if bg is None:
        return f'<p class="tip"><span style="color:{fg}">{text}</span></p>\n'
    return f'<div class="tip" style="background-color:{bg}"><span style="color:{fg}">{text}</span></div>\n'


def _noalt_image(site: Site, placement: str) -> str:
    if placement not in site.noalt:
        return ""
    k = (site.art_base + len(placement)) % 9 + 1
    return f'<div class="ad"><img src="/images/ad_{k}.jpg" width="1200" height="90"></div>\n'


def _broken_internal(site: Site, placement: str) -> list[str]:
    return [f'<a href="{p}">{t}</a>' for w, p, t in site.broken_internal if w == placement]


def _broken_external(site: Site, placement: str) -> list[str]:
    return [f'<a href="{u}" target="_blank">{t}</a>' for w, u, t in site.broken_external if w == placement]


def _service_name(site: Site, i: int) -> str:
    return TOPICS[(i * 7 + site.art_base) % len(TOPICS)] + SERVICE_SUFFIXES[i % len(SERVICE_SUFFIXES)]


def _topic_name(site: Site, i: int) -> str:
    return TOPICS[(i * 11 + site.art_base + 3) % len(TOPICS)] + "专题"


# --- pages
def home(site: Site) -> str:
    rng = random.Random(f"{site.seed}:{site.platform.id}:home")
    title = home_title(site, rng)
    out = [_head(site, title, home=True), _header(site, home=True), _nav(site), '<div class="wrap">\n',
           home_top(site)]
    for col in site.columns:
        items = site.items(col)
        shown = items[: rng.randint(5, 8)]
        out.append(f'<div class="col-block"><div class="col-hd"><h2 style="color:{site.text_color}">{col.name}</h2>'
                   f'<a class="more" href="{col.path}">更多&gt;&gt;</a></div>\n')
        if not shown:
            out.append('<p class="empty">暂无信息</p></div>\n')
            continue
        if col.kind.code == "tpxw":
            first = shown[0]
            out.append(f'<div class="pic"><a href="{first.path}"><img src="/images/pic_{col.colnum}.jpg" '
                       f'alt="{escape(first.title)}"></a></div>\n')
        out.append("<ul>\n")
        for it in shown:
            out.append(f'<li><a href="{it.path}" title="{escape(it.title)}" target="_blank">{escape(it.title)}</a>'
                       f'<span class="date">{fmt_date(site, it.date, "home")}</span></li>\n')
        out.append("</ul></div>\n")
    out.append(home_bottom(site))
    out.append("</div>\n")
    out.append(_footer(site))
    return "".join(out)


def home_title(site: Site, rng: random.Random) -> str | None:
    """The homepage ``<title>``: none or empty on missing_title sites (the first draw of the home stream)."""
    return None if site.has(D.MISSING_TITLE) and rng.random() < 0.5 else (
        "" if site.has(D.MISSING_TITLE) else site.name)


def home_top(site: Site) -> str:
    """Banner, heavy image, image without alt, low-contrast tip and quick links: the homepage's first pieces."""
    out = [f'<div class="banner"><img src="/images/banner.jpg" alt="{escape(site.name)}"></div>\n']
    if site.has_visual(D.HEAVY_PAGE):
        out.append(f'<div class="hero"><img src="{HEAVY_IMAGE}" alt="{escape(site.place)}风光" width="1200" '
                   'height="400"></div>\n')
    out.append(_noalt_image(site, HOME))
    out.append(_low_contrast(site, HOME))
    quick = ['<a href="/zwgk/index.html">信息公开目录</a>']
    if site.inspection.channel:
        quick.append('<a href="/hdjl/index.html">领导信箱</a>')
    quick += ['<a href="/zwfw/index.html">网上办事</a>', '<a href="/lxwm/index.html">联系我们</a>']
    quick += _broken_internal(site, HOME)
    out.append(f'<div class="quick">{"　".join(quick)}</div>\n')
    return "".join(out)


def home_bottom(site: Site) -> str:
    """Services, topics, friend links and a defaced page's hidden spam: the homepage's last pieces."""
    out = []
    svc = "".join(f'<a href="/fw/fw_{i}.html">{_service_name(site, i)}</a>' for i in range(1, site.n_services + 1))
    out.append(f'<div class="fw" style="clear:both"><h3>政务服务</h3><div class="grid">{svc}</div></div>\n')
    if site.n_topics:
        zt = "".join(f'<a href="/zt/zt{i}/index.html"><img src="/images/zt{i}.jpg" alt="{_topic_name(site, i)}"></a>'
                     for i in range(1, site.n_topics + 1))
        out.append(f'<div class="zt"><h3>专题专栏</h3><div class="grid">{zt}</div></div>\n')
    links = [f'<a href="{u}" target="_blank">{escape(n)}</a>' for n, u in site.nationals + site.friends]
    links += _broken_external(site, HOME)
    out.append(f'<div class="yqlj"><span class="hd">友情链接：</span>{"　".join(links)}</div>\n')
    if site.inspection.harmful:     # a defaced page: spam text hidden from visitors, not from crawlers
        out.append(f'<div style="display:none">{escape(site.inspection.harmful)}，{escape(site.inspection.harmful)}'
                   "热线咨询</div>\n")
    return "".join(out)


def _crumb(site: Site, *trail: tuple[str | None, str]) -> str:
    parts = [f'<a href="{site.home_path}">首页</a>']
    for href, text in trail:
        parts.append(f'<a href="{href}">{text}</a>' if href else f"<span>{escape(text)}</span>")
    return f'<div class="crumb">当前位置：{" &gt; ".join(parts)}</div>\n'


def _side(site: Site, placement: str | None) -> str:
    lis = "".join(f'<li><a href="{c.path}">{c.name}</a></li>' for c in site.columns)
    extra = []
    if placement is not None:
        extra = _broken_internal(site, placement) + _broken_external(site, placement)
    rel = f'<div class="related"><h3>相关链接</h3><p>{"　".join(extra)}</p></div>' if extra else ""
    return f'<div class="side"><h3>栏目导航</h3><ul class="side-nav">{lis}</ul>{rel}</div>\n'


def framed_column_page(site: Site, col: Column, title: str, heading: str, listing: str) -> str:
    """A column's page in the portal's frame: ``title`` is the ``<title>``, ``heading`` the HTML that opens
    the main part, ``listing`` the family's list and pager."""
    metas = meta.column_metas(site, col.name, drop=meta.dropped(site, col, article=False))
    return "".join([_head(site, title, home=False, metas=metas), _header(site, home=False),
                    _nav(site), '<div class="wrap">\n',
                    _crumb(site, ("/zwgk/index.html", "政务公开"), (None, col.name)),
                    _noalt_image(site, col.code), _low_contrast(site, col.code),
                    _side(site, col.code), f'<div class="main">{heading}\n', listing, "</div>\n</div>\n",
                    _footer(site)])


def column_page(site: Site, col: Column) -> str:
    items = site.items(col)
    rows = "".join(f'<li><a href="{it.path}" target="_blank">{escape(it.title)}</a>'
                   f'<span class="date">{fmt_date(site, it.date, "list")}</span></li>\n' for it in items)
    listing = ('<div class="list-empty">暂无信息</div>\n' if not items else
               f'<ul class="list">\n{rows}</ul>\n<div class="page">共{len(items)}条　第1页/共1页</div>\n')
    return framed_column_page(site, col, f"{col.name} - {site.name}", f'<h1 class="col-title">{col.name}</h1>',
                              listing)


def article(site: Site, col: Column, j: int) -> str:
    items = site.items(col)
    it = items[j]
    date = f"{it.date.year}年{it.date.month:02d}月{it.date.day:02d}日" if site.date_style == "cn" else \
        f"{it.date.year:04d}-{it.date.month:02d}-{it.date.day:02d}"
    metas = meta.article_metas(site, col.name, it.title, f"{it.date.isoformat()} 09:30", f"{site.base}{it.path}",
                               drop=meta.dropped(site, col, article=True) if j == 0 else frozenset())
    out = [_head(site, f"{it.title} - {site.name}", home=False, metas=metas), _header(site, home=False), _nav(site)]
    out.append('<div class="wrap">\n')
    out.append(_crumb(site, (col.path, col.name), (None, "正文")))
    out.append(f'<div class="article"><h1>{escape(it.title)}</h1>\n'
               f'<div class="info">发布时间：{date}　来源：{escape(site.place)}　字号：大 中 小</div>\n'
               '<div class="content">\n')
    for p in article_texts(site, col, j):
        out.append(f"<p>　　{p}</p>\n")
    out.append("</div>\n")
    nav = []
    if j > 0:
        nav.append(f'上一篇：<a href="{items[j - 1].path}">{escape(items[j - 1].title)}</a>')
    if j + 1 < len(items):
        nav.append(f'下一篇：<a href="{items[j + 1].path}">{escape(items[j + 1].title)}</a>')
    out.append(f'<div class="prev-next">{"<br>".join(nav)}</div>\n</div>\n</div>\n')
    out.append(_footer(site))
    return "".join(out)


def article_texts(site: Site, col: Column, j: int) -> list[str]:
    """The paragraphs of one article (a 文明网 topic sentence and a planted wording error included)."""
    it = site.items(col)[j]
    rng = random.Random(f"{site.seed}:{site.platform.id}:art:{it.path}")
    texts = paragraphs(rng, site.place, it.title, rng.randint(3, 6))
    if col.index in site.civ_columns:           # a 文明网's topic column (sandbox.civilization)
        from govlens.sandbox.civilization import sentence
        texts.insert(0, sentence(site.civ_columns[col.index]))
    wrong = site.inspection.wrong_wording
    if wrong is not None and wrong[0] == col.code and j == 0:
        texts.insert(1, f"会议要求，要深入学习宣传{wrong[1]}有关精神，切实把思想和行动统一到决策部署上来。")
    return texts


def section(site: Site, key: str) -> str:
    title, desc = SECTIONS[key]
    if key == "zjxx":
        title = _zjxx_title(site)
    metas = meta.column_metas(site, title, ctype="栏目导航")     # a CMS writes a channel page's metas on hubs too
    out = [_head(site, f"{title} - {site.name}", home=False, metas=metas), _header(site, home=False), _nav(site)]
    out.append('<div class="wrap">\n')
    out.append(_crumb(site, (None, title)))
    out.append(f'<div class="main"><h1>{title}</h1><p>{desc}</p>\n')
    if key == "hdjl":
        if site.inspection.channel:
            out.append('<div class="grid"><a href="/hdjl/letters/index.html">信件公开</a>'
                       '<a href="/hdjl/write.html">我要写信</a></div>\n')
        else:
            out.append("<p>栏目建设中，敬请期待。</p>\n")
    if key in ("zwgk", "wzdt"):
        out.append('<div class="grid">' + "".join(f'<a href="{c.path}">{c.name}</a>' for c in site.columns)
                   + "</div>\n")
    if key in ("zwfw", "wzdt"):
        out.append('<div class="grid">' + "".join(f'<a href="/fw/fw_{i}.html">{_service_name(site, i)}</a>'
                                                  for i in range(1, site.n_services + 1)) + "</div>\n")
    if key == "lxwm":
        out.append(f"<p>单位名称：{escape(site.name)}</p><p>联系电话：0571-8{site.site_code[-7:]}</p>\n")
    if key == "zjxx":
        rng = random.Random(f"{site.seed}:{site.platform.id}:zjxx")
        out.extend(f"<p>　　{p}</p>\n" for p in paragraphs(rng, site.place, title, 3))
    out.append("</div>\n</div>\n")
    out.append(_footer(site))
    return "".join(out)


def topic(site: Site, i: int) -> str:
    name = _topic_name(site, i)
    metas = meta.column_metas(site, name, ctype="专题专栏")
    out = [_head(site, f"{name} - {site.name}", home=False, metas=metas), _header(site, home=False), _nav(site)]
    out.append('<div class="wrap">\n')
    out.append(_crumb(site, (None, name)))
    out.append(f'<div class="main"><h1>{name}</h1>\n<ul class="list">\n')
    # the newest items of the first column: always fresh, as sites with a stale homepage have no topics
    for it in site.items(site.columns[0])[:8]:
        out.append(f'<li><a href="{it.path}" target="_blank">{escape(it.title)}</a>'
                   f'<span class="date">{fmt_date(site, it.date, "list")}</span></li>\n')
    out.append("</ul>\n</div>\n</div>\n")
    out.append(_footer(site))
    return "".join(out)


def search(site: Site, q: str) -> str:
    q = q.strip()[:50]
    out = [_head(site, f"搜索结果 - {site.name}", home=False), _header(site, home=False), _nav(site)]
    out.append('<div class="wrap">\n')
    out.append(_crumb(site, (None, "搜索结果")))
    hits = []
    if q and not site.has(D.SEARCH_NO_RESULTS):      # a broken search index finds nothing, ever
        for col in site.columns:
            for it in site.items(col):
                if q in it.title:
                    hits.append(it)
        hits += [Item(x.title, x.asked, x.path) for x in site.inspection.letters if q in x.title]
    hits.sort(key=lambda it: it.date, reverse=True)
    out.append(f'<div class="main"><h1>搜索结果</h1><p>关键词：{escape(q)}　共找到{len(hits)}条结果</p>\n')
    if hits:
        out.append('<ul class="results">\n')
        for it in hits[:20]:
            out.append(f'<li><a href="{it.path}">{escape(it.title)}</a>'
                       f'<span class="date">{fmt_date(site, it.date, "list")}</span></li>\n')
        out.append("</ul>\n")
    else:
        out.append(f"<p>未找到与“{escape(q)}”相关的信息。</p>\n")
    out.append("</div>\n</div>\n")
    out.append(_footer(site))
    return "".join(out)


def national_home(name: str, host: str) -> str:
    return ('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
            f"<title>{escape(name)}</title>\n<meta name=\"description\" content=\"{escape(name)}\">\n</head>\n"
            f'<body>\n<h1>{escape(name)}</h1>\n<p>{escape(name)}（{host}）首页。</p>\n</body>\n</html>\n')


def not_found(site_name: str | None) -> str:
    title = "404 页面不存在"
    return ('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title}</title>\n</head>\n<body>\n<h1>{title}</h1>\n"
            f"<p>您访问的页面不存在或已被删除。{escape(site_name or '')}</p>\n</body>\n</html>\n")
