"""The foreign-language edition probe (外文版, series 7): find a Chinese site's editions and read them.

Lifecycle (:mod:`govlens.probes.base`): ``prepare`` accepts platforms of kind ``foreign_site`` (whose URL
is the Chinese site, as evaluators list them); ``probe``:

a. fetches the Chinese homepage: its newest dated item (the freshness the edition is compared with,
   read by :func:`govlens.probes.extract.html.extract_page`) and its candidate editions — links whose
   text names a language (``English``, ``EN``, ``英文版`` … from ``FOREIGN_LEXICON_FILE``), ``hreflang``
   alternates (``<link>`` and ``<a>``), language switchers (``<select>`` options); when it offers none,
   the lexicon's usual paths (``/english/``, ``/en/`` …) on its host;
b. fetches each candidate (at most ``FOREIGN_MAX_EDITIONS``) and identifies its language
   (:mod:`govlens.probes.extract.foreign_site_page`, py3langid restricted to ``FOREIGN_LANGUAGES``): an edition is a
   candidate that answers with a page in a language other than Chinese;
c. reads the main edition (English when there is one) as a visitor would: its homepage, the pages
   its links reach inside the edition (sections), and the first ``FOREIGN_ARTICLES_PER_LIST`` dated
   items of every list, at most ``FOREIGN_MAX_PAGES`` pages.

Observations (``docs/observations.md``): one ``edition_discovery`` at the registry URL, one
``edition_page`` per page of the main edition. It never scores.
"""
from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from govlens.contract.observation import COMPLETED, Observation
from govlens.probes.base import Probe, ProbeContext
from govlens.probes.extract.foreign_site_page import Lexicon, load_lexicon, page_facts
from govlens.probes.extract.html import HOME, extract_page
from govlens.registry.model import Platform

NAME = "foreign_site"
CHINESE = "zh"
STRUCTURAL = ("email", "phone", "form")     # interaction features found by structure, not words


def candidates(html: str, base_url: str, lexicon: Lexicon) -> list[dict[str, Any]]:
    """Candidate editions a Chinese homepage offers: ``{url, lang, how, label}``, in page order, one per URL."""
    tree = LexborHTMLParser(html or "")
    out: list[dict[str, Any]] = []
    seen: set[str] = {base_url.split("#", 1)[0]}

    def add(href: str | None, lang: str | None, how: str, label: str) -> None:
        if not href or lang == CHINESE:
            return
        url = urljoin(base_url, href.strip()).split("#", 1)[0]
        if not url.startswith(("http://", "https://")) or url in seen:
            return
        seen.add(url)
        out.append({"url": url, "lang": lang, "how": how, "label": label[:60]})

    for node in tree.css("link[hreflang], a[hreflang]"):
        rel = (node.attributes.get("rel") or "alternate").lower()
        code = (node.attributes.get("hreflang") or "").split("-")[0].lower()
        if "alternate" in rel or node.tag == "a":
            add(node.attributes.get("href"), code or None, "hreflang", node.attributes.get("hreflang") or "")
    for a in tree.css("a[href]"):
        text = " ".join(a.text().split())
        lang = lexicon.language_of_label(text) or lexicon.language_of_label(a.attributes.get("title") or "")
        if lang is not None:
            add(a.attributes.get("href"), lang, "label", text)
    for option in tree.css("select option[value]"):
        text = " ".join(option.text().split())
        lang = lexicon.language_of_label(text)
        value = option.attributes.get("value") or ""
        if lang is not None and value.strip():
            add(value, lang, "switcher", text)
    return out


class ForeignSiteProbe(Probe):
    """One foreign_site platform at a time: discovery, then the main edition's pages."""

    name = NAME

    async def setup(self, ctx: ProbeContext) -> None:
        self.ctx = ctx
        s = ctx.settings
        self.lexicon = load_lexicon(s["FOREIGN_LEXICON_FILE"] or None)
        self.languages = tuple(dict.fromkeys([*s.getlist("FOREIGN_LANGUAGES"), CHINESE]))
        self.max_editions = max(1, s.getint("FOREIGN_MAX_EDITIONS"))
        self.max_pages = max(1, s.getint("FOREIGN_MAX_PAGES"))
        self.per_list = max(0, s.getint("FOREIGN_ARTICLES_PER_LIST"))

    def prepare(self, platform: Platform) -> bool:
        return platform.kind == "foreign_site" and platform.url.strip().startswith(("http://", "https://"))

    async def probe(self, platform: Platform) -> list[Observation]:
        assert self.ctx is not None, "setup() first"
        fetcher = self.ctx.fetcher
        url = platform.url.strip()
        home = await fetcher.fetch(url)
        data: dict[str, Any] = {"lexicon": {"services": sorted(self.lexicon.services),
                                            "interaction": sorted({*self.lexicon.interaction, *STRUCTURAL})},
                                "chinese_url": url, "chinese_final_url": home.final_url, "chinese_ok": False,
                                "chinese_newest": None, "chinese_items": 0, "candidates": [], "tried_paths": [],
                                "editions": [], "primary": None, "primary_lang": None, "error": home.error}
        out: list[Observation] = []
        if not home.ok or not home.is_html:
            out.append(self._obs(platform, "edition_discovery", url, home.status, home.http_status,
                                 home.elapsed_ms, data))
            return out
        text, _, _ = home.text()
        final = home.final_url or url
        page = extract_page(text, final, platform_host=(urlsplit(final).hostname or ""), role=HOME,
                            reference=self.ctx.check_date, max_links=400)
        dates = sorted(it["date"] for block in page.get("lists", []) for it in block.get("items", []) if it.get("date"))
        data.update(chinese_ok=True, chinese_newest=dates[-1] if dates else None, chinese_items=len(dates))
        found = candidates(text, final, self.lexicon)[: self.max_editions * 2]
        if not any(c["lang"] == "en" for c in found):       # no English offered: the usual paths
            origin = f"{urlsplit(final).scheme}://{urlsplit(final).netloc}"
            known = {c["url"] for c in found}
            found += [{"url": origin + p, "lang": None, "how": "path", "label": p} for p in self.lexicon.paths
                      if origin + p not in known]
            data["tried_paths"] = list(self.lexicon.paths)
        results = await asyncio.gather(*(fetcher.fetch(c["url"]) for c in found))
        editions: list[dict[str, Any]] = []
        pages: dict[str, dict[str, Any]] = {}
        for cand, r in zip(found, results):
            cand.update(status=r.status, http_status=r.http_status, final_url=r.final_url, detected=None,
                        confidence=0.0)
            if not (r.ok and r.is_html):
                continue
            facts = page_facts(r.text()[0], r.final_url or r.url, self.lexicon, self.languages, self.ctx.check_date)
            cand.update(detected=facts["lang"], confidence=facts["confidence"])
            if facts["lang"] and facts["lang"] != CHINESE and len(editions) < self.max_editions and \
                    all(e["url"] != (r.final_url or r.url) for e in editions):
                editions.append({"url": r.final_url or r.url, "lang": facts["lang"], "declared": cand["lang"],
                                 "how": cand["how"]})
                pages[r.final_url or r.url] = {"facts": facts, "result": r}
        data["candidates"] = found
        data["editions"] = editions
        primary = next((e for e in editions if e["lang"] == "en"), editions[0] if editions else None)
        if primary is not None:
            data.update(primary=primary["url"], primary_lang=primary["lang"])
        out.append(self._obs(platform, "edition_discovery", url, COMPLETED, home.http_status, home.elapsed_ms, data))
        if primary is not None:
            out += await self._read_edition(platform, primary, pages[primary["url"]])
        return out

    async def _read_edition(self, platform: Platform, edition: dict[str, Any],
                            first: dict[str, Any]) -> list[Observation]:
        """The edition's homepage, its sections and the first items of its lists."""
        assert self.ctx is not None
        home_url = edition["url"]
        scope = _scope(home_url)
        out = [self._page_obs(platform, "home", first["result"], first["facts"], edition, None)]
        seen = {home_url, first["result"].url}
        sections = []
        for link in first["facts"]["links"]:
            u = link["url"]
            if u not in seen and u.startswith(scope) and not link["date"]:
                seen.add(u)
                sections.append(u)
        budget = self.max_pages - 1
        sections = sections[:budget]
        fetched = await asyncio.gather(*(self.ctx.fetcher.fetch(u) for u in sections))
        lists: list[tuple[str, dict[str, Any]]] = [(home_url, first["facts"])]
        for r in fetched:
            facts = self._facts(r)
            out.append(self._page_obs(platform, "section", r, facts, edition, home_url))
            if facts is not None:
                lists.append((r.final_url or r.url, facts))
        budget -= len(sections)
        articles: list[tuple[str, str]] = []
        for src, facts in lists:
            taken = 0
            for item in facts["dated"]:
                if taken >= self.per_list or len(articles) >= budget:
                    break
                if item["url"] in seen or not item["url"].startswith(scope):
                    continue
                seen.add(item["url"])
                taken += 1
                articles.append((item["url"], src))
        fetched = await asyncio.gather(*(self.ctx.fetcher.fetch(u) for u, _ in articles))
        for r, (_, src) in zip(fetched, articles):
            out.append(self._page_obs(platform, "article", r, self._facts(r), edition, src))
        return out

    def _facts(self, r: Any) -> dict[str, Any] | None:
        if not (r.ok and r.is_html):
            return None
        assert self.ctx is not None
        return page_facts(r.text()[0], r.final_url or r.url, self.lexicon, self.languages, self.ctx.check_date)

    def _page_obs(self, platform: Platform, role: str, r: Any, facts: dict[str, Any] | None,
                  edition: dict[str, Any], from_url: str | None) -> Observation:
        data: dict[str, Any] = {"role": role, "edition": edition["url"], "edition_lang": edition["lang"],
                                "final_url": r.final_url or r.url, "from_url": from_url, "error": r.error}
        if facts is not None:
            data.update({k: v for k, v in facts.items() if k != "links"})
            data["links"] = len(facts["links"])
        status = r.status if facts is not None or not r.ok else "not_html"
        return self._obs(platform, "edition_page", r.url, status, r.http_status, r.elapsed_ms, data)

    @staticmethod
    def _obs(platform: Platform, kind: str, url: str, status: str, http_status: int | None,
             elapsed_ms: float | None, data: dict[str, Any]) -> Observation:
        return Observation(platform_id=platform.id, probe=NAME, kind=kind, url=url, status=status,
                           http_status=http_status, elapsed_ms=elapsed_ms, data=data)


def _scope(home_url: str) -> str:
    """The URL prefix of an edition: its homepage's folder (``…/english/``) or its host (``english.…/``)."""
    parts = urlsplit(home_url)
    path = parts.path or "/"
    folder = path if path.endswith("/") else path.rsplit("/", 1)[0] + "/"
    return f"{parts.scheme}://{parts.netloc}{folder}"
