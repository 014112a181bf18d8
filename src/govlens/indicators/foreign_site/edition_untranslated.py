"""edition-untranslated — share of the edition's pages with Chinese left untranslated (网站管理, series 7).

A page of the main edition with at least ``FOREIGN_UNTRANSLATED_MIN_CHARS`` Chinese characters
(its own "中文" links aside) is an ``untranslated_text`` finding (URL-level), unless the whole page is
in Chinese (that is ``wrong_language_page``). Not applicable to a Japanese edition, whose kanji are
not Chinese left behind.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.contract.observation import Observation
from govlens.indicators.foreign_site._edition import language, on_edition_text, page_findings, page_url
from govlens.indicators.base import (Evidence, IndicatorContext, IndicatorResult, PlatformObservations, Threshold,
                                     Thresholds, clip)
from govlens.text import Messages

ID = "edition-untranslated"
TITLE = ("遗留未翻译中文的页面比例", "Pages with untranslated Chinese")
REQUIRES = ("edition_discovery", "edition_page")
UNIT = "ratio"
THRESHOLDS = Thresholds(ID,
    # Chinese characters on a page from which it is untranslated (ours)
    min_chars=Threshold(6, setting="FOREIGN_UNTRANSLATED_MIN_CHARS"),
)
KANJI_LANGUAGES = frozenset({"ja", "zh"})

T = Messages(ID, {
    "kanji": ("{lang}版本身使用汉字", "an edition in {lang} is written with Chinese characters"),
    "page": ("{lang}页面中有{n}个未翻译的汉字", "{n} Chinese characters on a page in {lang}"),
    "summary": ("{total}个页面中{n}个含未翻译的中文（不少于{limit}字）", "{n}/{total} pages with untranslated Chinese (≥ {limit} characters)"),
    "chars": ("{n}个汉字", "{n} characters"),
})


@on_edition_text
def evaluate(obs: PlatformObservations, ctx: IndicatorContext, pages: list[Observation]) -> IndicatorResult:
    lang = pages[0].data.get("edition_lang")
    if lang in KANJI_LANGUAGES:
        return IndicatorResult.not_applicable(T("kanji", lang=language(lang)))
    limit = int(THRESHOLDS(ctx, "min_chars"))
    left = [o for o in pages if o.data.get("lang") == o.data.get("edition_lang")
            and int(o.data.get("han_chars") or 0) >= limit]
    findings = page_findings(defects.UNTRANSLATED_TEXT, left, lambda o: T("page", n=o.data.get("han_chars"),
                                                                          lang=language(lang)), "untranslated")
    detail = T("summary", n=len(left), total=len(pages), limit=limit)
    return IndicatorResult(value=len(left) / len(pages), detail=detail, findings=findings,
                           evidence=[Evidence(url=page_url(o), detail=T("chars", n=o.data.get("han_chars")),
                                              snippet=clip(o.data.get("untranslated"), 120)) for o in left[:10]])
