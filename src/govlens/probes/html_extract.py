"""Everything the ``page`` observation says about an HTML page, from one parse.

The indicators never see HTML: they read what this module extracts (see
``docs/observations.md``, kind ``page``). Extraction runs on every page of a national
scan, so it is built for speed: one lexbor parse, one pass over the element tree that
collects what every field needs (title, metas, headings, images, links, forms, inline
colours, list containers), then small local queries on the few nodes that matter
(list containers, forms, styled elements). No full-tree CSS query per field.

Heuristics, and why:

- *lists* (homepage column blocks): Chinese government homepages are grids of blocks,
  each a heading (``<h3>`` or ``<div class="tit">``), a "更多" link and a ``ul``/``table``
  of dated items. A list container counts as a block when a heading sits before it (or
  around it) and it has a "更多" link or at least one dated item; a menu has neither.
- *items* (column pages): the container with most dated items is the column's list; a
  page without one has an empty list (``[]``), which is what the empty-column rule needs.
- *published* (articles): a labelled date (发布时间：…) first, then metadata, then
  ``<time>``, then the URL, then the first full date in the text.
- *styled_text*: inline ``color`` only (no CSS cascade): what a contrast check can judge
  without a browser. Background is the nearest inline background on the element or an
  ancestor, else null (the indicator assumes white).

:func:`extract_page` never raises; a page that cannot be parsed yields empty fields.
"""
from __future__ import annotations

import re
from datetime import date
from collections.abc import Collection
from typing import Any
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from govlens.probes.dates import date_from_url, find_date, iso, parse_iso_datetime

HOME, COLUMN, ARTICLE = "home", "column", "article"

MAX_TEXT = 80                    # characters kept from one piece of page text
MAX_STYLED = 50                  # styled_text entries per page
MAX_IMAGES_LISTED = 100          # image URLs listed in images.without_alt
MAX_LIST_ITEMS = 50              # items kept per list
MAX_FORMS = 10

_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCK_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4"})
_CONTAINER_TAGS = frozenset({"ul", "ol", "table"})
_MORE = re.compile(r"更多|more|>>|»|＞＞|查看全部|全部", re.I)
_SEARCH = re.compile(r"search|搜索|检索|查询|sousuo|jiansuo|query", re.I)
_HEADING_CLASS = re.compile(r"title|tit|hd", re.I)
_CRUMB_SELECTOR = ", ".join(f"[{a}*={w}]" for w in ("crumb", "position", "location", "dqwz", "weizhi", "bread")
                            for a in ("class", "id"))
_CRUMB_SPLIT = re.compile(r"\s*(?:>|»|＞|›|→|/|\\|-{1,2}>)\s*")
_TITLE_SPLIT = re.compile(r"\s*(?:_|\||-{1,2}|—|｜)\s*")
_PUBLISHED_LABEL = re.compile(r"(?:发布时间|发布日期|发文日期|成文日期|更新时间|信息来源[^\n]{0,40}?时间|日期|时间)\s*[:：]?\s*")
_PUBLISHED_META = frozenset({"pubdate", "publishdate", "publish_date", "published_time", "article:published_time",
                             "og:published_time", "og:release_date", "firstpublishedtime", "dcterms.issued",
                             "dc.date", "dc.date.issued", "dcterms.date", "createdate", "releasedate",
                             "articlepubdate", "date", "publishtime", "publish-date"})
_NAMED_COLOURS = {"white": "#ffffff", "black": "#000000", "red": "#ff0000", "green": "#008000",
                  "blue": "#0000ff", "gray": "#808080", "grey": "#808080", "silver": "#c0c0c0",
                  "yellow": "#ffff00", "orange": "#ffa500", "navy": "#000080", "maroon": "#800000",
                  "purple": "#800080", "teal": "#008080", "olive": "#808000", "lime": "#00ff00",
                  "aqua": "#00ffff", "cyan": "#00ffff", "fuchsia": "#ff00ff", "magenta": "#ff00ff",
                  "lightgray": "#d3d3d3", "lightgrey": "#d3d3d3", "darkgray": "#a9a9a9",
                  "darkgrey": "#a9a9a9", "gainsboro": "#dcdcdc", "whitesmoke": "#f5f5f5",
                  "darkred": "#8b0000", "darkblue": "#00008b", "transparent": "transparent"}
_RGB = re.compile(r"rgba?\(\s*(\d{1,3})%?\s*[, ]\s*(\d{1,3})%?\s*[, ]\s*(\d{1,3})%?")
_WHITESPACE = re.compile(r"[\s]")
_HEX = re.compile(r"#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})\b", re.I)


_EMPTY_LIST = re.compile(r"暂无(?:相关)?(?:信息|数据|内容|记录|文章|新闻)|没有(?:找到)?(?:相关|任何)?(?:信息|记录|数据|内容)|"
                         r"无相关(?:信息|记录|数据)|(?:信息|记录|数据)为空|no (?:records|data|items|entries)", re.I)


def has_empty_marker(text: str) -> bool:
    """Does the page say its list is empty ("暂无信息", "没有记录" …)?

    Separates an empty column page from a page that never had a list (a section hub, a
    contact page) when the crawler reached it through navigation rather than a "更多" link.
    """
    return bool(_EMPTY_LIST.search(text or ""))


def empty_page() -> dict[str, Any]:
    """The payload fields of a page with nothing extracted (also the shape of a failed page)."""
    return {"title": None, "description": None, "keywords": None, "lang": None, "has_viewport": False,
            "has_generator": False, "headings": {f"h{i}": 0 for i in range(1, 7)},
            "images": {"total": 0, "without_alt": []}, "styled_text": [], "search_forms": [],
            "links": [], "lists": [], "items": [], "column_title": None, "published": None}


def site_host(host: str) -> str:
    """Host compared for ``internal``: lower case, no leading ``www.``, no trailing dot."""
    host = (host or "").lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def clean(text: str | None, limit: int = MAX_TEXT) -> str:
    """Whitespace collapsed, trimmed to ``limit`` characters."""
    if not text:
        return ""
    return " ".join(text.split())[:limit]


def normalise_colour(value: str) -> str | None:
    """``#abc`` → ``#aabbcc``, ``rgb(…)`` → hex, a few names → hex; other values as written."""
    value = value.replace("!important", "").strip().lower()
    if not value:
        return None
    m = _HEX.search(value)
    if m:
        h = m.group(0)[1:]
        if len(h) in (3, 4):
            h = "".join(c * 2 for c in h[:3])
        return "#" + h[:6]
    m = _RGB.search(value)
    if m:
        return "#" + "".join(f"{min(255, int(g)):02x}" for g in m.groups())
    for token in value.split():
        if token in _NAMED_COLOURS:
            return _NAMED_COLOURS[token]
    return value if value.isalpha() and len(value) < 30 else None


def _style_decls(style: str) -> dict[str, str]:
    decls = {}
    for decl in style.split(";"):
        key, sep, val = decl.partition(":")
        if sep:
            decls[key.strip().lower()] = val.strip()
    return decls


def _background_of(node: LexborNode | None) -> str | None:
    """Nearest inline background colour on ``node`` or its ancestors, or None."""
    while node is not None and node.tag not in ("-document", None):
        attrs = node.attributes
        style = attrs.get("style")
        if style and "background" in style.lower():
            decls = _style_decls(style)
            for key in ("background-color", "background"):
                if key in decls:
                    colour = normalise_colour(decls[key])
                    if colour and colour != "transparent":
                        return colour
        bg = attrs.get("bgcolor")
        if bg:
            colour = normalise_colour(bg)
            if colour:
                return colour
        node = node.parent
    return None


class _Urls:
    """Fast absolute URLs for one page: most hrefs are absolute or root-relative."""

    def __init__(self, base: str) -> None:
        self.base = base
        scheme, _, rest = base.partition("://")
        self.scheme = scheme.lower() or "http"
        self.origin = f"{self.scheme}://{rest.split('/', 1)[0].split('?', 1)[0].split('#', 1)[0]}"
        self.cache: dict[str, str | None] = {}

    def absolute(self, href: str | None) -> str | None:
        """The absolute http(s) URL of ``href`` without fragment, or None (memoised per page)."""
        if not href:
            return None
        try:
            return self.cache[href]
        except KeyError:
            url = self.cache[href] = self._absolute(href)
            return url

    def _absolute(self, href: str) -> str | None:
        href = href.strip()
        if not href or href[0] == "#":
            return None
        low = href[:8].lower()
        if low.startswith("http://") or low.startswith("https://"):
            url = href
        elif href.startswith("//"):
            url = f"{self.scheme}:{href}"
        elif href[0] == "/":
            url = self.origin + href
        else:
            head = href.split("/", 1)[0]
            if ":" in head:          # javascript:, mailto:, tel:, ftp: …
                return None
            try:
                url = urljoin(self.base, href)
            except ValueError:
                return None
        if "#" in url:
            url = url.split("#", 1)[0]
        if _WHITESPACE.search(url):
            url = _WHITESPACE.sub("", url.strip().replace(" ", "%20"))
        return url


def url_host(url: str) -> str:
    """Host of an absolute URL (lower case, no port, no userinfo), cheaply."""
    rest = url.split("://", 1)[-1]
    netloc = rest.split("/", 1)[0].split("?", 1)[0]
    if "@" in netloc:
        netloc = netloc.rsplit("@", 1)[1]
    if netloc.startswith("["):
        return netloc.split("]", 1)[0][1:].lower()
    return netloc.split(":", 1)[0].lower()


def extract_page(html: str, base_url: str, *, platform_host: str | Collection[str], role: str = HOME,
                 reference: date | None = None, max_links: int = 400) -> dict[str, Any]:
    """The ``page`` payload fields of ``html`` fetched from ``base_url`` (see module docstring).

    ``platform_host`` is the platform's host, or several (the registry host and the host its
    homepage redirects to): a link is ``internal`` when its host is one of them, ``www.`` aside.
    """
    hosts = {site_host(platform_host)} if isinstance(platform_host, str) else {site_host(h) for h in platform_host}
    try:
        return _extract(html, base_url, frozenset(hosts), role, reference, max_links)
    except Exception as exc:  # defensive: a pathological page must not sink a site
        page = empty_page()
        page["extract_error"] = f"{type(exc).__name__}: {exc}"[:300]
        return page


def _extract(html: str, base_url: str, hosts: frozenset[str], role: str, reference: date | None,
             max_links: int) -> dict[str, Any]:
    page = empty_page()
    tree = LexborHTMLParser(html or "")
    root = tree.root
    if root is None:
        return page
    urls = _Urls(base_url)
    headings = page["headings"]
    without_alt: list[str] = []
    image_total = 0
    links: dict[str, dict[str, Any]] = {}
    forms: list[LexborNode] = []
    containers: list[LexborNode] = []
    times: list[str] = []
    metas: dict[str, str] = {}
    title: str | None = None
    h1_text: str | None = None

    # One pass over the elements; attributes are read only for the tags that need them.
    for node in root.traverse():
        tag = node.tag
        if tag == "a":
            if len(links) < max_links:
                href = node.attributes.get("href")
                url = urls.absolute(href) if href else None
                if url and url not in links:
                    text = clean(node.text(deep=True)) or clean(node.attributes.get("title"))
                    links[url] = {"url": url, "text": text, "internal": site_host(url_host(url)) in hosts}
        elif tag in _CONTAINER_TAGS:
            containers.append(node)
        elif tag in _HEADING_TAGS:
            headings[tag] += 1
            if tag == "h1" and h1_text is None:
                h1_text = clean(node.text(deep=True)) or None
        elif tag == "img":
            image_total += 1
            attrs = node.attributes
            if "alt" not in attrs and len(without_alt) < MAX_IMAGES_LISTED:
                src = urls.absolute(attrs.get("src") or attrs.get("data-src"))
                if src:
                    without_alt.append(src)
        elif tag == "meta":
            attrs = node.attributes
            key = (attrs.get("name") or attrs.get("property") or attrs.get("http-equiv") or "").strip().lower()
            if key and key not in metas:
                metas[key] = attrs.get("content") or ""
        elif tag == "title":
            if title is None:
                title = clean(node.text(deep=True), 300)
        elif tag == "html":
            lang = node.attributes.get("lang")
            if page["lang"] is None and lang:
                page["lang"] = clean(lang, 20)
        elif tag == "base":
            href = node.attributes.get("href")
            if href:
                absolute = urls.absolute(href)
                if absolute:
                    urls = _Urls(absolute)
        elif tag == "form":
            forms.append(node)
        elif tag == "time":
            stamp = node.attributes.get("datetime")
            if stamp:
                times.append(stamp)
    # Inline colours are rare: one C-level query finds them instead of reading every style.
    styled = tree.css("[style*=color]")[: MAX_STYLED * 4]
    crumb = tree.css_first(_CRUMB_SELECTOR) if role == COLUMN else None

    page["title"] = title or None
    page["description"] = clean(metas.get("description"), 300) or None
    page["keywords"] = clean(metas.get("keywords"), 300) or None
    page["has_viewport"] = "viewport" in metas
    page["has_generator"] = "generator" in metas
    page["images"] = {"total": image_total, "without_alt": without_alt}
    page["links"] = list(links.values())
    page["styled_text"] = _styled_text(styled)
    page["search_forms"] = _search_forms(forms, urls)

    if role == HOME:
        page["lists"] = _column_blocks(containers, urls, reference)
    elif role == COLUMN:
        items, heading = _main_list(containers, urls, reference)
        page["items"] = items
        page["column_title"] = heading or _crumb_title(crumb) or h1_text or _title_head(title)
    elif role == ARTICLE:
        page["published"] = iso(_published(tree, metas, times, base_url))
    return page


# ------------------------------------------------------------------ styled text, forms
def _styled_text(nodes: list[LexborNode]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for node in nodes:
        decls = _style_decls(node.attributes.get("style") or "")
        raw = decls.get("color")
        if not raw:
            continue
        colour = normalise_colour(raw)
        text = clean(node.text(deep=True))
        if not colour or not text:
            continue
        out.append({"text": text, "color": colour, "background": _background_of(node)})
        if len(out) >= MAX_STYLED:
            break
    return out


def _search_forms(forms: list[LexborNode], urls: _Urls) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for form in forms[:MAX_FORMS * 2]:
        attrs = form.attributes
        has_text_input = False
        inputs: list[str] = []
        clues = [attrs.get("action") or "", attrs.get("id") or "", attrs.get("name") or "",
                 attrs.get("class") or ""]
        for field in form.css("input, button, select, textarea"):
            fa = field.attributes
            kind = (fa.get("type") or ("text" if field.tag == "input" else field.tag)).lower()
            if field.tag == "input" and kind in ("text", "search", ""):
                has_text_input = True
                clues.append(fa.get("placeholder") or "")
            if kind in ("submit", "button", "image") or field.tag == "button":
                clues.append(fa.get("value") or "")
                clues.append(fa.get("alt") or "")
                clues.append(field.text(deep=True) or "")
            elif fa.get("name") and kind not in ("hidden",):
                inputs.append(clean(fa.get("name"), 40))
            if field.tag == "input" and fa.get("name"):
                clues.append(fa.get("name") or "")
        if field_clue := " ".join(c for c in clues if c):
            if has_text_input and _SEARCH.search(field_clue):
                action = urls.absolute(attrs.get("action")) or urls.base
                out.append({"action": action, "method": (attrs.get("method") or "get").strip().lower()[:10],
                            "inputs": inputs[:20]})
        if len(out) >= MAX_FORMS:
            break
    return out


# ------------------------------------------------------------------ lists and items
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


def _more_link(node: LexborNode, urls: _Urls) -> str | None:
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


def _items(container: LexborNode, urls: _Urls, reference: date | None) -> list[dict[str, Any]]:
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


def _column_blocks(containers: list[LexborNode], urls: _Urls, reference: date | None) -> list[dict[str, Any]]:
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


def _more_link_outside(block: LexborNode, container: LexborNode, urls: _Urls) -> str | None:
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


def _main_list(containers: list[LexborNode], urls: _Urls,
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


def _crumb_title(crumb: LexborNode | None) -> str | None:
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


def _title_head(title: str | None) -> str | None:
    if not title:
        return None
    return clean(_TITLE_SPLIT.split(title)[0]) or None


# ------------------------------------------------------------------ article date
def _published(tree: LexborHTMLParser, metas: dict[str, str], times: list[str], url: str) -> date | None:
    body = tree.body
    text = body.text(deep=True, separator=" ")[:30000] if body is not None else ""
    for m in _PUBLISHED_LABEL.finditer(text):
        found = find_date(text[m.end():m.end() + 40], None, year_less=False)
        if found:
            return found[0]
    for key, value in metas.items():
        if key in _PUBLISHED_META or "pubdate" in key or "publishdate" in key:
            d = parse_iso_datetime(value)
            if d:
                return d
    for value in times:
        d = parse_iso_datetime(value)
        if d:
            return d
    d = date_from_url(url)
    if d:
        return d
    found = find_date(text, None, year_less=False)
    return found[0] if found else None
