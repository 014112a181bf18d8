"""Everything the ``page`` observation says about an HTML page, from one parse.

The indicators never see HTML: they read what this module extracts (see
``docs/observations.md``, kind ``page``). Extraction runs on every page of a national
scan, so it is built for speed: one lexbor parse, one pass over the element tree that
collects what every field needs (title, metas, headings, images, links, forms, inline
colours, list containers), then small local queries on the few nodes that matter
(list containers, forms, styled elements). No full-tree CSS query per field.

The heuristics live in helper modules, one job each: ``extract_lists`` (homepage column
blocks, a column page's list and title), ``extract_published`` (an article's date and its
source), ``year_evidence`` (the year of list dates shown without one), ``extract_entries``
(``javascript:`` entries, the 政务公开 link, the 无障碍 entry, search boxes without a form),
``extract_colours`` (inline colours for the contrast check), ``extract_text`` (clean-up).

:func:`extract_page` never raises; a page that cannot be parsed yields empty fields.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from govlens.probes.extract.dates import iso
from govlens.probes.extract.identity import site_identity
from govlens.probes.extract.colours import MAX_STYLED, normalise_colour, styled_text
from govlens.probes.extract.entries import Entries, formless_search, script_search_action
from govlens.probes.extract.lists import CRUMB_SELECTOR, column_blocks, crumb_title, main_list, title_head
from govlens.probes.extract.rows import row_containers
from govlens.probes.extract.published import published
from govlens.probes.extract.text import clean
from govlens.probes.extract.html_depth import MAX_DEPTH, bound_depth
from govlens.probes.extract.year_evidence import assign_years, copyright_year, page_anchor

__all__ = ["ARTICLE", "COLUMN", "HOME", "empty_page", "extract_page", "has_empty_marker", "normalise_colour",
           "site_host", "url_host"]

HOME, COLUMN, ARTICLE = "home", "column", "article"

MAX_IMAGES_LISTED = 100          # image URLs listed in images.without_alt
MAX_FORMS = 10
MAX_RESOURCES = 60               # sub-resource URLs listed per page (page weight, number of requests)

_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CONTAINER_TAGS = frozenset({"ul", "ol", "table", "dl"})
_SEARCH = re.compile(r"search|搜索|检索|查询|sousuo|jiansuo|query", re.I)
_WHITESPACE = re.compile(r"[\s]")


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
            "links": [], "lists": [], "items": [], "column_title": None, "published": None,
            "published_source": None, "js_entries": [], "disclosure_link": None, "accessibility_entry": None,
            "canonical": None, "js_links": 0, "resources": {"scripts": 0, "stylesheets": 0, "urls": []}}


def site_host(host: str) -> str:
    """Host compared for ``internal``: lower case, no leading ``www.``, no trailing dot."""
    host = (host or "").lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


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
        if not url[:8].lower().startswith(("http://", "https://")) and not (
                self.scheme == "file" and url.startswith("file:")):   # a saved page read from a file keeps its links
            return None
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
                 reference: date | None = None, max_links: int = 400,
                 text_scan: Callable[[str], list[Any]] | None = None,
                 last_modified: date | None = None) -> dict[str, Any]:
    """The ``page`` payload fields of ``html`` fetched from ``base_url`` (see module docstring).

    ``platform_host`` is the platform's host, or several (the registry host and the host its
    homepage redirects to): a link is ``internal`` when its host is one of them, ``www.`` aside.
    ``text_scan``, when given, is called with the page's body text (hidden text included) and
    its result is the payload's ``wording`` (the wording check's hits). ``last_modified`` (the
    HTTP header, when known) anchors list dates shown without a year (see ``year_evidence``).
    """
    hosts = {site_host(platform_host)} if isinstance(platform_host, str) else {site_host(h) for h in platform_host}
    try:
        return _extract(html, base_url, frozenset(hosts), role, reference, max_links, text_scan, last_modified)
    except Exception as exc:  # defensive: a pathological page must not sink a site
        page = empty_page()
        page["extract_error"] = f"{type(exc).__name__}: {exc}"[:300]
        return page


def _extract(html: str, base_url: str, hosts: frozenset[str], role: str, reference: date | None,
             max_links: int, text_scan: Callable[[str], list[Any]] | None = None,
             last_modified: date | None = None) -> dict[str, Any]:
    page = empty_page()
    html, cut = bound_depth(html or "")
    if cut:                                   # evidence: the page nests deeper than any browser shows
        page["depth_cut"] = MAX_DEPTH
    tree = LexborHTMLParser(html)
    root = tree.root
    if root is None:
        return page
    seen = _walk(root, page, _Urls(base_url), hosts, max_links)
    urls = seen.urls
    # Inline colours are rare: one C-level query finds them instead of reading every style.
    styled = tree.css("[style*=color]")[: MAX_STYLED * 4]
    crumb = tree.css_first(CRUMB_SELECTOR) if role == COLUMN else None
    _head_facts(page, seen, styled)
    _search_boxes(page, seen, tree)
    _entry_facts(page, seen, tree, text_scan)
    containers = seen.containers + row_containers(seen.anchors)
    if role == HOME:
        page["lists"] = column_blocks(containers, urls, reference)
    elif role == COLUMN:
        items, heading, directory = main_list(containers, urls, reference)
        page["items"] = items
        page["column_title"] = heading or crumb_title(crumb) or seen.h1_text or title_head(seen.title)
        if directory:
            page["directory"] = True
    elif role == ARTICLE:
        page["lists"] = column_blocks(containers, urls, reference, strict=True)   # side lists
        found, source = published(tree, seen.metas, seen.times, base_url)
        page["published"], page["published_source"] = iso(found), source
    _settle_years(page, tree, reference, last_modified)
    page["site_identity"] = site_identity(tree, seen.metas, seen.title, role, urls.absolute, html)  # last: strips scripts
    return page


@dataclass(slots=True)
class _Seen:
    """What the one pass over the elements collected (the ``page`` fields it fills itself aside)."""

    urls: _Urls                               # the page's base (a ``<base href>`` moves it)
    links: dict[str, dict[str, Any]] = field(default_factory=dict)
    anchors: list[LexborNode] = field(default_factory=list)
    inputs: list[LexborNode] = field(default_factory=list)
    containers: list[LexborNode] = field(default_factory=list)
    forms: list[LexborNode] = field(default_factory=list)
    times: list[str] = field(default_factory=list)
    metas: dict[str, str] = field(default_factory=dict)
    without_alt: list[str] = field(default_factory=list)
    entries: Entries = field(default_factory=Entries)
    images: int = 0
    js_links: int = 0
    title: str | None = None
    h1_text: str | None = None


def _walk(root: LexborNode, page: dict[str, Any], urls: _Urls, hosts: frozenset[str], max_links: int) -> _Seen:
    """One pass over the elements; attributes are read only for the tags that need them.

    The commonest tags (links, list containers, headings) are read here; the rarer ones by
    :func:`_rare_tag`, so the loop stays one branch per common tag.
    """
    seen = _Seen(urls)
    headings, links, entries = page["headings"], seen.links, seen.entries
    anchors, inputs, containers = seen.anchors.append, seen.inputs.append, seen.containers.append
    for node in root.traverse():
        tag = node.tag
        if tag == "a":
            href = node.attributes.get("href")
            anchors(node)
            if href and href.lstrip()[:11].lower() == "javascript:":
                seen.js_links += 1
                entries.javascript(node, href)
            else:
                url = urls.absolute(href) if href else None
                text = None
                if url and url not in links and len(links) < max_links:
                    text = clean(node.text(deep=True)) or clean(node.attributes.get("title"))
                    links[url] = {"url": url, "text": text, "internal": site_host(url_host(url)) in hosts}
                if text is not None or url is None:     # a repeated URL was read the first time
                    entries.link(node, url, href, text)
        elif tag == "input":
            inputs(node)
        elif tag in _CONTAINER_TAGS:
            containers(node)
        elif tag in _HEADING_TAGS:
            headings[tag] += 1
            if tag == "h1" and seen.h1_text is None:
                seen.h1_text = clean(node.text(deep=True)) or None
        elif tag in _RARE_TAGS:
            urls = _rare_tag(node, tag, page, seen, urls)
    seen.urls = urls
    return seen


_RARE_TAGS = frozenset({"img", "meta", "title", "html", "base", "form", "script", "link", "time"})


def _rare_tag(node: LexborNode, tag: str, page: dict[str, Any], seen: _Seen, urls: _Urls) -> _Urls:
    """Read one element of :data:`_RARE_TAGS` into ``page`` or ``seen``; the base URL from here on."""
    resources = page["resources"]
    if tag == "img":
        seen.images += 1
        attrs = node.attributes
        if "alt" not in attrs and len(seen.without_alt) < MAX_IMAGES_LISTED:
            src = urls.absolute(attrs.get("src") or attrs.get("data-src"))
            if src:
                seen.without_alt.append(src)
        _add_resource(resources, urls.absolute(attrs.get("src")))
    elif tag == "meta":
        attrs = node.attributes
        key = (attrs.get("name") or attrs.get("property") or attrs.get("http-equiv") or "").strip().lower()
        if key and key not in seen.metas:
            seen.metas[key] = attrs.get("content") or ""
    elif tag == "title":
        if seen.title is None:
            seen.title = clean(node.text(deep=True), 300)
    elif tag == "html":
        lang = node.attributes.get("lang")
        if page["lang"] is None and lang:
            page["lang"] = clean(lang, 20)
    elif tag == "base":
        href = node.attributes.get("href")
        absolute = urls.absolute(href) if href else None
        if absolute:
            return _Urls(absolute)
    elif tag == "form":
        seen.forms.append(node)
    elif tag == "script":
        src = node.attributes.get("src")
        if src:
            resources["scripts"] += 1
            _add_resource(resources, urls.absolute(src))
    elif tag == "link":
        attrs = node.attributes
        rel = (attrs.get("rel") or "").lower()
        if "stylesheet" in rel:
            resources["stylesheets"] += 1
            _add_resource(resources, urls.absolute(attrs.get("href")))
        elif rel == "canonical" and page["canonical"] is None:
            page["canonical"] = urls.absolute(attrs.get("href"))
    elif tag == "time":
        stamp = node.attributes.get("datetime")
        if stamp:
            seen.times.append(stamp)
    return urls


def _head_facts(page: dict[str, Any], seen: _Seen, styled: list[LexborNode]) -> None:
    """Title, metas, images, links and inline colours, from what the pass collected."""
    metas = seen.metas
    page["title"] = seen.title or None
    page["description"] = clean(metas.get("description"), 300) or None
    page["keywords"] = clean(metas.get("keywords"), 300) or None
    page["has_viewport"] = "viewport" in metas
    page["has_generator"] = "generator" in metas
    page["images"] = {"total": seen.images, "without_alt": seen.without_alt}
    page["links"] = list(seen.links.values())
    page["styled_text"] = styled_text(styled)


def _search_boxes(page: dict[str, Any], seen: _Seen, tree: LexborHTMLParser) -> None:
    """Search forms, then search boxes without a form (their action from the page's script, when it says)."""
    page["search_forms"] = _search_forms(seen.forms, seen.urls)
    if len(page["search_forms"]) < MAX_FORMS:
        boxes = formless_search(seen.inputs)[: MAX_FORMS - len(page["search_forms"])]
        script = script_search_action(tree, seen.urls.absolute) if boxes else None
        if script is not None:               # the script's own URL: the box can be searched like a form
            boxes[0].update(script, action_source="script")
        page["search_forms"] += boxes


def _entry_facts(page: dict[str, Any], seen: _Seen, tree: LexborHTMLParser,
                 text_scan: Callable[[str], list[Any]] | None) -> None:
    """``javascript:`` links and entries, the 政务公开 and 无障碍 entries, and the wording check's hits."""
    page["js_links"] = seen.js_links
    entries = seen.entries
    entries.scan_clickables(tree)
    page["js_entries"] = entries.js_entries
    page["disclosure_link"] = entries.disclosure
    page["accessibility_entry"] = entries.accessibility
    if text_scan is not None:
        body = tree.body
        page["wording"] = text_scan(body.text(deep=True, separator=" ") if body is not None else "")


def _settle_years(page: dict[str, Any], tree: LexborHTMLParser, reference: date | None,
                  last_modified: date | None) -> None:
    """Give list dates shown without a year the year the page's own evidence says."""
    lists = [b["items"] for b in page["lists"]] + [page["items"]]
    flat = [i for items in lists for i in items]
    if reference is None or not any("_md" in i for i in flat):
        return
    body = tree.body
    footer = body.text(deep=True, separator=" ")[-4000:] if body is not None else ""
    anchor, source = page_anchor(flat, reference, last_modified=last_modified, copyright=copyright_year(footer))
    assign_years(lists, anchor, source)


def _add_resource(resources: dict[str, Any], url: str | None) -> None:
    """Remember a sub-resource URL (scripts, stylesheets, images) for the page-weight check."""
    if url and len(resources["urls"]) < MAX_RESOURCES and url not in resources["urls"]:
        resources["urls"].append(url)


# ------------------------------------------------------------------ search forms
def _search_forms(forms: list[LexborNode], urls: _Urls) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for form in forms[:MAX_FORMS * 2]:
        attrs = form.attributes
        has_text_input = False
        inputs: list[str] = []
        query_input: str | None = None
        hidden: dict[str, str] = {}
        clues = [attrs.get("action") or "", attrs.get("id") or "", attrs.get("name") or "",
                 attrs.get("class") or ""]
        for control in form.css("input, button, select, textarea"):
            fa = control.attributes
            kind = (fa.get("type") or ("text" if control.tag == "input" else control.tag)).lower()
            if control.tag == "input" and kind in ("text", "search", ""):
                has_text_input = True
                clues.append(fa.get("placeholder") or "")
                if query_input is None and fa.get("name"):
                    query_input = clean(fa.get("name"), 40)
            elif kind == "hidden" and fa.get("name") and len(hidden) < 20:
                hidden[clean(fa.get("name"), 40)] = clean(fa.get("value"), 200)
            if kind in ("submit", "button", "image") or control.tag == "button":
                clues.append(fa.get("value") or "")
                clues.append(fa.get("alt") or "")
                clues.append(control.text(deep=True) or "")
            elif fa.get("name") and kind not in ("hidden",):
                inputs.append(clean(fa.get("name"), 40))
            if control.tag == "input" and fa.get("name"):
                clues.append(fa.get("name") or "")
        if field_clue := " ".join(c for c in clues if c):
            if has_text_input and _SEARCH.search(field_clue):
                action = urls.absolute(attrs.get("action")) or urls.base
                out.append({"action": action, "method": (attrs.get("method") or "get").strip().lower()[:10],
                            "inputs": inputs[:20], "query_input": query_input, "hidden": hidden})
        if len(out) >= MAX_FORMS:
            break
    return out
