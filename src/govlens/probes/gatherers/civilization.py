"""The civilization probe (文明传播, series 6): which topics of 文明传播 a 文明网's pages speak of.

A follow-up probe: it starts from the pages the ``http_site`` probe crawled for the same platform
(homepage, column lists, sampled articles), fetches them again and reads their text (links to other
sites left out: a 友情链接 names another site's subject, not this one's), and counts the
pages on which each topic of ``CIVILIZATION_TOPICS_FILE`` (the shipped ``civilization_topics.yaml``
when empty) is spoken of — one Aho-Corasick automaton over every word of every topic (pyahocorasick,
as the wording check). It runs for websites of the registry groups in ``CIVILIZATION_GROUPS``
(``*``: every website), so a national scan fetches nothing twice for the other sites.

One ``civilization_topics`` observation per platform, at its registry URL
(``docs/observations.md``): pages read, and per topic the pages speaking of it, the words seen and an
example page. It never scores.
"""
from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import ahocorasick
from selectolax.lexbor import LexborHTMLParser

from govlens import messages
from govlens.contract.observation import COMPLETED, Observation
from govlens.errors import ConfigError
from govlens.probes.base import FollowUpProbe, ProbeContext, earlier_pages
from govlens.probes.extract.html import site_host
from govlens.registry.model import Platform
from govlens.yamlfile import parse_yaml, read_word_list

NAME = "civilization"
HOMEPAGE_TRIES = 3            # a homepage that fails (outages answer every other request) is asked again


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    core: bool
    words: tuple[str, ...]


class TopicLexicon:
    """The topics and one automaton over all their words."""

    def __init__(self, topics: Sequence[Topic], source: str = "") -> None:
        self.topics = tuple(topics)
        self.source = source
        self.automaton = ahocorasick.Automaton()
        for t in self.topics:
            for w in t.words:
                self.automaton.add_word(w, (t.id, w))
        self.automaton.make_automaton()

    def scan(self, text: str) -> dict[str, dict[str, int]]:
        """topic id → word → occurrences in ``text``."""
        out: dict[str, dict[str, int]] = {}
        if not text:
            return out
        for _, (tid, word) in self.automaton.iter(text):
            words = out.setdefault(tid, {})
            words[word] = words.get(word, 0) + 1
        return out


def load_topics(path: str | Path | None = None) -> TopicLexicon:
    """The topic lexicon of ``path`` (the shipped one when empty); a bad file raises ConfigError naming it."""
    text, source = read_word_list(path, "civilization_topics.yaml", package=__package__,
                                  setting="CIVILIZATION_TOPICS_FILE", what="the topic lexicon")
    return _parse(text, source)


@lru_cache(maxsize=8)
def _parse(text: str, source: str) -> TopicLexicon:
    doc = parse_yaml(text, source)
    raw = doc.get("topics") if isinstance(doc, dict) else None
    if not isinstance(raw, list) or not raw:
        raise ConfigError(messages.t("lexicon.topics"), file=source, field="topics")
    topics: list[Topic] = []
    seen: set[str] = set()
    for i, t in enumerate(raw):
        where = f"topics[{i}]"
        if not isinstance(t, dict):
            raise ConfigError(messages.t("lexicon.topic"), file=source, field=where)
        tid = t.get("id")
        if not isinstance(tid, str) or not tid.strip():
            raise ConfigError(messages.t("lexicon.missing_id"), file=source, field=f"{where}.id")
        if tid in seen:
            raise ConfigError(messages.t("lexicon.duplicate_topic", value=tid), file=source, field=f"{where}.id")
        seen.add(tid)
        words = t.get("words")
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise ConfigError(messages.t("lexicon.words"), file=source, field=f"{where}.words")
        core = t.get("core", False)
        if not isinstance(core, bool):
            raise ConfigError(messages.t("lexicon.boolean"), file=source, field=f"{where}.core")
        topics.append(Topic(id=tid.strip(), title=str(t.get("title") or tid).strip(), core=core,
                            words=tuple(w.strip() for w in words)))
    return TopicLexicon(topics, source)


def page_text(html: str, url: str = "") -> str:
    """The visible text of a page: scripts and styles left out, and links to other sites (友情链接 name other
    sites, whose subjects are not this site's), when the page's ``url`` is given."""
    tree = LexborHTMLParser(html or "")
    for node in tree.css("script, style, noscript, template"):
        node.decompose()
    own = site_host(urlsplit(url).hostname or "") if url else ""
    if own:
        for a in tree.css("a[href]"):
            target = urljoin(url, (a.attributes.get("href") or "").strip())
            host = site_host(urlsplit(target).hostname or "")
            if target.startswith(("http://", "https://")) and host and host != own:
                a.decompose()
    body = tree.body
    return " ".join((body.text(separator=" ") if body is not None else "").split())


class CivilizationProbe(FollowUpProbe):
    """The topics a 文明网's crawled pages speak of."""

    name = NAME

    async def setup(self, ctx: ProbeContext) -> None:
        self.ctx = ctx
        self.lexicon = load_topics(ctx.settings["CIVILIZATION_TOPICS_FILE"] or None)
        self.groups = frozenset(ctx.settings.getlist("CIVILIZATION_GROUPS"))
        self.max_pages = max(1, ctx.settings.getint("CIVILIZATION_MAX_PAGES"))

    def prepare(self, platform: Platform) -> bool:
        return platform.kind == "website" and ("*" in self.groups or platform.group in self.groups)

    async def follow_up(self, platform: Platform, earlier: Sequence[Observation]) -> list[Observation]:
        assert self.ctx is not None, "setup() first"
        pages = earlier_pages(earlier)
        urls = list(dict.fromkeys((o.data or {}).get("final_url") or o.url for o in pages))[: self.max_pages]
        if not urls:            # nothing was crawled: the homepage, once more
            urls = [platform.url.strip()]
        results = await asyncio.gather(*(self._fetch(u, first=i == 0) for i, u in enumerate(urls)))
        topics: dict[str, dict[str, Any]] = {t.id: {"pages": 0, "words": {}, "example": None}
                                             for t in self.lexicon.topics}
        read, failed, with_topic = 0, 0, 0
        status = COMPLETED
        for url, r in zip(urls, results):
            if not (r.ok and r.is_html):
                failed += 1
                continue
            read += 1
            hits = self.lexicon.scan(page_text(r.text()[0], r.final_url or url))
            with_topic += bool(hits)
            for tid, words in hits.items():
                entry = topics[tid]
                entry["pages"] += 1
                entry["example"] = entry["example"] or url
                for w, n in words.items():
                    entry["words"][w] = entry["words"].get(w, 0) + n
        if not read:
            status = results[0].status if results else "connection_error"
        data = {"pages": read, "failed": failed, "pages_with_topic": with_topic, "topics": topics,
                "core": [t.id for t in self.lexicon.topics if t.core],
                "titles": {t.id: t.title for t in self.lexicon.topics}, "lexicon": self.lexicon.source}
        return [Observation(platform_id=platform.id, probe=NAME, kind="civilization_topics", url=platform.url,
                            status=status, data=data)]

    async def _fetch(self, url: str, *, first: bool) -> Any:
        assert self.ctx is not None
        r = await self.ctx.fetcher.fetch(url)
        tries = 1
        while first and not r.ok and tries < HOMEPAGE_TRIES:
            tries += 1
            r = await self.ctx.fetcher.fetch(url)
        return r
