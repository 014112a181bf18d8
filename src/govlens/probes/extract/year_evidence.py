"""The year of a list date shown without one (``[12-08]``, ``03-15``), from the page's own evidence.

Anchoring a year-less date to the check date makes a page left untouched for years look
fresh: on 2026-12-20 a ``[12-08]`` item of 2017 reads as twelve days old. What the page
itself says is better evidence, in this order:

1. the item's own URL: CMS upload paths carry the date (``/201711/t20171108_1.html``,
   ``/art/2017/11/8/``); the year whose date is closest to the URL's date wins;
2. a year in the item's title (``2017年第二期``), when that date is not after the anchor;
3. otherwise the list order: lists are newest first, so walking down a list a date that
   would be newer than the one above it belongs to the year before (``09-15, 05-11, 12-21``
   are 2017-09-15, 2017-05-11, 2016-12-21 when checked in June 2018).

The first item of a list is anchored to the page's "as of" date: HTTP ``Last-Modified``
when known; else, when every dated fact of the page (full dates, dates in item URLs, the
copyright year) is older than ``STALE_EVIDENCE_DAYS`` before the check date, the end of
the newest evidenced year (the page shows nothing later); else the check date.

Every such item keeps ``year_inferred: true`` and ``year_source`` (``url``, ``title``,
``list order``, ``last-modified``, ``page evidence YYYY``, ``check date``) so a finding can
say the year is only inferred. Hand-written: no library reads CMS URL conventions.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

from govlens.probes.extract.dates import date_from_url

STALE_EVIDENCE_DAYS = 60
_UPLOAD_MONTH = re.compile(r"/((?:19|20)\d{2})(0[1-9]|1[0-2])/")
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|版权所有|copyright)[^0-9]{0,20}?(?:(?:19|20)\d{2}\s*[-–—~至]\s*)?((?:19|20)\d{2})",
                        re.I)


def http_date(value: str | None) -> date | None:
    """The date of an HTTP date header (``Last-Modified``), or None when absent or malformed."""
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def copyright_year(text: str) -> int | None:
    """The (last) year of the page's copyright line, or None."""
    years = [int(m.group(1)) for m in _COPYRIGHT.finditer(text or "")]
    return max(years) if years else None


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _latest_not_after(month: int, day: int, limit: date) -> date | None:
    for year in range(limit.year, limit.year - 5, -1):
        d = _make(year, month, day)
        if d is not None and d <= limit:
            return d
    return None


def url_evidence(url: str | None) -> date | None:
    """The date an item's URL carries (full date, else the first of an upload month)."""
    if not url:
        return None
    d = date_from_url(url)
    if d:
        return d
    m = _UPLOAD_MONTH.search(url)
    return _make(int(m.group(1)), int(m.group(2)), 1) if m else None


def _from_url(month: int, day: int, evidence: date) -> date | None:
    options = [d for y in (evidence.year - 1, evidence.year, evidence.year + 1) if (d := _make(y, month, day))]
    best = min(options, key=lambda d: abs((d - evidence).days), default=None)
    return best if best is not None and abs((best - evidence).days) <= 62 else None


def page_anchor(items: list[dict[str, Any]], reference: date, *, last_modified: date | None = None,
                copyright: int | None = None) -> tuple[date, str]:
    """The date the page's year-less list dates are read against, and why (see module docstring)."""
    limit = reference + timedelta(days=1)
    if last_modified is not None:
        return min(last_modified, limit), "last-modified"
    evidence = [d for i in items if "_md" not in i and not i.get("year_inferred") and (d := _as_date(i.get("date")))]
    evidence += [d for i in items if (d := url_evidence(i.get("url")))]
    if copyright:
        evidence.append(date(copyright, 12, 31))
    evidence = [d for d in evidence if d <= limit]
    if evidence:
        newest = max(evidence)
        if (reference - newest).days > STALE_EVIDENCE_DAYS:
            return min(date(newest.year, 12, 31), limit), f"page evidence {newest.year}"
    return limit, "check date"


def _as_date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def assign_years(lists: list[list[dict[str, Any]]], anchor: date, anchor_source: str) -> None:
    """Date every year-less item of each list in place (items carry ``_md``: (month, day))."""
    for items in lists:
        above: date | None = None
        for item in items:
            md = item.pop("_md", None)
            if md is None:
                d = _as_date(item.get("date"))
                if d is not None:
                    above = d if above is None or d <= above else above
                continue
            month, day = md
            found, source = None, ""
            ev = url_evidence(item.get("url"))
            if ev is not None:
                found, source = _from_url(month, day, ev), "url"
            if found is None:
                m = _TITLE_YEAR.search(item.get("title") or "")
                cand = _make(int(m.group(1)), month, day) if m else None
                if cand is not None and cand <= anchor:
                    found, source = cand, "title"
            if found is None:
                limit = anchor if above is None else min(anchor, above)
                found = _latest_not_after(month, day, limit)
                source = anchor_source if above is None or found == _latest_not_after(month, day, anchor) \
                    else "list order"
            if found is None:
                item["date"] = None
                continue
            item["date"] = found.isoformat()
            item["year_inferred"] = True
            item["year_source"] = source
            above = found if above is None or found <= above else above
