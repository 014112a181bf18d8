"""Making scanned and registry strings safe for every output format.

Everything that came from a scanned page or a registry (names, titles, snippets, URLs,
details) is untrusted. HTML escaping is Jinja's autoescape; this module adds the rest:

- :func:`safe_href`: a URL goes into ``href`` only when it is plain http(s);
- :func:`neutralise_cell`: CSV/XLSX cells that a spreadsheet would run as a formula;
- :func:`md_escape`: Markdown metacharacters and HTML in text bound for ``notice.md``;
- :func:`strip_bidi`: bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE …), which escaping
  leaves alone but which make a defaced title reorder the text around it (a name that reads
  one way and is another); every output drops them;
- :func:`file_names`: platform id → a safe, collision-free file name.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

# bidirectional controls and spreadsheet formulas: the shared rules (the engine's exports use them too)
from govlens.cells import neutralise_cell, strip_bidi  # noqa: F401  (re-exported)

# ------------------------------------------------------------------ URLs

_URL_BAD = re.compile(r"[\x00-\x20\x7f\\\"'<>`]")


def safe_href(url: Any) -> str | None:
    """The URL when it is an absolute http(s) URL with a host and nothing a browser would reinterpret."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or len(url) > 4096 or _URL_BAD.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


# ------------------------------------------------------------------ spreadsheets

_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xlsx_cell(value: Any) -> Any:
    """:func:`neutralise_cell`, and without the control characters XML cannot hold."""
    value = neutralise_cell(value)
    if isinstance(value, str):
        value = _XLSX_ILLEGAL.sub("\ufffd", value)
        if len(value) > 32767:              # Excel's cell limit
            value = value[:32766] + "…"
    return value


# ------------------------------------------------------------------ Markdown


class MdSafe(str):
    """Markdown the report built itself (links, emphasis); passed through unescaped."""


_MD_INLINE = re.compile(r"([\\`*_{}\[\]()#+!|~])")
_MD_LINE_START = re.compile(r"^(\s*)([-+>=])")
_MD_ORDERED = re.compile(r"^(\s*\d{1,9})\.(?=\s|$)")


def md_escape(value: Any) -> str:
    """Text for Markdown: HTML escaped as entities, metacharacters backslash-escaped, one line."""
    if value is None:
        return ""
    if isinstance(value, MdSafe):
        return str(value)
    text = strip_bidi(str(value))
    text = re.sub(r"[\r\n]+", " ", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_INLINE.sub(r"\\\1", text)
    text = _MD_LINE_START.sub(r"\1\\\2", text)
    text = _MD_ORDERED.sub(r"\1\\.", text)
    return text


def md_url(url: Any) -> str | None:
    """An http(s) URL fit for a Markdown link target (parentheses and spaces percent-encoded)."""
    href = safe_href(url)
    if href is None:
        return None
    return href.replace("(", "%28").replace(")", "%29").replace(" ", "%20")


# ------------------------------------------------------------------ file names

_NAME_BAD = re.compile(r"[^A-Za-z0-9._-]")
_RESERVED = {"index", "con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
_MAX_STEM = 80


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]


def file_stem(platform_id: str) -> str:
    """The sanitised stem of one id, before collisions are resolved: only [A-Za-z0-9._-], no leading dot."""
    stem = _NAME_BAD.sub("_", str(platform_id))
    stem = re.sub(r"\.{2,}", ".", stem)         # no '..' anywhere in a name
    stem = stem.lstrip(".")                       # no '.', '..' or hidden files
    stem = stem[:_MAX_STEM].rstrip(".")          # Windows drops trailing dots
    return stem


def file_names(platform_ids: Iterable[str], suffix: str = ".html") -> dict[str, str]:
    """Map each id to a distinct safe file name (``stem + suffix``), stable for a given set of ids.

    An id that is already safe keeps its name; one that had to change gets a short hash of
    the original id, so ``a/b`` and ``a_b`` never share a file. Names are compared without
    case (case-insensitive file systems) and never hit ``index`` or a Windows device name.
    """
    ids = sorted({str(i) for i in platform_ids})
    out: dict[str, str] = {}
    used: set[str] = set()
    pending: list[tuple[str, str]] = []
    for pid in ids:                               # unchanged ids first: they keep their own names
        stem = file_stem(pid)
        if stem == pid and stem and stem.lower() not in _RESERVED and stem.lower() not in used:
            out[pid] = stem + suffix
            used.add(stem.lower())
        else:
            pending.append((pid, stem))
    for pid, stem in pending:
        base = f"{stem or 'platform'}-{_digest(pid)}"
        name, n = base, 1
        while name.lower() in used:
            n += 1
            name = f"{base}-{n}"
        out[pid] = name + suffix
        used.add(name.lower())
    return out
