"""The words of the command line: progress labels, stage summaries and error messages (zh-CN, en).

Why not ``report/locale``: the report's strings belong to the report stage, and the stages before it
(campaign, settings, registry, the runner's progress) may not import it (a stage imports only the
stages before it). This catalogue sits below every stage and imports nothing of govlens, so the
campaign loader, the registry and the error tree can all speak through it.

The language is the process's: :func:`set_locale` is called once by the command line (``--locale``,
default zh-CN) before anything is read, so an error raised while a file is read is already worded
in it. A missing key falls back to the zh-CN text, then to the key; a placeholder not given is left
as written (a message is never lost for a missing word).
"""
from __future__ import annotations

import string
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from importlib import resources
from typing import Any

import yaml

LOCALES = ("zh-CN", "en")
DEFAULT = "zh-CN"
_current = DEFAULT


class LenientFormatter(string.Formatter):
    """str.format that leaves a placeholder without a value as written and prints a value its spec refuses."""

    def get_value(self, key: Any, args: Any, kwargs: Mapping[str, Any]) -> Any:
        if isinstance(key, int):
            return args[key] if key < len(args) else "{" + str(key) + "}"
        return kwargs.get(key, "{" + key + "}")

    def format_field(self, value: Any, format_spec: str) -> str:
        try:
            return super().format_field(value, format_spec)
        except (ValueError, TypeError):
            return str(value)


_FORMATTER = LenientFormatter()


def fill(template: str, values: Mapping[str, Any]) -> str:
    """``template`` formatted with ``values`` leniently: unchanged when its fields are bad (a message must
    never fail to print; shared by :func:`t` and the report locales)."""
    try:
        return _FORMATTER.vformat(template, (), values)
    except (ValueError, IndexError, AttributeError, KeyError):
        return template


#: libyaml's safe loader when PyYAML was built with it: the catalogue is read by every command (``--help``
#: too), and the pure-Python parser takes ~30 ms a locale of a start-up of ~150 ms. Same documents.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def _doc(name: str) -> dict[str, Any]:
    res = resources.files(__name__).joinpath(f"{name}.yaml")
    doc = yaml.load(res.read_text(encoding="utf-8"), Loader=_LOADER) if res.is_file() else None  # noqa: S506
    return doc if isinstance(doc, dict) else {}


def _lookup(doc: Mapping[str, Any], key: str) -> Any:
    node: Any = doc
    for part in key.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def set_locale(name: str | None) -> None:
    """The language of every message from now on (unknown names: zh-CN)."""
    global _current
    _current = name if name in LOCALES else DEFAULT


@contextmanager
def using(name: str) -> Iterator[None]:
    """Messages in ``name`` inside the block, the process's language again after it (a test, a docs table)."""
    global _current
    before = _current
    set_locale(name)
    try:
        yield
    finally:
        _current = before


def current() -> str:
    return _current


def has(key: str, locale: str | None = None) -> bool:
    return isinstance(_lookup(_doc(locale or _current), key), str)


def t(key: str, /, locale: str | None = None, **values: Any) -> str:
    """The text at ``key`` in ``locale`` (default: the process's), formatted with ``values``."""
    text = _lookup(_doc(locale or _current), key)
    if not isinstance(text, str):
        text = _lookup(_doc(DEFAULT), key)
    if not isinstance(text, str):
        return key
    return fill(text, values) if values else text


def word(section: str, value: str, locale: str | None = None) -> str:
    """A vocabulary word (``kinds.website`` → 网站, ``outputs.notice.html`` → 评估结果通报: the value may
    hold dots); the value itself when the catalogue has none."""
    for doc in (_doc(locale or _current), _doc(DEFAULT)):
        table = _lookup(doc, section)
        if isinstance(table, Mapping) and isinstance(table.get(value), str):
            return str(table[value])
    return value


def join(items: list[str], locale: str | None = None) -> str:
    return t("format.list_sep", locale=locale).join(items)


def os_reason(exc: OSError, locale: str | None = None) -> str:
    """Why a file could not be opened, in words (the system's own ``strerror`` is English whatever the locale)."""
    import errno as errno_names

    name = errno_names.errorcode.get(exc.errno or 0, "")
    key = f"os.{name}"
    return t(key, locale=locale) if name and has(key, locale) else t("os.other", locale=locale, errno=exc.errno or "—")


def quote(name: str, locale: str | None = None) -> str:
    """A name as the language quotes it (“registry” / `registry`)."""
    return t("format.quote", locale=locale, name=name)


def did_you_mean(name: str, known: list[str] | set[str] | tuple[str, ...], locale: str | None = None) -> str:
    """``, did you mean `x`?`` for the known names nearest ``name`` (difflib), else the known names listed."""
    import difflib

    names = sorted(known)
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.75)
    if not close:     # case or separators only (registri → registry is caught above; Http_Timeout here)
        lowered = {n.lower().replace("-", "_"): n for n in names}
        hit = lowered.get(name.lower().replace("-", "_"))
        close = [hit] if hit else []
    if close:
        return t("hint.did_you_mean", locale=locale, names=t("format.or", locale=locale).join(quote(c, locale) for c in close))
    if len(names) <= 40:
        return t("hint.known", locale=locale, names=join(names, locale))
    return ""
