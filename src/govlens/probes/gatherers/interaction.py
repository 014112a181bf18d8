"""The interaction probe (互动交流): the consultation channel and the letters a site publishes.

The census vetoes "poor interaction": a message left unanswered for more than 3 months, or
no working consultation channel. The probe follows the HTTP site probe and, within
``INTERACTION_MAX_PAGES`` pages and ``INTERACTION_MAX_LETTERS`` letters:

1. finds *channel entries*: internal links of the homepage and the crawled pages whose text
   names a mailbox or consultation (领导信箱, 市长信箱, 我要写信, 咨询, 留言 …);
2. fetches them and, on each, notes a *letter form* (a form with a ``textarea``) and
   *letter lists* (links named 信件公开, 来信选登, 咨询回复 …, or the entry page itself when it
   lists dated items);
3. fetches the letters of the lists and reads, by their labels, the date asked (来信时间,
   提问时间, 留言时间 …) and the date answered (回复时间, 答复时间 …).

Observations: one ``interaction`` per site ``{"entries", "forms", "lists", "letters_listed",
"letters_read"}`` and one ``letter`` per letter read ``{"title", "asked", "replied",
"reply_days", "state", "list_url"}``. A page that has no asked-date label is not a letter
(e.g. an article of a mailbox *column*) and is not recorded as one. The probe never judges:
3 months and the veto are the indicators'.

Why by hand: letter pages are free-form HTML with labels; the label patterns below are what
Chinese government mailboxes write, and no library knows them.
"""
from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from govlens.contract.observation import COMPLETED, Observation
from govlens.probes.base import FollowUpProbe, ProbeContext, earlier_pages
from govlens.probes.extract.dates import find_date, iso
from govlens.probes.extract.html import COLUMN, extract_page, site_host, url_host
from govlens.registry.model import Platform

NAME = "interaction"
ENTRY_WORDS = re.compile(r"信箱|写信|来信|信件|咨询|留言|互动交流|网上信访|投诉|建议|政民互动|问政")
LIST_WORDS = re.compile(r"信件公开|来信选登|信件选登|来信公开|咨询回复|留言选登|办理结果|答复公开|回复选登|信件查询|公开信件")
ASKED = re.compile(r"(?:来信|提问|留言|咨询|写信|投诉|提交)(?:时间|日期)\s*[:：]?\s*")
REPLIED = re.compile(r"(?:回复|答复|办结|处理)(?:时间|日期)\s*[:：]?\s*")
MAX_LABEL = 10       # a navigation label, not an article title that happens to say 咨询
PENDING = re.compile(r"办理中|处理中|待回复|未回复|尚未答复|正在办理")


def letter_dates(text: str) -> tuple[date | None, date | None, str]:
    """(asked, replied, state) read from a letter page's text by their labels."""
    asked = replied = None
    m = ASKED.search(text)
    if m:
        found = find_date(text[m.end():m.end() + 40], None, year_less=False)
        asked = found[0] if found else None
    m = REPLIED.search(text)
    if m:
        found = find_date(text[m.end():m.end() + 40], None, year_less=False)
        replied = found[0] if found else None
    state = "replied" if replied else "pending" if PENDING.search(text) else "unknown"
    return asked, replied, state


class InteractionProbe(FollowUpProbe):
    """Follows ``http_site``: the consultation channel and published letters of one site."""

    name = NAME

    async def setup(self, ctx: ProbeContext) -> None:
        self.ctx = ctx
        self.max_pages = ctx.settings.getint("INTERACTION_MAX_PAGES")
        self.max_letters = ctx.settings.getint("INTERACTION_MAX_LETTERS")

    def prepare(self, platform: Platform) -> bool:
        return platform.kind in ("website", "")

    async def follow_up(self, platform: Platform, earlier: Sequence[Observation]) -> list[Observation]:
        assert self.ctx is not None, "setup() first"
        pages = earlier_pages(earlier)
        if not any((p.data or {}).get("role") == "home" for p in pages):
            return []                       # the site never loaded: nothing to look for
        hosts = {site_host(url_host((p.data or {}).get("final_url") or p.url)) for p in pages}
        fetch = self.ctx.fetcher.fetch
        entries = _links(pages, ENTRY_WORDS, hosts)[: self.max_pages]
        summary: dict[str, Any] = {"entries": entries, "forms": [], "lists": [], "letters_listed": 0,
                                   "letters_read": 0}
        lists: list[str] = []
        named: list[tuple[str, str]] = []        # (letter url, list url) from lists named as letter lists
        other: list[tuple[str, str]] = []        # ... from mailbox entry pages that list items themselves
        more: list[str] = []
        for r in await asyncio.gather(*(fetch(u) for u in entries)):
            page = self._read(r, hosts, summary)
            if page is None:
                continue
            more += [link["url"] for link in page.get("links") or []
                     if link.get("internal") and LIST_WORDS.search(link.get("text") or "")]
            if page.get("items") and ENTRY_WORDS.search(page.get("column_title") or ""):
                lists.append(page["url"])
                other += [(i["url"], page["url"]) for i in page["items"] if i.get("url")]
        more = [u for u in dict.fromkeys(more) if u not in lists][: self.max_pages]
        for r in await asyncio.gather(*(fetch(u) for u in more)):
            page = self._read(r, hosts, summary)
            if page is not None and page.get("items"):
                lists.append(page["url"])
                named += [(i["url"], page["url"]) for i in page["items"] if i.get("url")]
        summary["lists"] = list(dict.fromkeys(lists))
        summary["forms"] = list(dict.fromkeys(summary["forms"]))
        candidates = named or other       # a mailbox column's articles only when no letter list exists
        seen: dict[str, str] = {}
        for letter_url, list_url in candidates:
            if site_host(url_host(letter_url)) in hosts:
                seen.setdefault(letter_url, list_url)
        summary["letters_listed"] = len(seen)
        chosen = list(seen.items())[: self.max_letters]
        out: list[Observation] = []
        for (letter_url, list_url), r in zip(chosen, await asyncio.gather(*(fetch(u) for u, _ in chosen))):
            if not (r.ok and r.is_html):
                continue
            text, _, _ = r.text()
            tree = LexborHTMLParser(text)
            body = tree.body
            plain = " ".join((body.text(deep=True, separator=" ") if body is not None else "").split())
            asked, replied, state = letter_dates(plain)
            if asked is None:
                continue                      # not a letter (an article of a mailbox column, a notice …)
            title = tree.css_first("h1")
            out.append(Observation(
                platform_id=platform.id, probe=NAME, kind="letter", url=letter_url, status=COMPLETED,
                http_status=r.http_status, elapsed_ms=r.elapsed_ms,
                data={"title": " ".join((title.text() if title is not None else "").split())[:80],
                      "asked": iso(asked), "replied": iso(replied),
                      "reply_days": (replied - asked).days if asked and replied else None,
                      "state": state, "list_url": list_url}))
        summary["letters_read"] = len(out)
        home_url = next(p for p in pages if (p.data or {}).get("role") == "home")
        return [Observation(platform_id=platform.id, probe=NAME, kind="interaction",
                            url=(home_url.data or {}).get("final_url") or home_url.url, status=COMPLETED,
                            data=summary)] + out


    def _read(self, r: Any, hosts: set[str], summary: dict[str, Any]) -> dict[str, Any] | None:
        """A fetched channel page as a column-role page payload (with its ``url``); notes letter forms."""
        if not (r.ok and r.is_html):
            return None
        text, _, _ = r.text()
        url = r.final_url or r.url
        if _has_letter_form(text):
            summary["forms"].append(url)
        page = extract_page(text, url, platform_host=hosts, role=COLUMN, reference=self.ctx.check_date)
        page["url"] = url
        return page


def _links(pages: Sequence[Observation], words: re.Pattern[str], hosts: set[str]) -> list[str]:
    """Internal links of ``pages`` labelled with ``words`` (short labels, not article titles), homepage first."""
    out: dict[str, None] = {}
    for p in pages:
        for link in (p.data or {}).get("links") or []:
            url = link.get("url") or ""
            text = link.get("text") or ""
            if link.get("internal") and len(text) <= MAX_LABEL and words.search(text) \
                    and site_host(url_host(url)) in hosts:
                out.setdefault(url, None)
    return list(out)


def _has_letter_form(html: str) -> bool:
    """A form with a text area: where a citizen writes a letter or a question."""
    tree = LexborHTMLParser(html)
    return any(form.css_first("textarea") is not None for form in tree.css("form"))
