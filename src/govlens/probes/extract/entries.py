"""What a page offers besides plain links: ``javascript:`` entries, the 政务公开 link, the
无障碍 / 关怀版 entry, and search boxes without a ``<form>``.

Why: real government pages open their accessibility toolbar (无障碍, 关怀版, 长者模式) with
``javascript:`` links or ``onclick`` handlers, and many search boxes are a bare text input
whose button runs a script. Dropping those (as a link checker must) hid the entries the
national inspection asks for. They are kept here as entries, never fed to the link checker.
Text inside HTML comments and ``<script>`` is not in the parsed tree, so it never counts.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from govlens.probes.extract.text import clean

MAX_JS_ENTRIES = 50
_DISCLOSURE = re.compile(r"信息公开|政务公开")
_ACCESSIBLE = re.compile(r"无障碍|适老|长者|关怀版|关怀模式|老年(?:版|模式)")
_SEARCH_CLUE = re.compile(r"search|sousuo|jiansuo|keyword|搜索|检索|查询|搜\s*索|query|(?:^|[^a-z])(?:kw|sw|ss|wd|q)(?:$|[^a-z])",
                          re.I)
_TEXT_TYPES = frozenset({"text", "search", ""})
# A script that builds the search URL from the box: location.href = '/search?x=1&q=' + value,
# window.open("…?keyword=" + …), location.assign(…); group 1 the path, 2 fixed parameters, 3 the query's name.
_SCRIPT_SEARCH_URL = re.compile(r"""(?:location(?:\.href)?\s*=|window\.open\s*\(|location\.(?:assign|replace)\s*\()\s*"""
                                r"""["']([^"'\s?]{1,300})\?([^"'\s]{0,300}?)([A-Za-z_][\w.]{0,30})=["']\s*\+""")
MAX_SCRIPT_CHARS = 200_000      # inline script text read for a formless box's search URL
_HANDLERS = ("onkeydown", "onkeypress", "onkeyup")


def _hidden(node: LexborNode, depth: int = 8) -> bool:
    """Inside an element the page hides with an inline style (a cheap, local check)."""
    cur: LexborNode | None = node
    for _ in range(depth):
        if cur is None or cur.tag in ("body", "html"):
            return False
        style = (cur.attributes.get("style") or "").replace(" ", "").lower()
        if "display:none" in style or "visibility:hidden" in style:
            return True
        cur = cur.parent
    return False


def _text(node: LexborNode) -> str:
    """What an entry says: its text, else its title, else the alt of its image (icon-only toolbar links)."""
    text = clean(node.text(deep=True)) or clean(node.attributes.get("title")) or clean(node.attributes.get("aria-label"))
    if not text:
        img = node.css_first("img[alt]")
        text = clean(img.attributes.get("alt")) if img is not None else ""
    return text


class Entries:
    """Collects, during html_extract's walk, the entries of the page (see module docstring)."""

    def __init__(self) -> None:
        self.js_entries: list[dict[str, Any]] = []
        self.disclosure: dict[str, Any] | None = None
        self.accessibility: dict[str, Any] | None = None

    def _note(self, node: LexborNode, text: str, url: str | None, javascript: bool) -> None:
        if self.disclosure is None and url and _DISCLOSURE.search(text) and not _hidden(node):
            self.disclosure = {"text": text[:80], "url": url}
        if self.accessibility is None and _ACCESSIBLE.search(text) and not _hidden(node):
            self.accessibility = {"text": text[:80], "url": url, "javascript": javascript}

    def javascript(self, node: LexborNode, href: str) -> None:
        text = _text(node)
        href = clean(href, 200)
        if text and len(self.js_entries) < MAX_JS_ENTRIES:
            self.js_entries.append({"text": text[:80], "href": href, "javascript": True})
        if text:
            self._note(node, text, href, True)

    def link(self, node: LexborNode, url: str | None, href: str | None, text: str | None) -> None:
        """A plain link (``text`` is None when html_extract did not read it: read it only if needed)."""
        if self.disclosure is not None and self.accessibility is not None:
            return
        if not text:
            text = _text(node)
        if not text:
            return
        if url is None:                         # href="#", none, or an onclick entry
            if node.attributes.get("onclick") and len(self.js_entries) < MAX_JS_ENTRIES:
                self.js_entries.append({"text": text[:80], "href": clean(href, 200) or None,
                                        "onclick": clean(node.attributes.get("onclick"), 200), "javascript": True})
            self._note(node, text, clean(href, 200) or None, True)
        else:
            self._note(node, text, url, False)

    def scan_clickables(self, tree: LexborHTMLParser) -> None:
        """Non-link entries (``<span onclick>``, ``<button>``) for the accessibility toolbar."""
        if self.accessibility is not None:
            return
        for node in tree.css("[onclick], button")[:200]:
            if node.tag == "a":
                continue
            text = clean(node.text(deep=True))
            if text and len(text) <= 20 and _ACCESSIBLE.search(text) and not _hidden(node):
                self.accessibility = {"text": text[:80], "url": None, "javascript": True,
                                      "onclick": clean(node.attributes.get("onclick"), 200) or None}
                return


def script_search_action(tree: LexborHTMLParser, absolute: Callable[[str], str | None]) -> dict[str, Any] | None:
    """The GET search a formless box's script would open: action, query name, fixed parameters.

    Read from inline ``<script>`` text and ``on*`` handlers, only for pages with a formless box;
    a URL counts only when its path or query name looks like search (a paging script does not).
    """
    seen = 0
    sources = [n.attributes.get("onclick") or "" for n in tree.css("[onclick]")[:100]]
    for node in tree.css("script"):
        if node.attributes.get("src"):
            continue
        sources.append(node.text() or "")
    for text in sources:
        if seen > MAX_SCRIPT_CHARS:
            break
        seen += len(text)
        for m in _SCRIPT_SEARCH_URL.finditer(text[:MAX_SCRIPT_CHARS]):
            path, fixed, name = m.group(1), m.group(2).rstrip("&"), m.group(3)
            if not _SEARCH_CLUE.search(f"{path} {name}"):
                continue
            action = absolute(path)
            if not action:
                continue
            hidden = dict(p.split("=", 1) if "=" in p else (p, "") for p in fixed.split("&") if p)
            return {"action": action, "method": "get", "query_input": clean(name, 40),
                    "hidden": {clean(k, 40): clean(v, 200) for k, v in list(hidden.items())[:20]}}
    return None


def _in_form(node: LexborNode, depth: int = 40) -> bool:
    cur = node.parent
    for _ in range(depth):
        if cur is None:
            return False
        if cur.tag == "form":
            return True
        cur = cur.parent
    return False


def _clues(node: LexborNode) -> str:
    a = node.attributes
    return " ".join(str(a.get(k) or "") for k in ("id", "name", "class", "placeholder", "value", "title",
                                                   "aria-label", "onkeydown", "onkeypress", "onkeyup",
                                                   "onclick", "href", "alt", "src"))


def formless_search(inputs: list[LexborNode]) -> list[dict[str, Any]]:
    """Search boxes without a ``<form>``: a text input with a search clue (its own id, name,
    placeholder …, or a button / handler next to it) and a way to submit (a key handler, or
    a clickable next to it). Entries have ``formless: true`` and no action."""
    out: list[dict[str, Any]] = []
    for node in inputs[:60]:
        a = node.attributes
        if (a.get("type") or "text").strip().lower() not in _TEXT_TYPES or _in_form(node):
            continue
        clue = _SEARCH_CLUE.search(_clues(node)) is not None
        submit = any(a.get(h) for h in _HANDLERS)
        scope = node.parent
        for _ in range(2):                       # the box's own wrapper and the one around it
            if scope is None or clue and submit:
                break
            for near in scope.css("a, button, img, input"):
                if near.mem_id == node.mem_id:
                    continue
                kind = (near.attributes.get("type") or "").lower()
                if near.tag == "input" and kind not in ("button", "submit", "image"):
                    continue
                submit = True
                clue = clue or _SEARCH_CLUE.search(_clues(near) + " " + (near.text(deep=True) or "")) is not None
            scope = scope.parent
        if clue and submit:
            out.append({"action": None, "method": None, "inputs": [clean(a.get("name"), 40)] if a.get("name") else [],
                        "query_input": clean(a.get("name") or a.get("id"), 40) or None, "hidden": {},
                        "formless": True})
        if len(out) >= 3:
            break
    return out
