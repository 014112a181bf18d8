"""edition-language-share — share of the edition's pages actually in its language (网站管理, series 7).

Each page read of the main edition is identified (py3langid, by the probe); a page in another
language — a Chinese page left in an English edition — is a ``wrong_language_page`` finding (URL-level).
Pages with too little text to judge are left out.
"""
from __future__ import annotations

from govlens.contract import defects
from govlens.contract.observation import Observation
from govlens.indicators.foreign_site._edition import language, on_edition_text, page_findings, page_url
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations
from govlens.text import Messages

ID = "edition-language-share"
TITLE = ("外文版页面为外文的比例", "Edition pages in the edition's language")
REQUIRES = ("edition_discovery", "edition_page")
UNIT = "ratio"
EVIDENCE = ("外文版页面中{value}为外文", "{value} of the edition's pages in its language")

T = Messages(ID, {
    "wrong": ("{edition}版中的页面为{lang}（置信度{confidence}）", "page in {lang} ({confidence}), edition in {edition}"),
    "summary": ("{total}个页面中{n}个为{edition}", "{n}/{total} pages in {edition}"),
    "lang": ("页面语言：{lang}", "{lang}"),
})


@on_edition_text
def evaluate(obs: PlatformObservations, ctx: IndicatorContext, judged: list[Observation]) -> IndicatorResult:
    wrong = [o for o in judged if o.data.get("lang") != o.data.get("edition_lang")]
    findings = page_findings(defects.WRONG_LANGUAGE_PAGE, wrong, lambda o: T(
        "wrong", lang=language(o.data.get("lang")), confidence=o.data.get("confidence"),
        edition=language(o.data.get("edition_lang"))), "title")
    share = 1 - len(wrong) / len(judged)
    detail = T("summary", n=len(judged) - len(wrong), total=len(judged), edition=language(judged[0].data.get("edition_lang")))
    return IndicatorResult(value=share, detail=detail, findings=findings,
                           evidence=[Evidence(url=page_url(o), detail=T("lang", lang=language(o.data.get("lang")))) for o in wrong[:10]])
