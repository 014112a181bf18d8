"""The guideline ``<meta>`` block of a page, by its role (2017 government-website guidelines).

A column (list) page names its site and column (:data:`COLUMN`); an article page also names
itself, its date, source and address (:data:`ARTICLE`); a homepage names its site. A site spec
may leave some out of one column page or one column's newest article (``Identity.meta_missing``);
that page is then a ``missing_guideline_meta`` defect. Families write the block in their own
style: the TRS order, a JCMS block with ``Maketime``, upper-case tags on old table sites.
"""
from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govlens.sandbox.site import Column, Site

SITE = ("SiteName", "SiteDomain", "SiteIDCode")
COLUMN = SITE + ("ColumnName", "ColumnDescription", "ColumnKeywords", "ColumnType")
ARTICLE = SITE + ("ColumnName", "ColumnType", "ArticleTitle", "PubDate", "ContentSource", "Keywords",
                  "Description", "Url")


def _tag(site: Site, name: str, content: str) -> str:
    if site.family == "table":
        return f'<META NAME="{name}" CONTENT="{escape(content)}">\n'
    return f'<meta name="{name}" content="{escape(content)}">\n'


def dropped(site: Site, col: Column, *, article: bool) -> frozenset[str]:
    """The metas the spec leaves out of this column's page (or its newest article)."""
    names = ARTICLE if article else COLUMN
    for i, art, drop in site.identity.meta_missing:
        if i == col.index and art == article:
            return frozenset(names[k % len(names)] for k in drop)
    return frozenset()


def _code(site: Site, home: bool) -> str:
    code = site.identity.meta_code
    return code if code or home else site.site_code


def site_metas(site: Site, *, home: bool = False) -> str:
    return "".join(_tag(site, n, v) for n, v in zip(SITE, (site.name, site.host, _code(site, home))))


def column_metas(site: Site, name: str, *, ctype: str = "信息列表", drop: frozenset[str] = frozenset()) -> str:
    values = (site.name, site.host, _code(site, False), name, f"{site.name}{name}栏目",
              f"{site.place},{name}", ctype)
    return "".join(_tag(site, n, v) for n, v in zip(COLUMN, values) if n not in drop)


def article_metas(site: Site, column: str, title: str, pubdate: str, url: str, *,
                  drop: frozenset[str] = frozenset(), description: str = "") -> str:
    values = (site.name, site.host, _code(site, False), column, "信息列表", title, pubdate, site.place,
              f"{site.place},{column}", description or title, url)
    out = "".join(_tag(site, n, v) for n, v in zip(ARTICLE, values) if n not in drop)
    if site.family == "jcms":
        out = _tag(site, "Maketime", pubdate) + out
    return out
