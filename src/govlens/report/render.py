"""The two Jinja environments: HTML with autoescape on, Markdown with every value escaped on output."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import jinja2
from markupsafe import Markup

from govlens.report.safety import MdSafe, md_escape, md_url, safe_href, strip_bidi
from govlens.report.values import bar_width, fmt_score


def _html_href(url: Any) -> str | None:
    return safe_href(url)


def _html_finalize(value: Any) -> Any:
    """Every ``{{ value }}`` loses its bidirectional controls (autoescape then escapes it)."""
    if isinstance(value, Markup):
        return Markup(strip_bidi(str(value)))
    if isinstance(value, str):
        return strip_bidi(value)
    return value


@lru_cache(maxsize=None)
def html_env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("govlens.report", "templates"),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True, finalize=_html_finalize,
                             undefined=jinja2.ChainableUndefined)
    env.filters.update(href=_html_href, score=fmt_score, bar=bar_width)
    return env


def _md_finalize(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return md_escape(value)


@lru_cache(maxsize=None)
def md_env() -> jinja2.Environment:
    """Markdown: every ``{{ value }}`` is escaped by ``finalize``; only ``|mdlink`` targets pass as built."""
    env = jinja2.Environment(loader=jinja2.PackageLoader("govlens.report", "templates"),
                             autoescape=False, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                             finalize=_md_finalize, undefined=jinja2.ChainableUndefined)

    def mdlink(url: Any) -> MdSafe:
        return MdSafe(md_url(url) or "")

    def relpath(path: Any) -> MdSafe:              # our own relative links: file names are [A-Za-z0-9._-/]
        text = str(path or "")
        return MdSafe(text if all(c.isascii() and (c.isalnum() or c in "._-/") for c in text) else "")

    env.filters.update(mdlink=mdlink, relpath=relpath, score=fmt_score)
    return env
