"""The column list the TRS-like and table-layout families share (the frame around it is
``render.framed_column_page``): a table of (title, date) rows that differ in the cells' attributes,
the date's format and the pager.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape

from govlens.sandbox.site import Item


def list_table(items: list[Item], *, cell: str, date: Callable[[dt.date], str], pager: str) -> str:
    """A column's list as a table of rows (``cell``: the title cell's opening, e.g. ``<td height="26">·``),
    then the pager (``{n}`` is the number of items); an empty column says 暂无信息."""
    if not items:
        return '<table class="list" width="100%"><tr><td>暂无信息</td></tr></table>\n'
    rows = "".join(f'<tr>{cell}<a href="{it.path}" target="_blank">{escape(it.title)}</a></td>'
                   f'<td class="date" align="right">{date(it.date)}</td></tr>\n' for it in items)
    return ('<table class="list" width="100%" border="0" cellpadding="0" cellspacing="0">\n'
            f"{rows}</table>\n{pager.format(n=len(items))}")
