"""Homepage column blocks (``lists``) and a column page's list (``items``, ``column_title``).

Works on the list containers (``ul``/``ol``/``table``) that ``html_extract``'s single walk
collected, with small local queries only. Heuristics, and why:

- *lists* (homepage column blocks): Chinese government homepages are grids of blocks,
  each a heading (``<h3>`` or ``<div class="tit">``), a "更多" link and a ``ul``/``table``
  of dated items. A list container counts as a block when a heading sits before it (or
  around it) and it has a "更多" link or at least one dated item; a menu has neither.
- *items* (column pages): the container with most dated items is the column's list; a
  page without one has an empty list (``[]``), which is what the empty-column rule needs.
  Containers inside the page chrome (header, navigation, footer) are menus, not lists.
- *column_title*: the list's heading, else the breadcrumb's last part, else the ``<h1>``,
  else the head of ``<title>``.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any, Protocol

from selectolax.lexbor import LexborNode

from govlens.probes.dates import find_date, iso
from govlens.probes.extract_text import MAX_TEXT, clean

MAX_LIST_ITEMS = 50              # items kept per list

_BLOCK_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4"})
_CONTAINER_TAGS = frozenset({"ul", "ol", "table"})
_MORE = re.compile(r"更多|more|>>|»|＞＞|查看全部|全部", re.I)
_HEADING_CLASS = re.compile(r"title|tit|hd", re.I)
CRUMB_SELECTOR = ", ".join(f"[{a}*={w}]" for w in ("crumb", "position", "location", "dqwz", "weizhi", "bread")
                            for a in ("class", "id"))
_CRUMB_SPLIT = re.compile(r"\s*(?:>|»|＞|›|→|/|\\|-{1,2}>)\s*")
_TITLE_SPLIT = re.compile(r"\s*(?:_|\||-{1,2}|—|｜)\s*")


class Urls(Protocol):
    """What the list helpers need from ``html_extract``'s per-page URL resolver."""

    def absolute(self, href: str | None) -> str | None: ...


def _element_siblings_before(node: LexborNode, limit: int = 4) -> list[LexborNode]:
    out = []
    sib = node.prev
    while sib is not None and len(out) < limit:
        if sib.tag not in ("-text", "-comment"):
            out.append(sib)
        sib = sib.prev
    return out


def _is_heading(node: LexborNode) -> bool:
    if node.tag in _BLOCK_HEADING_TAGS:
        return True
    cls = node.attributes.get("class")
    return bool(cls and _HEADING_CLASS.search(cls))


def _heading_text(node: LexborNode) -> str:
    inner = node if node.tag in _BLOCK_HEADING_TAGS else node.css_first("h1, h2, h3, h4")
    text = (inner or node).text(deep=True, separator=" ")
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


def _find_heading(container: LexborNode) -> tuple[LexborNode | None, LexborNode | None]:
    """The heading node before (or around) ``container`` and the block holding both."""
    node = container
    for _ in range(3):
        for sib in _element_siblings_before(node):
            if sib.tag in _CONTAINER_TAGS:
                return None, None           # another list sits between: its heading, not ours
            if _is_heading(sib):
                return sib, node.parent
            inner = sib.css_first("h1, h2, h3, h4, [class*=title], [class*=tit], [class*=hd]") \
                if sib.tag in ("div", "span", "p", "dt", "header", "td", "tr") else None
            if inner is not None and sib.css_first("ul, ol, table") is None:
                return sib, node.parent
            if sib.css_first("ul, ol, table") is not None:
                return None, None
        parent = node.parent
        if parent is None or parent.tag in ("body", "html", "-document"):
            break
        node = parent
    return None, None


def _items(container: LexborNode, urls: Urls, reference: date | None) -> list[dict[str, Any]]:
    rows = container.css("tr") if container.tag == "table" else [
        c for c in container.iter() if c.tag == "li"]
    items: list[dict[str, Any]] = []
    for row in rows:
        a = row.css_first("a[href]")
        if a is None:
            continue
        url = urls.absolute(a.attributes.get("href"))
        if not url:
            continue
        raw_link_text = a.text(deep=True) or ""
        link_text = clean(raw_link_text, 200)
        title = link_text
        if not link_text or link_text.endswith(("…", "...", "..")):
            title = clean(a.attributes.get("title"), 200) or link_text
        full = row.text(deep=True, separator=" ")
        rest = full.replace(raw_link_text, " ", 1) if raw_link_text else full
        found = find_date(rest, reference) or (find_date(raw_link_text, reference) if raw_link_text else None)
        items.append({"title": title[:MAX_TEXT], "url": url,
                      "date": iso(found[0]) if found else None, "date_text": found[1][:40] if found else None})
        if len(items) >= MAX_LIST_ITEMS:
            break
    return items


def _leaf_containers(containers: list[LexborNode]) -> list[LexborNode]:
    """Containers without another container inside (menus nest; layout tables wrap)."""
    return [c for c in containers if len(c.css("ul, ol, table")) == 1]   # css() includes the node


def column_blocks(containers: list[LexborNode], urls: Urls, reference: date | None) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    for container in _leaf_containers(containers):
        heading, block = _find_heading(container)
        if heading is None:
            continue
        items = _items(container, urls, reference)
        more = _more_link(heading, urls)
        if more is None and block is not None:
            more = _more_link_outside(block, container, urls)
        if more is None and not any(i["date"] for i in items):
            continue
        title = _heading_text(heading)
        if not title:
            continue
        blocks.append({"title": title, "more_url": more, "items": items})
        if len(blocks) >= 60:
            break
    return blocks


def _more_link_outside(block: LexborNode, container: LexborNode, urls: Urls) -> str | None:
    """A "更多" link elsewhere in the block (e.g. a ``div.more`` after the list)."""
    for child in block.iter():
        if child.tag in ("-text", "-comment") or child.mem_id == container.mem_id:
            continue
        if child.tag in _CONTAINER_TAGS or child.css_first("ul, ol, table") is not None:
            continue
        url = _more_link(child, urls)
        if url:
            return url
    return None


def main_list(containers: list[LexborNode], urls: Urls,
               reference: date | None) -> tuple[list[dict[str, Any]], str | None]:
    best: tuple[int, int] = (0, 0)
    best_items: list[dict[str, Any]] = []
    best_node: LexborNode | None = None
    for container in _leaf_containers(containers):
        if _in_chrome(container):
            continue
        items = _items(container, urls, reference)
        dated = sum(1 for i in items if i["date"])
        if dated == 0:
            # an undated list counts only when it looks like content: several longish titles
            long_titles = sum(1 for i in items if len(i["title"]) >= 8)
            if long_titles < 3 or long_titles < len(items) / 2:
                continue
        key = (dated, len(items))
        if key > best:
            best, best_items, best_node = key, items, container
    heading = None
    if best_node is not None:
        node, _ = _find_heading(best_node)
        if node is not None:
            heading = _heading_text(node) or None
    return best_items, heading


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
        if any(w in marker for w in ("nav", "menu", "footer", "header", "foot", "friend", "link")):
            return True
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
