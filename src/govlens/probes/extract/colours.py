"""Inline colours for the ``page`` payload's ``styled_text`` (see ``docs/observations.md``).

Heuristic, and why: inline ``color`` only (no CSS cascade): what a contrast check can
judge without a browser. Background is the nearest inline background on the element or
an ancestor, else null (the indicator assumes white). Colours are normalised to
``#rrggbb`` so the indicator compares like with like.
"""
from __future__ import annotations

import re
from typing import Any

from selectolax.lexbor import LexborNode

from govlens.probes.extract.text import clean

MAX_STYLED = 50                  # styled_text entries per page

_NAMED_COLOURS = {"white": "#ffffff", "black": "#000000", "red": "#ff0000", "green": "#008000",
                  "blue": "#0000ff", "gray": "#808080", "grey": "#808080", "silver": "#c0c0c0",
                  "yellow": "#ffff00", "orange": "#ffa500", "navy": "#000080", "maroon": "#800000",
                  "purple": "#800080", "teal": "#008080", "olive": "#808000", "lime": "#00ff00",
                  "aqua": "#00ffff", "cyan": "#00ffff", "fuchsia": "#ff00ff", "magenta": "#ff00ff",
                  "lightgray": "#d3d3d3", "lightgrey": "#d3d3d3", "darkgray": "#a9a9a9",
                  "darkgrey": "#a9a9a9", "gainsboro": "#dcdcdc", "whitesmoke": "#f5f5f5",
                  "darkred": "#8b0000", "darkblue": "#00008b", "transparent": "transparent"}
_RGB = re.compile(r"rgba?\(\s*(\d{1,3})%?\s*[, ]\s*(\d{1,3})%?\s*[, ]\s*(\d{1,3})%?")
_HEX = re.compile(r"#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})\b", re.I)


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


def styled_text(nodes: list[LexborNode]) -> list[dict[str, Any]]:
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
