"""An article's publication date (the ``page`` payload's ``published``).

Heuristic, and why: a labelled date first — a publication label (发布时间：, 成文日期 …), else
a weaker one (更新时间, 日期, 时间, but not 打印日期 or 截止时间) — then metadata, then
``<time>``, then the URL, then the first full date in the text: the label is what the page
shows a reader; metadata and ``<time>`` are often template defaults, the URL is coarse, and
the first bare date in the text may be anything.
"""
from __future__ import annotations

import re
from datetime import date

from selectolax.lexbor import LexborHTMLParser

from govlens.probes.extract.dates import date_from_url, find_date, parse_iso_datetime

_PUBLISHED_LABELS = (
    re.compile(r"(?:发布时间|发布日期|发文日期|成文日期|印发日期|公布日期|信息来源[^\n]{0,40}?时间)\s*[:：]?\s*"),
    # weaker labels; a date of printing, access, a deadline or an edit is not when the page was published
    re.compile(r"(?:更新时间|(?<![印问止改览办期截])(?:日期|时间))\s*[:：]?\s*"),
)
_LABEL_WORD = re.compile(r"[\s:：]+")
_PUBLISHED_META = frozenset({"pubdate", "publishdate", "publish_date", "published_time", "article:published_time",
                             "og:published_time", "og:release_date", "firstpublishedtime", "dcterms.issued",
                             "dc.date", "dc.date.issued", "dcterms.date", "createdate", "releasedate",
                             "articlepubdate", "date", "publishtime", "publish-date"})


def published(tree: LexborHTMLParser, metas: dict[str, str], times: list[str], url: str) -> tuple[date | None, str | None]:
    """The publication date and where it was read (``text:发布时间``, ``meta:pubdate``, ``time``,
    ``url``, ``text:first date``), or (None, None)."""
    body = tree.body
    text = body.text(deep=True, separator=" ")[:30000] if body is not None else ""
    for label in _PUBLISHED_LABELS:
        for m in label.finditer(text):
            found = find_date(text[m.end():m.end() + 40], None, year_less=False)
            if found:
                return found[0], "text:" + _LABEL_WORD.sub("", m.group(0))[:20]
    for key, value in metas.items():
        if key in _PUBLISHED_META or "pubdate" in key or "publishdate" in key:
            d = parse_iso_datetime(value)
            if d:
                return d, f"meta:{key[:40]}"
    for value in times:
        d = parse_iso_datetime(value)
        if d:
            return d, "time"
    d = date_from_url(url)
    if d:
        return d, "url"
    found = find_date(text, None, year_less=False)
    return (found[0], "text:first date") if found else (None, None)
