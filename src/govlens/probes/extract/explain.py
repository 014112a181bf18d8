"""Everything the probe reads from one page, with where each fact came from (``govlens page``).

Users ask "why did govlens call this page stale?"; the answer is what the extraction saw.
:func:`explain_page` runs the same decoding and extraction as a scan (``charset``,
``html_extract`` with the wording check) and adds what a scan does not keep: every date on
the page with its source (a ``<meta>`` by name, a ``<time>`` element, the URL, or a pattern
in the visible text), the newest dated item, and the page's forms. The result is JSON-ready.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from govlens.probes.extract.charset import decode_html
from govlens.probes.extract.dates import date_from_url, find_all_dates, iso, parse_iso_datetime
from govlens.probes.extract.html import HOME, extract_page
from govlens.probes.extract.wording import WordingMatcher

MAX_DATES = 100
MAX_LINKS_SHOWN = 30


def page_dates(html: str, url: str, reference: date | None) -> list[dict[str, Any]]:
    """Every date of the page: metadata, ``<time>`` elements, the URL, then the visible text."""
    tree = LexborHTMLParser(html)
    out: list[dict[str, Any]] = []
    for meta in tree.css("meta[content]"):
        attrs = meta.attributes
        key = (attrs.get("name") or attrs.get("property") or attrs.get("http-equiv") or "").strip()
        d = parse_iso_datetime(attrs.get("content") or "") if key else None
        if d:
            out.append({"date": iso(d), "text": (attrs.get("content") or "")[:60], "source": f"meta:{key[:40]}"})
    for node in tree.css("time"):
        raw = node.attributes.get("datetime") or node.text()
        d = parse_iso_datetime(raw or "")
        if d:
            out.append({"date": iso(d), "text": (raw or "")[:60], "source": "time"})
    d = date_from_url(url)
    if d:
        out.append({"date": iso(d), "text": url[-80:], "source": "url"})
    body = tree.body
    text = body.text(deep=True, separator=" ") if body is not None else ""
    for found, said, pattern in find_all_dates(text, reference, limit=MAX_DATES):
        out.append({"date": iso(found), "text": said[:60], "source": f"text:{pattern}"})
    return out[:MAX_DATES]


def explain_page(body: bytes, content_type: str, url: str, *, platform_host: str, role: str = HOME,
                 reference: date | None = None, wording: WordingMatcher | None = None,
                 last_modified: date | None = None) -> dict[str, Any]:
    """The page as the scanner reads it, fact by fact (see the module docstring)."""
    text, codec, source = decode_html(body, content_type)
    page = extract_page(text, url, platform_host=platform_host, role=role, reference=reference,
                        text_scan=wording.scan if wording is not None else None, last_modified=last_modified)
    items = [dict(i, found_in=f"list “{b['title']}”" if b.get("title") else "an untitled list")
             for b in page.get("lists") or [] for i in b.get("items") or []]
    items += [dict(i, found_in="the page's list") for i in page.get("items") or []]
    dated = [i for i in items if i.get("date")]
    newest = max(dated, key=lambda i: i["date"]) if dated else None
    links = page.get("links") or []
    tree = LexborHTMLParser(text)
    letter_forms = sum(1 for f in tree.css("form") if f.css_first("textarea") is not None)
    return {
        "url": url, "role": role, "bytes": len(body),
        "encoding": {"codec": codec, "source": source, "content_type": content_type or None},
        "title": page.get("title"), "lang": page.get("lang"), "description": page.get("description"),
        "keywords": page.get("keywords"), "has_viewport": page.get("has_viewport"),
        "canonical": page.get("canonical"), "headings": page.get("headings"),
        "dates": page_dates(text, url, reference),
        "published": page.get("published"), "published_source": page.get("published_source"),
        "newest_item": newest,
        "items_without_date": sum(1 for i in items if not i.get("date")),
        "lists": page.get("lists"), "items": page.get("items"), "column_title": page.get("column_title"),
        "links": {"total": len(links), "internal": sum(1 for x in links if x.get("internal")),
                  "external": sum(1 for x in links if not x.get("internal")),
                  "javascript": page.get("js_links"), "first": links[:MAX_LINKS_SHOWN],
                  "javascript_entries": (page.get("js_entries") or [])[:MAX_LINKS_SHOWN]},
        "disclosure_link": page.get("disclosure_link"), "accessibility_entry": page.get("accessibility_entry"),
        "forms": {"search": page.get("search_forms"), "letter_forms": letter_forms},
        "images": page.get("images"), "styled_text": page.get("styled_text"),
        "resources": page.get("resources"), "wording": page.get("wording", []),
        "site_identity": page.get("site_identity"),
        "extract_error": page.get("extract_error"),
        "_payload": page,
    }
