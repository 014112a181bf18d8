"""What the families' column pages share: the chrome above the list, and the table-layout list.

TRS-like and JCMS-like column pages open the same way (head with the column's metas, header,
navigation, breadcrumb, the injected page defects, the side menu) and differ in the title's
separator and the heading's wrapper; the TRS-like and table-layout families write the list as a
table of (title, date) rows and differ in the cells' attributes, the date's format and the pager.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape

from govlens.sandbox import render
from govlens.sandbox.families import meta
from govlens.sandbox.site import Column, Item, Site


def column_top(site: Site, col: Column, title: str, heading: str) -> list[str]:
    """The page down to the list: ``title`` is the ``<title>``, ``heading`` the HTML that opens the main part."""
    metas = meta.column_metas(site, col.name, drop=meta.dropped(site, col, article=False))
    return [render._head(site, title, home=False, metas=metas), render._header(site, home=False),
            render._nav(site), '<div class="wrap">\n',
            render._crumb(site, ("/zwgk/index.html", "政务公开"), (None, col.name)),
            render._noalt_image(site, col.code), render._low_contrast(site, col.code), render._side(site, col.code),
            f'<div class="main">{heading}\n']


def list_table(items: list[Item], *, cell: str, date: Callable[[dt.date], str], pager: str) -> str:
    """A column's list as a table of rows (``cell``: the title cell's opening, e.g. ``<td height="26">·``),
    then the pager (``{n}`` is the number of items); an empty column says 暂无信息."""
    if not items:
        return '<table class="list" width="100%"><tr><td>暂无信息</td></tr></table>\n'
    rows = "".join(f'<tr>{cell}<a href="{it.path}" target="_blank">{escape(it.title)}</a></td>'
                   f'<td class="date" align="right">{date(it.date)}</td></tr>\n' for it in items)
    return ('<table class="list" width="100%" border="0" cellpadding="0" cellspacing="0">\n'
            f"{rows}</table>\n{pager.format(n=len(items))}")
