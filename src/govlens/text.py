"""Texts a user reads, kept as a message id and values until a report renders them in its locale.

Why: an indicator or a probe runs long before any report and cannot know its locale, and one
campaign's store is published in zh-CN and en alike. Lighthouse does the same (``str_(UIStrings.x,
values)`` keeps an ICU message id and its values, formatted when the report is made).

A message travels inside the text fields the store already has (a finding's or an evidence entry's
``detail``) as one marked string, ``⟦icp-number.missing|{"what": "…"}⟧``, so the store's schema, the
CSV exports and older stores keep working; a plain string renders as itself.

The words live next to the code that says them: a module declares its catalogue once,

    T = Messages("icp-number", {
        "missing": ("首页未标注{what}", "the homepage shows no {what}"),
    })

and writes ``detail=T("missing", what=...)``. A value may itself be a message (``T.ref("icp")``, or
another module's), rendered in the same locale. Numbers are written as given: round them first.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

OPEN, CLOSE = "\u27e6", "\u27e7"          # ⟦ … ⟧: never in a page's text we keep (see render)
LOCALES = ("zh-CN", "en")

#: every declared message: "<prefix>.<name>" → {locale: template}
CATALOGUE: dict[str, dict[str, str]] = {}

_KEY = re.compile(r"[a-z0-9_.\-]+\|")
_DECODER = json.JSONDecoder()


class Messages:
    """One module's messages: ``prefix`` (the module's id) and ``name → (zh-CN, en)``."""

    def __init__(self, prefix: str, messages: Mapping[str, tuple[str, str]]) -> None:
        self.prefix = prefix
        for name, pair in messages.items():
            if len(pair) != len(LOCALES):
                raise ValueError(f"{prefix}.{name}: expected one text per locale {LOCALES}")
            key = f"{prefix}.{name}"
            if key in CATALOGUE and CATALOGUE[key] != dict(zip(LOCALES, pair)):
                raise ValueError(f"message {key} declared twice with different texts")
            CATALOGUE[key] = dict(zip(LOCALES, pair))
        self.names = frozenset(messages)

    def __call__(self, name: str, /, **values: Any) -> str:
        if name not in self.names:
            raise KeyError(f"{self.prefix}: no message {name!r}")
        return message(f"{self.prefix}.{name}", **values)

    def ref(self, name: str, /, **values: Any) -> str:
        """The same as calling: a message to pass as another message's value."""
        return self(name, **values)


def message(key: str, /, **values: Any) -> str:
    """The marked string of message ``key`` with ``values`` (JSON-serialisable: str, int, float, bool)."""
    return f"{OPEN}{key}|{json.dumps(values, ensure_ascii=False, sort_keys=True, default=str)}{CLOSE}"


def is_message(text: Any) -> bool:
    return isinstance(text, str) and OPEN in text


def render(text: Any, locale: str = "zh-CN") -> str:
    """``text`` with every message in it written out in ``locale`` (zh-CN when the locale has no text).

    A plain string is returned as it is; ``None`` gives "". An unknown message id renders as its id, so a
    missing catalogue shows in tests rather than as an empty cell.
    """
    if text is None:
        return ""
    if not isinstance(text, str):
        return str(text)
    if OPEN not in text:
        return text
    out, i = [], 0
    while (start := text.find(OPEN, i)) >= 0:
        out.append(text[i:start])
        parsed = _parse(text, start + 1)
        if parsed is None:                  # a ⟦ that is not a message (a page's own text): kept as it is
            out.append(OPEN)
            i = start + 1
            continue
        key, values, i = parsed
        out.append(_one(key, values, locale))
    out.append(text[i:])
    return "".join(out)


def _parse(text: str, at: int) -> tuple[str, dict[str, Any], int] | None:
    """(key, values, end) of the message whose id starts at ``at``; None when there is none."""
    m = _KEY.match(text, at)
    if m is None:
        return None
    try:
        values, end = _DECODER.raw_decode(text, m.end())
    except ValueError:
        return None
    if not isinstance(values, dict) or not text.startswith(CLOSE, end):
        return None
    return m.group(0)[:-1], values, end + 1


def _one(key: str, values: dict[str, Any], locale: str) -> str:
    entry = CATALOGUE.get(key)
    if entry is None:
        return key
    template = entry.get(locale) or entry[LOCALES[0]]
    shown = {k: render(v, locale) if isinstance(v, str) else _number(v) for k, v in values.items()}
    try:
        return template.format_map(_Keep(shown))
    except (ValueError, IndexError):
        return template


def _number(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(int(value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class _Keep(dict):
    """Leaves a placeholder without a value as written (a template and its call disagree: still readable)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
