"""The ``site_identity`` block of a page: who runs the site and the compliance facts it must show.

The national inspection of government websites checks first what every page footer and
``<head>`` show: the site's name, its 网站标识码 (and the ``SiteIDCode`` meta agreeing with it),
the ICP 备案 and 公安机关备案 numbers, the 主办单位, the 党政机关网站 identification badge
(dzjg.conac.cn), and the page metadata the 2017 guidelines (《政府网站发展指引》, 国办发〔2017〕47号)
ask for each kind of page. This module reads them from the parse ``html_extract`` already made
(the metas it collected; the page's visible text, scripts, styles and comments removed, of
which only the tail is scanned, see :mod:`govlens.probes.extract.footer_facts`), the inline scripts only
when the name is found nowhere else, and the page source around each mention of CONAC for the
badge. Measured by ``benchmarks/site_identity.py``.

It strips ``<script>``/``<style>`` from the tree, so it runs last on the tree.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from html import unescape
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from govlens.probes.extract.text import clean
from govlens.probes.extract.footer_facts import MAX_NAME, footer_zone, looks_like_name, read_footer

__all__ = ["GUIDELINE_META", "empty_identity", "guideline_meta", "site_identity"]

HOME, COLUMN, ARTICLE = "home", "column", "article"

#: The ``<meta name=…>`` the 2017 guidelines (附件: 政府网站网页元数据) ask of each kind of page.
#: Site metas on every page; column metas on column (list) pages; article metas on articles.
SITE_META = ("SiteName", "SiteDomain", "SiteIDCode")
GUIDELINE_META: dict[str, tuple[str, ...]] = {
    HOME: SITE_META,
    COLUMN: SITE_META + ("ColumnName", "ColumnDescription", "ColumnKeywords", "ColumnType"),
    ARTICLE: SITE_META + ("ColumnName", "ArticleTitle", "PubDate", "ContentSource", "Keywords", "Description", "Url"),
}

# The identification badge is an image/link (or the script that writes it) served by CONAC.
BADGE_SELECTOR = ('a[href*="conac.cn" i], img[src*="conac.cn" i], script[src*="conac.cn" i], '
                  'a[href*="dzjg" i], img[src*="dzjg" i], #_ideConac, #imgConac, [id*="bsdzjg" i]')
_BADGE_WORDS = ("conac.cn", "CONAC.CN", "_ideConac", "imgConac", "dzjg")
_ATTR_URL = re.compile(r"""\b(href|src)\s*=\s*["']?([^"'\s>]+)""", re.I)
MAX_BADGE_HITS = 12
MAX_SCRIPTS = 60                 # inline scripts looked at for a welcome line
MAX_SCRIPT_CHARS = 20_000
MAX_HEAD_CHARS = 2000            # visible text from the top of the page searched for a welcome line

_TITLE_SEP = re.compile(r"\s*(?:_+|\||｜|--?|–|—|::|\s·\s)\s*")
_HOME_WORDS = frozenset({"首页", "主页", "网站首页", "门户首页", "home", "index", "homepage"})
_WELCOME = re.compile(r"欢迎(?:您)?(?:访问|光临|来到|进入)\s*[“\"「]?([^！!。，,\s\"'”」<>()（）]{2,%d}?)[”\"」]?"
                      r"\s*(?:[！!。]|$|[\"'<])" % MAX_NAME)
_STRIP = ["script", "style", "noscript", "template"]


def empty_identity(role: str = HOME) -> dict[str, Any]:
    """The block of a page with nothing read (every fact absent)."""
    return {"site_name": None, "site_name_source": None, "site_code": None, "site_code_meta": None,
            "site_code_agrees": None, "icp": None, "police_record": None, "sponsor": None, "organiser": None,
            "conac_badge": {"present": False, "url": None}, "contact": None,
            "guideline_meta": guideline_meta({}, role), "footer_text": None}


def guideline_meta(metas: Mapping[str, str], role: str) -> dict[str, Any]:
    """Which of the role's guideline metas the page has (``metas`` keyed in lower case; empty = missing)."""
    want = GUIDELINE_META.get(role, SITE_META)
    present = [m for m in want if (metas.get(m.lower()) or "").strip()]
    return {"role": role, "present": present, "missing": [m for m in want if m not in present]}


def _title_parts(title: str) -> tuple[list[str], str]:
    parts = [p.strip() for p in _TITLE_SEP.split(title) if p and p.strip()]
    sep = _TITLE_SEP.search(title)
    return parts, (sep.group(0).strip() if sep else "")


def _from_title(title: str | None, role: str) -> tuple[str | None, str | None]:
    """(site part of the title, the single part when the title has no separator) for the role."""
    if not title:
        return None, None
    parts, sep = _title_parts(title)
    kept = [p for p in parts if p.lower() not in _HOME_WORDS]
    if not kept:
        return None, None
    if role == HOME:                       # a homepage's title is the site's name (首页 parts aside)
        return (title.strip() if len(kept) == len(parts) else sep.join(kept)), None
    if len(kept) >= 2:                     # the site part ends the title, unless only the first part reads as one
        first, last = kept[0], kept[-1]
        if looks_like_name(first) and not looks_like_name(last):
            return first, None
        return last, None
    return None, kept[0]


def _welcome(text: str) -> str | None:
    if "欢迎" not in text:
        return None
    m = _WELCOME.search(text)
    return m.group(1) if m else None


def _script_welcome(tree: LexborHTMLParser) -> str | None:
    """A welcome line written by an inline script (``$(…).html("欢迎访问X网站！")``): the header a visitor sees."""
    for node in tree.css("script:not([src])")[:MAX_SCRIPTS]:
        name = _welcome((node.text() or "")[:MAX_SCRIPT_CHARS])
        if name:
            return name
    return None


def _badge_in_source(html: str, absolute: Callable[[str | None], str | None]) -> dict[str, Any]:
    """The badge read from the page's source around each mention of CONAC (at most :data:`MAX_BADGE_HITS`).

    A mention counts inside an ``<a>``, ``<img>`` or ``<script>`` tag, a ``_ideConac``/``imgConac``
    placeholder, or an inline script that writes the badge; never inside a comment. (A CSS substring query
    over every element's attributes costs more than the rest of this block, hence the source.)
    """
    present, url = False, None
    hits = sorted(i for i in (html.find(w) for w in _BADGE_WORDS) if i >= 0)
    pos, seen = (hits[0] if hits else -1), 0
    while pos >= 0 and seen < MAX_BADGE_HITS:
        seen += 1
        opened = html.rfind("<!--", 0, pos)
        if opened < 0 or html.find("-->", opened, pos) >= 0:       # not inside a comment
            lt = html.rfind("<", max(0, pos - 2000), pos)
            gt = html.find(">", pos)
            tag = html[lt:gt + 1] if lt >= 0 and gt >= 0 else ""
            name = tag[1:16].split(None, 1)[0].strip("/").lower() if len(tag) > 1 else ""
            if name in ("a", "img", "script") or "Conac" in tag or "dzjg" in tag.lower():
                present = True
                m = _ATTR_URL.search(tag) if name in ("a", "img", "script") else None
                link = absolute(unescape(m.group(2))) if m else None
                if link and (url is None or (m and m.group(1).lower() == "href")):
                    url = link
                    if m and m.group(1).lower() == "href":
                        break
        nxt = [i for i in (html.find(w, pos + 5) for w in _BADGE_WORDS) if i >= 0]
        pos = min(nxt) if nxt else -1
    return {"present": present, "url": url}


def _badge_in_tree(tree: LexborHTMLParser, absolute: Callable[[str | None], str | None]) -> dict[str, Any]:
    """The badge by a CSS query (callers that have no page source)."""
    nodes = tree.css(BADGE_SELECTOR)[:12]
    links = [absolute(n.attributes.get("href")) for n in nodes if n.tag == "a"]
    srcs = [absolute(n.attributes.get("src")) for n in nodes if n.tag in ("img", "script")]
    url = next((u for u in links if u), None) or next((u for u in srcs if u), None)
    return {"present": bool(nodes), "url": url}


def _site_name(metas: Mapping[str, str], title: str | None, role: str, footer: dict[str, Any],
               script_welcome: str | None, shown: str) -> tuple[str | None, str | None]:
    meta = clean(metas.get("sitename"), 100) or clean(metas.get("og:site_name"), 100)
    if meta:
        return meta, "meta"
    names = [n for n in (footer.get("copyright_holder"), footer.get("sponsor")) if n]
    name, single = _from_title(title, role)
    if name is None and single:            # "文章标题 湖南省某某医院": a footer name ending the title
        name = next((n for n in names if n in single[-MAX_NAME - 5:]), None)
    if name:
        if len(name) <= 4:                 # "…-纪检": the title shows an abbreviation of the footer's name
            name = next((n for n in names if name in n and len(n) > len(name)), name)
        return name, "title"
    welcome = _welcome(shown)
    if welcome:
        return welcome, "welcome"
    if names:
        return names[0], "footer"
    if script_welcome:
        return script_welcome, "welcome"
    return None, None


def site_identity(tree: LexborHTMLParser, metas: Mapping[str, str], title: str | None, role: str,
                  absolute: Callable[[str | None], str | None], html: str | None = None) -> dict[str, Any]:
    """The ``site_identity`` block (see ``docs/observations.md``); strips scripts and styles from ``tree``.

    ``html`` is the page's source the tree was parsed from (optional: lets the badge query be skipped).
    """
    badge = _badge_in_source(html, absolute) if html is not None else _badge_in_tree(tree, absolute)
    name, _ = _from_title(title, role)
    needs_script = not (clean(metas.get("sitename")) or clean(metas.get("og:site_name"))) and name is None
    script_welcome = _script_welcome(tree) if needs_script else None
    tree.strip_tags(_STRIP)
    body = tree.body
    text = body.text(deep=True, separator=" ") if body is not None else ""
    zone = footer_zone(text)
    footer = read_footer(zone)
    shown = text[:MAX_HEAD_CHARS] + " " + zone       # a welcome line sits in the header or the footer
    site_name, source = _site_name(metas, title, role, footer, script_welcome, shown)
    code_meta = "".join((metas.get("siteidcode") or "").split())[:20] or None
    code = footer["site_code"]
    agrees = (code.lower() == code_meta.lower()) if code and code_meta else None
    return {"site_name": site_name, "site_name_source": source, "site_code": code, "site_code_meta": code_meta,
            "site_code_agrees": agrees, "icp": footer["icp"], "police_record": footer["police_record"],
            "sponsor": footer["sponsor"], "organiser": footer["organiser"], "conac_badge": badge,
            "contact": footer["contact"], "guideline_meta": guideline_meta(metas, role),
            "footer_text": footer["footer_text"]}
