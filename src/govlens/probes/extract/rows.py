"""A list's rows and their dates (the items of ``lists`` and ``items``), and lists built without ``ul``.

Why a module of its own: real CMSs build lists from ``li``, table rows, ``<tbody>`` groups,
``dd``, links side by side in a ``div`` or ``<marquee>``, or ``div``/``p`` rows — and hide
dates with CSS (a ``nodate`` class on the list, a ``display:none`` span). A row is a link and
the nodes around it; its date is the first full date of the row, else a year-less one
(``[12-08]``), whose year ``year_evidence`` settles later (the item carries ``_md`` till then).
Text in comments and ``<script>`` is not in the parsed tree, so it never counts.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any, Protocol

from selectolax.lexbor import LexborNode

from govlens.probes.extract.dates import find_date, iso
from govlens.probes.extract.text import MAX_TEXT, clean

MAX_LIST_ITEMS = 50              # items kept per list
_ROW_OWNERS = frozenset({"li", "td", "th", "tr", "dd", "dt", "ul", "ol", "table", "tbody", "dl", "body", "html"})
_NO_DATE = re.compile(r"(?:^|[\s_-])(?:no-?date|hide-?date|nodates|notime|no-?time)(?:$|[\s_-])", re.I)
_WITH_YEAR = re.compile(r"(?:19|20)\d{2}|[〇○零OＯ一二三四五六七八九]{4}\s*年")
_LIST_CLASS = re.compile(r"list", re.I)
_HIDDEN_CSS = '[style*="display:none"], [style*="display: none"], [hidden]'


class Urls(Protocol):
    """What the list helpers need from ``html_extract``'s per-page URL resolver."""

    def absolute(self, href: str | None) -> str | None: ...


def _rows(container: LexborNode) -> list[tuple[LexborNode | None, list[LexborNode]]]:
    """(link, nodes making the row) of each row: ``li``/``tr``/``dd``, or a link with what follows it.

    Only a table entry spread over a ``<tbody>`` may have no link (a script opens it)."""
    tag = container.tag
    if tag == "table":
        groups = [c for c in container.iter() if c.tag == "tbody"]
        if len(groups) >= 2:                     # one entry per <tbody> (title row + date row)
            return [(g.css_first("a[href]"), [g]) for g in groups]
        return [(a, [r]) for r in container.css("tr") if (a := r.css_first("a[href]")) is not None]
    children = [c for c in container.iter(include_text=True) if c.tag != "-comment"]
    if tag in ("ul", "ol"):
        return [(a, [c]) for c in children if c.tag == "li" and (a := c.css_first("a[href]")) is not None]
    if tag == "dl":
        return [(a, [c]) for c in children if c.tag in ("dd", "dt") and (a := c.css_first("a[href]")) is not None]
    direct = any(c.tag == "a" for c in children)
    rows: list[tuple[LexborNode, list[LexborNode]]] = []
    for c in children:
        if c.tag in ("br", "script", "style"):
            continue
        # links directly in a div, <marquee>, <p>: a row each; else the child elements holding a link
        a = (c if c.tag == "a" and c.attributes.get("href") else None) if direct else \
            (c.css_first("a[href]") if c.tag != "-text" else None)
        if a is not None and not (rows and rows[-1][0].attributes.get("href") == a.attributes.get("href")):
            rows.append((a, [c]))
        elif rows:                               # the date or summary after a row, a [详细] link to the same page
            rows[-1][1].append(c)
    return rows


def _hides_dates(container: LexborNode) -> bool:
    """A list whose dates the page hides (``class="… nodate"``, a ``hide-date`` wrapper)."""
    cur: LexborNode | None = container
    for _ in range(3):
        if cur is None:
            return False
        if _NO_DATE.search(cur.attributes.get("class") or ""):
            return True
        cur = cur.parent
    return False


def _row_text(nodes: list[LexborNode], hidden_inside: bool) -> str:
    parts = []
    for n in nodes:
        text = n.text(deep=True, separator=" ") or ""
        if hidden_inside and n.tag != "-text":
            for hidden in n.css(_HIDDEN_CSS):     # a date span the page does not show
                inner = hidden.text(deep=True, separator=" ")
                if inner:
                    text = text.replace(inner, " ", 1)
        parts.append(text)
    return " ".join(parts)


def read_items(container: LexborNode, urls: Urls, reference: date | None) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    no_dates = _hides_dates(container)
    hidden_inside = not no_dates and container.css_first(_HIDDEN_CSS) is not None   # one query per list
    for a, nodes in _rows(container):
        if a is None:
            url, raw_link_text = None, ""
            span = nodes[0].css_first("[title]")
            title = clean(span.attributes.get("title") if span is not None else "", 200) or \
                clean(nodes[0].css_first("td, th").text(deep=True) if nodes[0].css_first("td, th") else "", 200)
            if len(title) < 4:
                continue
        else:
            url = urls.absolute(a.attributes.get("href"))
            if not url:
                continue
            raw_link_text = a.text(deep=True) or ""
            link_text = clean(raw_link_text, 200)
            title = link_text
            if not link_text or link_text.endswith(("…", "...", "..")):
                title = clean(a.attributes.get("title"), 200) or link_text
        item: dict[str, Any] = {"title": title[:MAX_TEXT], "url": url, "date": None, "date_text": None}
        if not no_dates:
            full = _row_text(nodes, hidden_inside)
            rest = full.replace(raw_link_text, " ", 1) if raw_link_text else full
            found = find_date(rest, reference)     # a full date wins over a year-less one in the same text
            if (found is None or not _WITH_YEAR.search(found[1])) and raw_link_text:
                found = find_date(raw_link_text, None, year_less=False) or found
            if found and title.endswith(found[1]) and len(title) > len(found[1]):   # a date span inside the link
                item["title"] = clean(title[: -len(found[1])], MAX_TEXT)
            if found:
                item["date"], item["date_text"] = iso(found[0]), found[1][:40]
                if not _WITH_YEAR.search(found[1]):
                    item["_md"] = (found[0].month, found[0].day)     # the year is settled by year_evidence
        items.append(item)
        if len(items) >= MAX_LIST_ITEMS:
            break
    return items


def row_containers(anchors: list[LexborNode], limit: int = 300) -> list[LexborNode]:
    """Lists built without ``ul``/``table``: links side by side in a ``div``/``marquee``/``p``,
    or ``div``/``p`` rows each holding a link. Rows inside ``li``/``td``/``dd`` belong to
    those containers."""
    direct: dict[int, list[Any]] = {}             # links side by side in one element
    rows: dict[int, list[Any]] = {}               # elements each holding a link, side by side
    for a in anchors:
        p = a.parent
        if p is None or p.tag in _ROW_OWNERS:
            continue
        entry = direct.setdefault(p.mem_id, [p, 0, set()])
        entry[1] += 1
        g = p.parent
        if p.tag in ("div", "p", "span", "em") and g is not None and g.tag not in _ROW_OWNERS:
            entry = rows.setdefault(g.mem_id, [g, 0, set()])
            entry[1] += 1
            entry[2].add(p.mem_id)
    # two links side by side, or one in an element named as a list (the last panel of a tab block)
    keep = {k: v for k, v in direct.items() if v[1] >= 2 or _LIST_CLASS.search(v[0].attributes.get("class") or "")}
    for k, (g, n, parts) in rows.items():
        # rows, not one block of links: at least two row elements, none of them a list of its own
        if k not in keep and len(parts) >= 2 and not parts & keep.keys():
            keep[k] = [g, n, parts]
    out = [v[0] for v in keep.values() if v[0].tag not in ("body", "html", "form", "a")]
    return out[:limit]
