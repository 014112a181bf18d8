"""Bound the nesting depth of an HTML document before it reaches the parser.

Why: the HTML tree-construction algorithm checks "is there a ``p`` element in button scope"
for every block-level start tag, walking the stack of open elements. On a page of 100,000
unclosed ``<div>`` tags that walk makes parsing quadratic: lexbor needs minutes, which a
defaced or broken government page must not cost a national scan. Browsers bound the depth
for the same reason (Chromium stops nesting at 512). No parser option does this, hence this
linear pre-pass: it counts start and end tags of elements that stay open until closed (not
void elements, not those a sibling closes implicitly such as ``p``, ``li``, ``td``) and, only
when that depth passes :data:`MAX_DEPTH`, replaces the start tags beyond it by a space. Text is kept; the
unmatched end tags left behind are ignored by every HTML parser. The count is approximate
(it does not model scripts or every implied end tag), which is fine for a safety bound.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

MAX_DEPTH = 512

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]{0,30})[^>]{0,2000}?(/?)>")
_NOT_COUNTED = frozenset({
    # void elements
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    "param", "keygen", "frame", "basefont", "bgsound", "image",
    # closed implicitly by a sibling or parent: they never pile up
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "rb", "rt",
    "rp", "rtc", "colgroup", "caption", "html", "head", "body",
    # raw text: their content is not parsed as tags
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
})


def _start_tags(html: str, limit: int | None = None) -> Iterator[tuple[re.Match[str], int]]:
    """Each counted start tag with the depth it opens at; end tags close one level. A tag at ``limit`` or
    deeper opens no level (it is the one :func:`bound_depth` drops)."""
    depth = 0
    for m in _TAG.finditer(html):
        if m.group(2).lower() in _NOT_COUNTED:
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        elif not m.group(3):
            yield m, depth
            if limit is None or depth < limit:
                depth += 1


def max_depth(html: str) -> int:
    """The deepest nesting of counted elements (see the module docstring)."""
    return max((depth + 1 for _, depth in _start_tags(html)), default=0)


def bound_depth(html: str, limit: int = MAX_DEPTH) -> tuple[str, bool]:
    """``(html, changed)``: the document unchanged, or with the start tags beyond ``limit`` dropped."""
    if not html or html.count("<") <= limit or max_depth(html) <= limit:
        return html, False
    out: list[str] = []
    last = 0
    for m, depth in _start_tags(html, limit):
        if depth >= limit:
            out.append(html[last:m.start()])
            out.append(" ")          # not "": a stray "<" before the tag must not meet the text after it
            last = m.end()
    out.append(html[last:])
    return "".join(out), True
