"""The featured-column probe (特色栏目, series 2): a column's list, its items, its query and message forms.

A platform of kind ``column`` is a site plus a column path; its registry URL is the column's
first list page. Within ``COLUMN_MAX_LIST_PAGES`` list pages and ``COLUMN_SAMPLE_ITEMS`` items:

1. reads the list pages, following the pager (下一页, 下页, 后页 or ``index_N.html``), with the page
   extraction every probe uses (items with their dates);
2. fetches a sample of items spread evenly over the list and measures each item's text: the
   characters of its paragraphs (``<p>``), the depth the seed asks of a column;
3. finds the column's functions on its first page: *query forms* (the forms the extraction
   recognises as search-like: a text field and a 查询 / 搜索 / 检索 action) and *message forms*
   (a ``textarea``); submits one query through the first query form with a word the column's
   own titles use (the site-search probe's ``pick_query`` and ``read_count``), GET forms only.

One observation, kind ``column``, per column (``docs/observations.md``). The probe never judges.
Why by hand: a column is a page family no crawler library models; the pieces are the project's
own page extraction and search-form handling.
"""
from __future__ import annotations

import asyncio
import re
from typing import Any
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from govlens.contract.observation import COMPLETED, Observation
from govlens.probes.base import Probe, ProbeContext
from govlens.probes.extract.html import COLUMN, extract_page
from govlens.probes.gatherers.search_query import _request, _visible, pick_query, read_count
from govlens.registry.model import Platform

NAME = "column"
NEXT = re.compile(r"^\s*(下一页|下页|后页|下一頁|>|›|»)\s*$")
MAX_ITEMS_KEPT = 300


def paragraph_chars(html: str) -> int:
    """Characters of text in the page's paragraphs (navigation and footers are rarely ``<p>``)."""
    tree = LexborHTMLParser(html)
    return sum(len("".join((p.text(deep=True) or "").split())) for p in tree.css("p"))


def _message_forms(html: str) -> int:
    tree = LexborHTMLParser(html)
    return sum(1 for form in tree.css("form") if form.css_first("textarea") is not None)


class ColumnProbe(Probe):
    """One featured column at a time: list pages, a sample of items, its forms."""

    name = NAME

    async def setup(self, ctx: ProbeContext) -> None:
        self.ctx = ctx
        self.max_pages = ctx.settings.getint("COLUMN_MAX_LIST_PAGES")
        self.sample = ctx.settings.getint("COLUMN_SAMPLE_ITEMS")

    def prepare(self, platform: Platform) -> bool:
        return platform.kind == "column" and platform.url.startswith(("http://", "https://"))

    async def probe(self, platform: Platform) -> list[Observation]:
        assert self.ctx is not None, "setup() first"
        fetch = self.ctx.fetcher.fetch
        url = platform.url.strip()
        first = await fetch(url)
        data: dict[str, Any] = {"list_pages": 0, "items_listed": 0, "items": [], "title": None, "sample": [],
                                "query_forms": 0, "message_forms": 0, "query": None, "error": None}
        if not (first.ok and first.is_html):
            data["error"] = first.error or ("not HTML" if first.ok else first.status)
            return [Observation(platform_id=platform.id, probe=NAME, kind="column", url=url, status=first.status,
                                http_status=first.http_status, elapsed_ms=first.elapsed_ms, data=data)]
        host = platform.host
        items: dict[str, dict[str, Any]] = {}
        page_result, page_url, seen = first, first.final_url or url, {url}
        page1: dict[str, Any] = {}
        text1 = ""
        while True:
            text, _, _ = page_result.text()
            page = extract_page(text, page_url, platform_host=host, role=COLUMN, reference=self.ctx.check_date)
            if not page1:
                page1, text1 = page, text
            data["list_pages"] += 1
            for it in page.get("items") or []:
                if it.get("url"):
                    items.setdefault(it["url"], {"title": it.get("title") or "", "url": it["url"],
                                                 "date": it.get("date")})
            nxt = next((link["url"] for link in page.get("links") or []
                        if link.get("internal") and NEXT.match(link.get("text") or "") and link["url"] not in seen),
                       None)
            if nxt is None or data["list_pages"] >= self.max_pages:
                break
            seen.add(nxt)
            page_result = await fetch(nxt)
            if not (page_result.ok and page_result.is_html):
                break
            page_url = page_result.final_url or nxt
        listed = list(items.values())
        data.update(items_listed=len(listed), items=listed[:MAX_ITEMS_KEPT], title=page1.get("column_title")
                    or page1.get("title"))
        # a sample of items, spread evenly over the list, measured for their text
        if listed and self.sample > 0:
            step = max(1, len(listed) // self.sample)
            picked = listed[::step][: self.sample]
            results = await asyncio.gather(*(fetch(it["url"]) for it in picked))
            for it, r in zip(picked, results):
                chars = paragraph_chars(r.text()[0]) if r.ok and r.is_html else None
                data["sample"].append({"url": it["url"], "status": r.status, "http_status": r.http_status,
                                       "chars": chars})
        # functions: query forms (tested with a word of the column's titles) and message forms
        forms = page1.get("search_forms") or []
        data["query_forms"] = len(forms)
        data["message_forms"] = _message_forms(text1)
        submittable = [f for f in forms if f.get("action")]      # a formless box runs a script: not submitted
        if submittable:
            data["query"] = await self._query(submittable[0], [it["title"] for it in listed], platform)
        return [Observation(platform_id=platform.id, probe=NAME, kind="column", url=url, status=COMPLETED,
                            http_status=first.http_status, elapsed_ms=first.elapsed_ms, data=data)]

    async def _query(self, form: dict[str, Any], titles: list[str], platform: Platform) -> dict[str, Any]:
        assert self.ctx is not None
        exclude = platform.name or ""
        word, in_titles = pick_query(titles, exclude)
        out: dict[str, Any] = {"form_action": form.get("action"), "method": form.get("method") or "get",
                               "query": word, "titles_with_query": in_titles, "url": None, "status": None,
                               "http_status": None, "result_count": None, "count_source": None, "count_text": "",
                               "error": None}
        if word is None:
            out["error"] = "no word occurs in two titles of the column: nothing to ask"
            return out
        url, body = _request(form, word)
        out["url"] = url
        if body is not None:
            out["error"] = "POST query forms are not submitted"
            return out
        r = await self.ctx.fetcher.fetch(url)
        out.update(status=r.status, http_status=r.http_status)
        if r.ok and r.is_html:
            text, _, _ = r.text()
            page = extract_page(text, r.final_url or url, platform_host=urlsplit(url).hostname or platform.host,
                                role=COLUMN, reference=self.ctx.check_date)
            count, source, said = read_count(_visible(text), len(page.get("items") or []))
            out.update(result_count=count, count_source=source, count_text=said[:80])
        else:
            out["error"] = r.error or r.status
        return out
