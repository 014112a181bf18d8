"""HTML of a sandbox site's service and interaction pages: 政务服务 items, 办事指南 with their key
elements, the published letters (信件公开) and the letter form.

Split from :mod:`govlens.sandbox.render` (whose page pieces these pages share) because they carry
the inspection-rule features of :mod:`govlens.sandbox.inspection`: guides missing elements, letters
answered late or never.
"""
from __future__ import annotations

import datetime as dt
import random
from html import escape

from govlens.sandbox.inspection import GUIDE_ELEMENTS, Letter, guide_indices
from govlens.sandbox.families import meta
from govlens.sandbox.render import _crumb, _footer, _head, _header, _nav, _service_name
from govlens.sandbox.site import Site, attachment_path
from govlens.sandbox.text import paragraphs


def _metas(site: Site, i: int, name: str) -> str:
    """A service page is a document of the 政务服务 channel: an article's guideline metas."""
    day = site.as_of - dt.timedelta(days=30 + (site.art_base + i * 37) % 600)
    return meta.article_metas(site, "政务服务", name, day.isoformat(), f"{site.base}/fw/fw_{i}.html")


def service(site: Site, i: int) -> str:
    if i in guide_indices(site.n_services):
        return guide(site, i)
    name = _service_name(site, i)
    rng = random.Random(f"{site.seed}:{site.platform.id}:fw:{i}")
    out = [_head(site, f"{name} - {site.name}", home=False, metas=_metas(site, i, name)), _header(site, home=False),
           _nav(site)]
    out.append('<div class="wrap">\n')
    out.append(_crumb(site, ("/zwfw/index.html", "政务服务"), (None, name)))
    out.append(f'<div class="main"><h1>{name}</h1>\n<p>办理对象：公民、法人和其他组织</p>\n'
               "<p>办理地点：政务服务中心综合窗口</p>\n")
    out.extend(f"<p>　　{p}</p>\n" for p in paragraphs(rng, site.place, name, 2))
    out.append("</div>\n</div>\n")
    out.append(_footer(site))
    return "".join(out)


_GUIDE_TEXT = {
    "设定依据": "《中华人民共和国行政许可法》及相关法律法规、规章规定。",
    "受理条件": "申请人为依法设立的法人或其他组织，或具有完全民事行为能力的公民，材料齐全、符合法定形式。",
    "申请材料": "1. 申请表（原件1份）；2. 申请人身份证明（复印件1份）；3. 其他相关证明材料。",
    "办理流程": "申请 → 受理 → 审查 → 决定 → 送达。",
    "办理时限": "法定时限20个工作日，承诺时限5个工作日。",
    "收费标准": "不收费。",
    "办理地点": "政务服务中心一楼综合受理窗口。",
    "咨询电话": "0571-12345（工作日 9:00-17:00）。",
}


def guide(site: Site, i: int) -> str:
    """A 办事指南 page: the eight key elements (some missing where the spec says) and a form download."""
    name = _service_name(site, i)
    missing = site.inspection.guide_missing.get(i, ())
    out = [_head(site, f"{name} - {site.name}", home=False, metas=_metas(site, i, name)), _header(site, home=False),
           _nav(site)]
    out.append('<div class="wrap">\n')
    out.append(_crumb(site, ("/zwfw/index.html", "政务服务"), (None, name)))
    out.append(f'<div class="main guide"><h1>{name}</h1>\n')
    for element in GUIDE_ELEMENTS:
        if element not in missing:
            out.append(f"<h3>{element}</h3><p>{_GUIDE_TEXT[element]}</p>\n")
    out.append(f'<p class="files">表格下载：<a href="{attachment_path(i)}">申请表.doc</a></p>\n')
    out.append("</div>\n</div>\n")
    out.append(_footer(site))
    return "".join(out)


def _cn_day(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def letters(site: Site) -> str:
    """信件公开: the published letters, newest first, with their state."""
    metas = meta.column_metas(site, "信件公开", ctype="互动交流")
    out = [_head(site, f"信件公开 - {site.name}", home=False, metas=metas), _header(site, home=False), _nav(site)]
    out.append('<div class="wrap">\n')
    out.append(_crumb(site, ("/hdjl/index.html", "互动交流"), (None, "信件公开")))
    out.append('<div class="main"><h1>信件公开</h1>\n<table class="letters">\n'
               "<tr><th>信件标题</th><th>来信时间</th><th>办理状态</th></tr>\n")
    for letter in site.inspection.letters:
        state = "已回复" if letter.replied else "办理中"
        out.append(f'<tr><td><a href="{letter.path}">{escape(letter.title)}</a></td>'
                   f"<td>{_cn_day(letter.asked)}</td><td>{state}</td></tr>\n")
    out.append("</table>\n")
    out.append('<p><a href="/hdjl/write.html">我要写信</a></p>\n</div>\n</div>\n')
    out.append(_footer(site))
    return "".join(out)


def letter(site: Site, item: Letter) -> str:
    rng = random.Random(f"{site.seed}:{site.platform.id}:letter:{item.n}")
    metas = meta.article_metas(site, "信件公开", item.title, _cn_day(item.asked), f"{site.base}{item.path}")
    out = [_head(site, f"{item.title} - {site.name}", home=False, metas=metas), _header(site, home=False), _nav(site)]
    out.append('<div class="wrap">\n')
    out.append(_crumb(site, ("/hdjl/letters/index.html", "信件公开"), (None, "信件详情")))
    out.append(f'<div class="main letter"><h1>{escape(item.title)}</h1>\n'
               f'<p class="ask-date">来信时间：{_cn_day(item.asked)}</p>\n'
               f"<div class=\"ask\"><p>来信内容：您好！{escape(item.title[2:-5])}问题已经持续很长时间，"
               "给周边群众生活带来不便，希望有关部门尽快研究解决。</p></div>\n")
    if item.replied:
        unit = rng.choice(("办公室", "住房和城乡建设局", "城市管理局", "民政局", "人力资源和社会保障局"))
        out.append(f'<p class="reply-unit">回复单位：{escape(site.place)}{unit}</p>\n'
                   f'<p class="reply-date">回复时间：{_cn_day(item.replied)}</p>\n'
                   "<div class=\"reply\"><p>回复内容：您好！您反映的问题已收悉，经调查核实，"
                   "我单位已会同有关部门制定整改方案，并将于近期落实。感谢您对我们工作的关心和支持。</p></div>\n")
    else:
        out.append('<p class="reply-state">办理状态：办理中</p>\n')
    out.append("</div>\n</div>\n")
    out.append(_footer(site))
    return "".join(out)


def write_letter(site: Site) -> str:
    out = [_head(site, f"我要写信 - {site.name}", home=False, metas=meta.column_metas(site, "我要写信", ctype="互动交流")),
           _header(site, home=False), _nav(site)]
    out.append('<div class="wrap">\n')
    out.append(_crumb(site, ("/hdjl/index.html", "互动交流"), (None, "我要写信")))
    out.append('<div class="main"><h1>我要写信</h1>\n<form action="/hdjl/submit" method="post" class="letter-form">'
               '<p>姓名：<input type="text" name="name"></p><p>联系电话：<input type="text" name="phone"></p>'
               '<p>标题：<input type="text" name="title"></p><p>内容：<textarea name="content"></textarea></p>'
               '<p><button type="submit">提交</button></p></form>\n</div>\n</div>\n')
    out.append(_footer(site))
    return "".join(out)
