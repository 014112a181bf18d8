"""What one page of a foreign-language edition says, and in which language (series 7).

Language identification is py3langid (a maintained fork of langid.py, Apache-2.0): a naive Bayes
model over byte n-grams shipped inside the package (no download, no network), deterministic, about
a quarter of a millisecond a page here, and restrictable to the languages an evaluator expects
(``FOREIGN_LANGUAGES``), which keeps short English pages from being taken for Luxembourgish. We
chose it over lingua (a 96 MB wheel) and fastText (its model is a download) for those reasons; it
separates Chinese from Japanese (kana) and Korean (hangul) as an edition check needs.

The edition's own "back to Chinese" links (``中文``, ``简体中文`` … from the lexicon) are removed
before anything is counted: they are Chinese on every good English page. What remains gives

- ``lang`` / ``confidence``: the page's language;
- ``han_chars`` and ``untranslated``: Chinese characters left on the page, with the first run of them;
- ``dated``: the page's dated links (English month names — ``Dec 10, 2013``, ``10 December 2013`` —
  and the numeric forms :mod:`govlens.probes.extract.dates` reads);
- ``links``: its links; ``services``: the lexicon's service topics named by its headings, menus and
  undated list entries (a dated item is news: "Forum on tourism" offers no service);
  ``interaction``: the lexicon's interaction features on the page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

from govlens import messages
from govlens.errors import ConfigError
from govlens.probes.extract.dates import find_date, parse_date
from govlens.yamlfile import parse_yaml, read_word_list

MAX_TEXT = 20_000              # characters of a page classified and scanned
MAX_LINKS = 300
MAX_DATED = 60
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                       "dec"), 1)}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|" \
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_MDY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})\b", re.I)
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+((?:19|20)\d{{2}})\b", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\b(?:tel|phone|telephone|hotline)\b\.?\s*:?\s*\+?[\d(][\d\s()-]{6,}", re.I)


@dataclass(frozen=True)
class Lexicon:
    """The foreign-edition word lists (``foreign_lexicon.yaml``)."""

    languages: dict[str, tuple[str, ...]]
    paths: tuple[str, ...]
    services: dict[str, tuple[str, ...]]
    interaction: dict[str, tuple[str, ...]]
    source: str = ""
    _labels: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for code, labels in self.languages.items():
            for label in labels:
                self._labels.setdefault(norm_label(label), code)

    def language_of_label(self, text: str) -> str | None:
        """The language code a link text names (``English`` → ``en``), or None."""
        return self._labels.get(norm_label(text))


def norm_label(text: str) -> str:
    return " ".join((text or "").split()).casefold()


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The lexicon of ``path`` (the shipped ``foreign_lexicon.yaml`` when empty); bad files raise ConfigError."""
    text, source = read_word_list(path, "foreign_lexicon.yaml", package=__package__,
                                  setting="FOREIGN_LEXICON_FILE", what="the foreign-edition lexicon")
    return _parse_lexicon(text, source)


@lru_cache(maxsize=8)
def _parse_lexicon(text: str, source: str) -> Lexicon:
    doc = parse_yaml(text, source)
    if not isinstance(doc, dict):
        raise ConfigError(messages.t("lexicon.edition"), file=source)

    def words(key: str) -> dict[str, tuple[str, ...]]:
        raw = doc.get(key)
        if not isinstance(raw, dict) or not raw:
            raise ConfigError(messages.t("lexicon.mapping"), file=source, field=key)
        out = {}
        for k, v in raw.items():
            if not isinstance(v, list) or not v or not all(isinstance(w, str) and w.strip() for w in v):
                raise ConfigError(messages.t("lexicon.words"), file=source, field=f"{key}.{k}")
            out[str(k)] = tuple(w.strip() for w in v)
        return out

    languages = words("languages")
    paths = doc.get("paths") or []
    if not isinstance(paths, list) or not all(isinstance(p, str) and p.startswith("/") for p in paths):
        raise ConfigError(messages.t("lexicon.paths"), file=source, field="paths")
    return Lexicon(languages=languages, paths=tuple(paths), services=words("services"),
                   interaction=words("interaction"), source=source)


@lru_cache(maxsize=4)
def identifier(languages: tuple[str, ...]) -> Any:
    """A py3langid identifier restricted to ``languages`` (loaded once per set)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    known = set(ident.labels)
    unknown = [code for code in languages if code not in known]
    if unknown:
        raise ConfigError(messages.t("lexicon.languages", codes=messages.join(unknown)),
                          field="FOREIGN_LANGUAGES")
    ident.set_languages(list(languages))
    return ident


def detect(text: str, languages: tuple[str, ...]) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence) of ``text``; (None, 0) when there is no text to judge."""
    text = " ".join(text.split())[:MAX_TEXT]
    if len(text) < 20:
        return None, 0.0
    lang, conf = identifier(languages).classify(text)
    return str(lang), round(float(conf), 4)


def english_dates(text: str) -> list[date]:
    out = []
    for m in _MDY.finditer(text):
        d = _make(int(m.group(3)), _MONTHS[m.group(1)[:3].lower()], int(m.group(2)))
        if d:
            out.append(d)
    for m in _DMY.finditer(text):
        d = _make(int(m.group(3)), _MONTHS[m.group(2)[:3].lower()], int(m.group(1)))
        if d:
            out.append(d)
    return out


def _make(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def date_in(text: str, reference: date | None) -> date | None:
    """The first date written in ``text``: English month names first, then numeric forms."""
    found = english_dates(text)
    if found:
        return found[0]
    hit = find_date(text, reference, year_less=False)
    return hit[0] if hit else None


def page_facts(html: str, url: str, lexicon: Lexicon, languages: tuple[str, ...],
               reference: date | None = None) -> dict[str, Any]:
    """The facts of one edition page (see the module docstring)."""
    tree = LexborHTMLParser(html or "")
    body = tree.body
    out: dict[str, Any] = {"title": None, "html_lang": None, "lang": None, "confidence": 0.0, "text_chars": 0,
                           "han_chars": 0, "untranslated": None, "dated": [], "links": [], "services": [],
                           "interaction": []}
    title = tree.css_first("title")
    out["title"] = " ".join(title.text().split())[:200] if title is not None else None
    html_node = tree.css_first("html")
    if html_node is not None:
        out["html_lang"] = (html_node.attributes.get("lang") or "")[:20] or None
    if body is None:
        return out
    for node in tree.css("script, style, noscript, template"):
        node.decompose()
    links: list[dict[str, Any]] = []
    mailto = tel = False
    for a in body.css("a[href]"):
        href = (a.attributes.get("href") or "").strip()
        text = " ".join(a.text().split())
        if href.lower().startswith("mailto:"):
            mailto = True
            continue
        if href.lower().startswith("tel:"):
            tel = True
            continue
        target = urljoin(url, href).split("#", 1)[0]
        if not target.startswith(("http://", "https://")):
            continue
        if len(links) < MAX_LINKS:
            parent = a.parent
            context = " ".join(parent.text().split())[:300] if parent is not None else text
            links.append({"url": target, "text": text[:120], "date": _iso(date_in(context, reference))})
    for a in body.css("a"):                      # "back to Chinese" and other language labels: not content
        if lexicon.language_of_label(a.text()) is not None:
            a.decompose()
    text = " ".join(body.text(separator=" ").split())[:MAX_TEXT]
    lang, conf = detect(text, languages)
    han = _HAN.findall(text)
    out.update(lang=lang, confidence=conf, text_chars=len(text), han_chars=sum(len(h) for h in han), links=links)
    first = next((m for m in _HAN.finditer(text) if len(m.group()) >= 2), None)
    if first is not None:
        out["untranslated"] = text[max(0, first.start() - 20): first.end() + 40]
    seen: set[str] = set()
    dated = []
    for link in links:
        if link["date"] and link["url"] not in seen and link["url"] != url:
            seen.add(link["url"])
            dated.append({"url": link["url"], "date": link["date"]})
    out["dated"] = dated[:MAX_DATED]
    page_date = date_in(text[:2000], reference)
    out["date"] = _iso(page_date)
    entries = " ".join(e for e in _entries(body, reference)).casefold()
    out["services"] = sorted(k for k, ws in lexicon.services.items() if any(w.casefold() in entries for w in ws))
    low = text.casefold()
    features = {k for k, ws in lexicon.interaction.items() if any(w.casefold() in low for w in ws)}
    if mailto or _EMAIL.search(text):
        features.add("email")
    if tel or _PHONE.search(text):
        features.add("phone")
    if any(form.css_first("textarea") is not None for form in body.css("form")):
        features.add("form")
    out["interaction"] = sorted(features)
    return out


def _entries(body: Any, reference: date | None) -> list[str]:
    """Texts that offer something: headings, and links and list entries without a date (a dated one is news)."""
    out = [" ".join(h.text().split()) for h in body.css("h1, h2, h3, h4")]
    for node in body.css("a, li"):
        text = " ".join(node.text().split())
        around = " ".join(node.parent.text().split())[:300] if node.tag == "a" and node.parent is not None else text
        if text and len(text) < 200 and date_in(around, reference) is None:
            out.append(text)
    return out


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


__all__ = ["Lexicon", "date_in", "detect", "english_dates", "identifier", "load_lexicon", "page_facts",
           "parse_date"]
