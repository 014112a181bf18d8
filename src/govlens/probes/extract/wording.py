"""The wording check: serious wording errors and harmful words in page text (pyahocorasick).

The 2015 census vetoes 严重错误 (serious wrong wording such as a leader's name written
wrong) and harmful content. Every page the HTTP site probe fetches is matched against the
lists of ``WORDING_FILE`` (the shipped ``wording.yaml`` when empty) with one Aho-Corasick
automaton, so the cost does not grow with the length of the lists. Each hit is kept with
its context:

``[{"word": "中华人民共合国", "category": "serious_error" | "harmful", "right": "中华人民共和国",
"context": "…深入学习宣传中华人民共合国有关精神…"}]`` (at most :data:`MAX_HITS` per page)

Bad list files raise :class:`~govlens.errors.ConfigError` naming the file and entry.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import ahocorasick

from govlens import messages
from govlens.contract.wording import HARMFUL, SERIOUS
from govlens.errors import ConfigError
from govlens.yamlfile import parse_yaml, read_word_list

MAX_HITS = 20
CONTEXT = 20          # characters of context on each side


class WordingMatcher:
    """One automaton over every listed word."""

    def __init__(self, serious: dict[str, str], harmful: list[str], source: str = "") -> None:
        self.source = source
        self.automaton = ahocorasick.Automaton()
        for wrong, right in serious.items():
            self.automaton.add_word(wrong, (wrong, SERIOUS, right))
        for word in harmful:
            if word not in serious:
                self.automaton.add_word(word, (word, HARMFUL, None))
        self.empty = not (serious or harmful)
        if not self.empty:
            self.automaton.make_automaton()

    def scan(self, text: str) -> list[dict[str, Any]]:
        """Hits in ``text``, in order, each once per position."""
        if self.empty or not text:
            return []
        out = []
        for end, (word, category, right) in self.automaton.iter(text):
            start = end - len(word) + 1
            context = text[max(0, start - CONTEXT): end + 1 + CONTEXT]
            out.append({"word": word, "category": category, "right": right, "context": " ".join(context.split())})
            if len(out) >= MAX_HITS:
                break
        return out


def load_wording(path: str | Path | None = None) -> WordingMatcher:
    """The matcher of a word-list file (the shipped one when ``path`` is empty)."""
    text, source = read_word_list(path, "wording.yaml", package=__package__, setting="WORDING_FILE",
                                  what="word lists")
    doc = parse_yaml(text, source) or {}
    if not isinstance(doc, dict):
        raise ConfigError(messages.t("lexicon.wording"), file=source)
    serious: dict[str, str] = {}
    for i, entry in enumerate(doc.get("serious_errors") or []):
        if not isinstance(entry, dict) or not isinstance(entry.get("wrong"), str) or not entry["wrong"].strip():
            raise ConfigError(messages.t("lexicon.wrong_entry", n=i + 1), file=source,
                              field="serious_errors")
        serious[entry["wrong"].strip()] = str(entry.get("right") or "").strip()
    harmful = doc.get("harmful") or []
    if not isinstance(harmful, list) or not all(isinstance(w, str) and w.strip() for w in harmful):
        raise ConfigError(messages.t("lexicon.words"), file=source, field="harmful")
    return WordingMatcher(serious, [w.strip() for w in harmful], source)
