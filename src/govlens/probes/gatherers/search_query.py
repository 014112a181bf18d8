"""The site-search probe: submit a real query through the homepage's search form, read the count back.

A search form that is present but finds nothing is as useless as no form; the 2019
indicators ask for a search that works. The probe follows the HTTP site probe (it reads the
homepage's ``search_forms`` and the titles of the items the crawl saw) and writes one
``search`` observation per site with a search form:

``{"form_action", "method", "query", "titles_with_query", "result_count", "count_source",
"count_text", "error"}``

- *the query* is a word the site itself uses: the most frequent run of 4 (else 2) Chinese
  characters across the titles of the homepage and column lists, appearing in at least two
  titles; ``titles_with_query`` says in how many titles it was seen.
- *the count* is read from what result pages say ("共找到12条结果", "共 12 条", "检索到12条记录",
  "未找到" → 0), else counted from the result list (``count_source`` says which).

Why by hand: no library submits arbitrary HTML forms for a headless scanner; the form
fields come from the page extraction (``query_input`` and hidden inputs are kept).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser

from govlens.contract.observation import COMPLETED, Observation
from govlens.probes.base import FollowUpProbe, ProbeContext, earlier_homepage, earlier_pages
from govlens.probes.extract.html import COLUMN, extract_page
from govlens.registry.model import Platform

NAME = "search_query"
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
_COUNT = (
    re.compile(r"(?:共|总共|一共)\s*(?:找到|检索到|搜索到|查询到|有)?\s*([\d,]+)\s*(?:条|个|篇|项)"),
    re.compile(r"(?:找到|检索到|搜索到|查询到)\s*(?:相关)?\s*(?:结果|信息|记录|内容)?\s*(?:约|共)?\s*([\d,]+)\s*(?:条|个|篇|项)"),
    re.compile(r"([\d,]+)\s*(?:条|个)\s*(?:结果|记录|相关)"),
)
_NONE_FOUND = re.compile(r"(?:未|没有)(?:找到|检索到|搜索到|查询到)|无(?:相关)?(?:结果|记录|信息)|暂无(?:相关)?(?:结果|信息)")
# words too general to test a search: they say nothing about whether the index works
_STOP = frozenset({"关于", "工作", "开展", "进一步", "通知", "公告", "召开", "会议", "情况", "有关", "举办"})


def pick_query(titles: Sequence[str], exclude: str = "") -> tuple[str | None, int]:
    """The most frequent 4-, else 2-character Chinese word in ``titles`` (≥ 2 titles), and its title count."""
    for size in (4, 2):
        counts: Counter[str] = Counter()
        for title in titles:
            grams = set()
            for run in _HAN_RUN.findall(title):
                grams.update(run[i:i + size] for i in range(len(run) - size + 1))
            counts.update(g for g in grams if g not in _STOP and g not in exclude and not any(w in g for w in _STOP))
        best = sorted(((n, g) for g, n in counts.items() if n >= 2), key=lambda x: (-x[0], x[1]))
        if best:
            return best[0][1], best[0][0]
    return None, 0


def read_count(text: str, result_items: int) -> tuple[int, str, str]:
    """(count, source, the text it was read from) of a search result page."""
    for pattern in _COUNT:
        m = pattern.search(text)
        if m:
            return int(m.group(1).replace(",", "")), "stated", m.group(0)
    m = _NONE_FOUND.search(text)
    if m:
        return 0, "stated", m.group(0)
    return result_items, "counted", ""


def _titles(earlier: Sequence[Observation]) -> list[str]:
    out: list[str] = []
    for o in earlier_pages(earlier):
        data = o.data or {}
        for block in data.get("lists") or []:
            out += [i.get("title") or "" for i in block.get("items") or []]
        out += [i.get("title") or "" for i in data.get("items") or []]
    return [t for t in out if t]


class SearchQueryProbe(FollowUpProbe):
    """Follows ``http_site``: one query per site that has a search form."""

    name = NAME

    async def setup(self, ctx: ProbeContext) -> None:
        self.ctx = ctx

    def prepare(self, platform: Platform) -> bool:
        return platform.kind in ("website", "column", "foreign_site", "cn_domain", "mobile_portal", "")

    async def follow_up(self, platform: Platform, earlier: Sequence[Observation]) -> list[Observation]:
        assert self.ctx is not None, "setup() first"
        home = earlier_homepage(earlier)
        forms = (home.data or {}).get("search_forms") if home is not None else None
        forms = [f for f in forms or [] if isinstance(f, dict) and f.get("action")]   # a formless box runs a script
        if home is None or not forms:
            return []
        form = forms[0]
        titles = _titles(earlier)
        exclude = platform.name or ""
        query, in_titles = pick_query(titles, exclude)
        data: dict[str, Any] = {"form_action": form.get("action"), "method": form.get("method") or "get",
                                "query": query, "titles_with_query": in_titles, "result_count": None,
                                "count_source": None, "count_text": "", "error": None}
        if query is None:
            data["error"] = "no word occurs in two titles of the site: nothing to search for"
            return [Observation(platform_id=platform.id, probe=NAME, kind="search", url=form.get("action") or "",
                                status=COMPLETED, data=data)]
        url, body = _request(form, query)
        if (form.get("method") or "get") == "post" and body is not None:
            data["error"] = "POST search forms are not submitted (state-changing requests are avoided)"
            return [Observation(platform_id=platform.id, probe=NAME, kind="search", url=url, status=COMPLETED,
                                data=data)]
        r = await self.ctx.fetcher.fetch(url)
        if r.ok and r.is_html:
            text, _, _ = r.text()
            page = extract_page(text, r.final_url or url, platform_host=platform.host or "", role=COLUMN,
                                reference=self.ctx.check_date)
            count, source, said = read_count(_visible(text), len(page.get("items") or []))
            data.update(result_count=count, count_source=source, count_text=said[:80])
        else:
            data["error"] = r.error or r.status
        return [Observation(platform_id=platform.id, probe=NAME, kind="search", url=url, status=r.status,
                            http_status=r.http_status, elapsed_ms=r.elapsed_ms, data=data)]


def _request(form: dict[str, Any], query: str) -> tuple[str, dict[str, str] | None]:
    """The GET URL of the form filled with ``query`` (and the body a POST form would send)."""
    fields = dict(form.get("hidden") or {})
    name = form.get("query_input") or next(iter(form.get("inputs") or []), None) or "q"
    fields[name] = query
    action = form.get("action") or ""
    parts = urlsplit(action)
    query_string = urlencode(fields)
    if (form.get("method") or "get") == "post":
        return action, fields
    merged = f"{parts.query}&{query_string}" if parts.query else query_string
    return urlunsplit((parts.scheme, parts.netloc, parts.path, merged, "")), None


def _visible(html: str) -> str:
    """The page's body text (enough to read a stated count)."""
    body = LexborHTMLParser(html).body
    return " ".join((body.text(deep=True, separator=" ") if body is not None else "").split())[:50_000]
