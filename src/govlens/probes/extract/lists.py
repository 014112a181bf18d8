"""Homepage column blocks (``lists``) and a column page's list (``items``, ``column_title``).

Works on the list containers (``ul``/``ol``/``table``/``dl``) that ``html_extract``'s single
walk collected, plus the link-row containers ``extract_rows`` finds, with small local queries
only (a list's rows and their dates are ``extract_rows``'s job). Heuristics, and why:

- *lists* (homepage column blocks): Chinese government homepages are grids of blocks,
  each a heading (``<h3>`` or ``<div class="tit">``), a "更多" link and a ``ul``/``table``
  of dated items. A list counts as a block when it has dated items, or a heading (before it,
  up to six levels up, or around it) and a "更多" link; a menu has neither. In a tab block
  (tab titles, then same-looking panels) each panel takes its own tab's title and link.
- *items* (column pages): the container with most dated items is the column's list; a
  page without one has an empty list (``[]``), which is what the empty-column rule needs.
  Containers inside the page chrome (header, navigation, footer) are menus, not lists.
- *column_title*: the list's heading, else the breadcrumb's last part, else the ``<h1>``,
  else the head of ``<title>``.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from selectolax.lexbor import LexborNode

from govlens.probes.extract.dates import find_date
from govlens.probes.extract.rows import Urls, read_items as _items
from govlens.probes.extract.text import MAX_TEXT, clean

_BLOCK_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4"})
_CONTAINER_TAGS = frozenset({"ul", "ol", "table", "dl"})
_CONTAINER_CSS = "ul, ol, table, dl"
# a column's own address, not an article's: ends with "/" or index/list pages
_COLUMN_URL = re.compile(r"(?:/|/index(?:_\d+)?\.s?html?|/list(?:_\d+)?\.s?html?|/col/col\d+/[^/]*)$", re.I)
_SET_TAB_PANEL = re.compile(r"^(?:con_?([A-Za-z]+)_?|([A-Za-z]+)_?con_?)(\d{1,2})$")
_MORE = re.compile(r"更多|more|>>|»|＞＞|查看全部|全部", re.I)
_HEADING_CLASS = re.compile(r"title|tit|hd|(?:^|[\s_-])tabs?(?:$|[\s_-])", re.I)
CRUMB_SELECTOR = ", ".join(f"[{a}*={w}]" for w in ("crumb", "position", "location", "dqwz", "weizhi", "bread")
                            for a in ("class", "id"))
_CRUMB_SPLIT = re.compile(r"\s*(?:>|»|＞|›|→|/|\\|-{1,2}>)\s*")
_TITLE_SPLIT = re.compile(r"\s*(?:_|\||-{1,2}|—|｜)\s*")


def _element_siblings_before(node: LexborNode, limit: int = 6) -> list[LexborNode]:
    out = []
    sib = node.prev
    while sib is not None and len(out) < limit:
        if sib.tag not in ("-text", "-comment"):
            out.append(sib)
        sib = sib.prev
    return out


def _signature(node: LexborNode) -> tuple[str, str]:
    return node.tag or "", (node.attributes.get("class") or "").split(" ")[0]


def _is_heading(node: LexborNode) -> bool:
    if node.tag in _BLOCK_HEADING_TAGS:
        return True
    cls = node.attributes.get("class")
    return bool(cls and _HEADING_CLASS.search(cls))


def _tab_entries(node: LexborNode) -> list[LexborNode]:
    """The entries of a tab header (``<h3><a>A</a><a>B</a></h3>``, ``<ul class=tab><li>…``), or []."""
    entries = node.css("li") or node.css("a")
    if len(entries) < 2 or len(entries) > 12:
        return []
    for e in entries:
        text = clean(e.text(deep=True))
        if not text or len(text) > 24 or find_date(text, None, year_less=False):
            return []
    return entries


def _heading_text(node: LexborNode, container: LexborNode | None = None) -> str:
    inner = node if node.tag in _BLOCK_HEADING_TAGS else node.css_first("h1, h2, h3, h4")
    text = (inner or node).text(deep=True, separator=" ")
    if container is not None and node.css_first(container.tag or "ul") is not None:
        own = container.text(deep=True, separator=" ")      # a heading that holds its own list
        if own and own in text:
            text = text.replace(own, " ", 1)
    text = _MORE.sub(" ", text)
    return clean(text.strip(" >›»+"), MAX_TEXT)


def _more_link(node: LexborNode, urls: Urls) -> str | None:
    candidates = [node] if node.tag == "a" else node.css("a[href]")
    for a in candidates:
        text = a.text(deep=True) or ""
        cls = a.attributes.get("class") or ""
        title = a.attributes.get("title") or ""
        if _MORE.search(text) or "more" in cls.lower() or _MORE.search(title) or (
                not text.strip() and a.css_first("img") is not None and "more" in (a.html or "").lower()):
            url = urls.absolute(a.attributes.get("href"))
            if url:
                return url
    return None


class _Heading:
    """A list's heading: the node, the block holding both, and the tab entry when tabbed."""

    __slots__ = ("node", "block", "tab", "link")

    def __init__(self, node: LexborNode, block: LexborNode | None, tab: LexborNode | None = None,
                 link: LexborNode | None = None) -> None:
        self.node, self.block, self.tab, self.link = node, block, tab, link if link is not None else tab


def _find_heading(container: LexborNode, levels: int = 6) -> _Heading | None:
    """The heading before (or around) ``container``; tab panels take their tab's title."""
    node = container
    panel: tuple[int, int] | None = None         # (index, count) among same-looking sibling panels
    for level in range(levels):
        if level and node.tag in _BLOCK_HEADING_TAGS:
            return _Heading(node, node)          # a heading element that holds its own list
        tab = _set_tab(node)
        if tab is not None:
            return tab
        sig = _signature(node)
        before = _element_siblings_before(node)
        panels = sig != ("div", "")
        if panel is None and panels:
            earlier = sum(1 for sib in before if _signature(sib) == sig)
            later = _same_after(node, sig)
            if earlier or later:                 # one of several same-looking panels: a tab block
                panel = (earlier, earlier + 1 + later)
        for sib in before:
            if panels and _signature(sib) == sig:
                continue                         # an earlier panel of the same tab block
            holds_list = (sib.tag in _CONTAINER_TAGS or sib.css_first(_CONTAINER_CSS) is not None) \
                and sib.css_first("li, tr, dd, a[href]") is not None      # an empty <ul> is no list
            if holds_list or _is_heading(sib):
                entries = _tab_entries(sib)
                if entries and panel is not None:
                    # one tab per panel; when they do not pair up, which tab is whose is unknown
                    return _Heading(sib, node.parent, entries[panel[0]]) if panel[1] == len(entries) else None
                if _is_heading(sib):
                    return _Heading(sib, node.parent, entries[0] if entries and holds_list else None)
                return None                      # another list sits between: its heading, not ours
            inner = sib.css_first("h1, h2, h3, h4, [class*=title], [class*=tit], [class*=hd]") \
                if sib.tag in ("div", "span", "p", "dt", "header", "td", "tr") else None
            if inner is not None:
                return _Heading(sib, node.parent)
        parent = node.parent
        if parent is None or parent.tag in ("body", "html", "-document"):
            break
        node = parent
    return None


def _set_tab(panel: LexborNode) -> _Heading | None:
    """The tab of a panel of the classic ``setTab`` script: panel ``con_one_2`` (or ``one_con2``) is
    shown by the tab ``one2``, its "更多" is ``more_one_2``; found in the block around the panel."""
    m = _SET_TAB_PANEL.match(panel.attributes.get("id") or "")
    block = panel.parent
    if m is None or block is None:
        return None
    name, k = m.group(1) or m.group(2), m.group(3)
    for scope in (block, block.parent):
        if scope is None:
            break
        tab = scope.css_first(f'[id="{name}{k}"]')
        if tab is not None and (text := clean(tab.text(deep=True))) and len(text) <= 24:
            more = scope.css_first(f'[id="more_{name}_{k}"] a[href], [id="more_{name}{k}"] a[href]')
            return _Heading(tab, scope, tab, more)
    return None


def _same_after(node: LexborNode, sig: tuple[str, str]) -> int:
    n, sib = 0, node.next
    while sib is not None and n < 20:
        if sib.tag not in ("-text", "-comment") and _signature(sib) == sig:
            n += 1
        sib = sib.next
    return n


def _leaf_containers(containers: list[LexborNode]) -> list[LexborNode]:
    """Containers without another container inside (menus nest; layout tables wrap)."""
    out = []
    for c in containers:
        inner = len(c.css(_CONTAINER_CSS))      # css() includes the node itself for ul/ol/table/dl
        if inner == (1 if c.tag in _CONTAINER_TAGS else 0):
            out.append(c)
    return out


def column_blocks(containers: list[LexborNode], urls: Urls, reference: date | None, *,
                  strict: bool = False) -> list[dict[str, Any]]:
    """The page's column blocks: a list with dated items, or a heading and a "更多" link.

    ``strict`` (side lists of an article) also asks a dated list for its heading.
    """
    blocks: list[dict[str, Any]] = []
    taken: set[int] = set()
    for container in _leaf_containers(containers):
        if container.mem_id in taken:
            continue
        heading = _find_heading(container) if strict else None
        if strict and heading is None:
            continue
        items = _items(container, urls, reference)
        if not items:
            continue
        dated = any(i["date"] for i in items)
        if not strict:
            heading = _find_heading(container)
        if heading is None and not dated:
            continue
        more = None
        if heading is not None:
            more = _more_link(heading.node, urls) if heading.tab is None else None
            if more is None and heading.block is not None:
                more = _more_link_outside(heading.block, container, urls)
            if more is None and heading.link is not None:
                a = heading.link if heading.link.tag == "a" else heading.link.css_first("a[href]")
                more = urls.absolute(a.attributes.get("href")) if a is not None else None
        if more is None and not dated:
            continue
        title = None
        if heading is not None:
            title = clean(heading.tab.text(deep=True)) if heading.tab is not None else \
                _heading_text(heading.node, container)
        if not title and not dated:
            continue
        taken.update(n.mem_id for n in container.css(_CONTAINER_CSS))
        blocks.append({"title": title or None, "more_url": more, "items": items})
        if len(blocks) >= 60:
            break
    return blocks


def _more_link_outside(block: LexborNode, container: LexborNode, urls: Urls) -> str | None:
    """A "更多" link elsewhere in the block (e.g. a ``div.more`` after the list)."""
    for child in block.iter():
        if child.tag in ("-text", "-comment") or child.mem_id == container.mem_id:
            continue
        if child.tag in _CONTAINER_TAGS or child.css_first(_CONTAINER_CSS) is not None:
            continue
        url = _more_link(child, urls)
        if url:
            return url
    return None


def main_list(containers: list[LexborNode], urls: Urls,
              reference: date | None) -> tuple[list[dict[str, Any]], str | None, bool]:
    """The column's list, its heading, and whether the page is a directory of columns.

    A directory (links to sub-columns, no dates) is not a dated list gone stale.
    """
    best: tuple[int, int] = (0, 0)
    best_items: list[dict[str, Any]] = []
    best_node: LexborNode | None = None
    directory = False
    for container in _leaf_containers(containers):
        if _in_chrome(container):
            continue
        items = [i for i in _items(container, urls, reference) if i["url"]]   # articles to follow
        dated = sum(1 for i in items if i["date"])
        if dated == 0:
            if container.tag not in _CONTAINER_TAGS:
                continue                         # a grid of links side by side (services, a site map): a hub
            if len(items) >= 3 and sum(1 for i in items if _COLUMN_URL.search(i["url"])) >= len(items) * 0.6:
                directory = True                 # links to columns, not to articles
                continue
            # an undated list counts only when it looks like content: several longish titles
            long_titles = sum(1 for i in items if len(i["title"]) >= 8)
            if long_titles < 3 or long_titles < len(items) / 2:
                continue
        key = (dated, len(items))
        if key > best:
            best, best_items, best_node = key, items, container
    heading = None
    if best_node is not None:
        found = _find_heading(best_node)
        if found is not None:
            heading = (clean(found.tab.text(deep=True)) if found.tab is not None
                       else _heading_text(found.node, best_node)) or None
    return best_items, heading, directory and best_node is None


def _in_chrome(node: LexborNode) -> bool:
    """Inside the header, navigation or footer of a page (menus are not column lists)."""
    depth = 0
    cur: LexborNode | None = node
    while cur is not None and depth < 12:
        tag = cur.tag
        if tag in ("nav", "header", "footer"):
            return True
        if tag in ("body", "html", "-document"):
            return False
        marker = f"{cur.attributes.get('class') or ''} {cur.attributes.get('id') or ''}".lower()
        if any(w in marker for w in ("nav", "menu", "footer", "header", "foot", "friend", "link", "dhlm",
                                     "sitemap", "site-map", "wzdt", "copyright")) or "bottom" in marker.split():
            return True                  # (a site map at the foot: 导航栏目 dhlm, 网站地图 wzdt)
        cur = cur.parent
        depth += 1
    return False


def crumb_title(crumb: LexborNode | None) -> str | None:
    if crumb is None:
        return None
    text = clean(crumb.text(deep=True, separator=" "), 300)
    parts = [p for p in _CRUMB_SPLIT.split(text) if p.strip()]
    if not parts:
        return None
    last = parts[-1].strip()
    if last.startswith(("当前位置", "您的位置", "您现在的位置", "所在位置")):
        return None
    return clean(last) or None


def title_head(title: str | None) -> str | None:
    if not title:
        return None
    return clean(_TITLE_SPLIT.split(title)[0]) or None
