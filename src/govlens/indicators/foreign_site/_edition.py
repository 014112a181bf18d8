"""Shared by the foreign-language edition indicators (series 7): the discovery and the main edition's pages."""
from __future__ import annotations

from datetime import date
from typing import Callable

from govlens.contract.observation import Observation
from govlens.indicators.base import (Evidence, Finding, IndicatorContext, IndicatorResult, PlatformObservations, R, clip,
                                     joined, parse_date, usable_dates)
from govlens.text import Messages
from govlens.visit_text import describe_visit

T = Messages("edition", {
    "chinese_not_loaded": ("中文网站未能打开（{what}）", "the Chinese site did not load ({what})"),
    "none_found": ("未发现外文版", "no foreign-language edition was found"),
    "share": ("{n}/{total}项{label}：{offered}", "{n}/{total} {label}: {offered}"),
    "share_none": ("{n}/{total}项{label}：无", "{n}/{total} {label}: none"),
    "offered": ("提供：{topic}", "offers: {topic}"),
    "services": ("服务主题", "service topics"),
    "interaction": ("互动功能", "interaction features"),
    "undefined_services": ("词表未列出服务主题", "the lexicon names no service topic"),
    "undefined_interaction": ("词表未列出互动功能", "no interaction feature is defined"),
    "lang_en": ("英文", "English"), "lang_fr": ("法文", "French"), "lang_de": ("德文", "German"),
    "lang_es": ("西班牙文", "Spanish"), "lang_ru": ("俄文", "Russian"), "lang_ja": ("日文", "Japanese"),
    "lang_ko": ("韩文", "Korean"), "lang_ar": ("阿拉伯文", "Arabic"), "lang_pt": ("葡萄牙文", "Portuguese"),
    "lang_it": ("意大利文", "Italian"), "lang_zh": ("中文", "Chinese"),
    "lang_other": ("语言代码{code}", "language code {code}"),
    # the topics of foreign_lexicon.yaml (services, interaction) and the features found by structure
    "t_visa": ("签证居留", "visa"), "t_work": ("工作许可", "work permits"), "t_investment": ("投资指南", "investment"),
    "t_business": ("企业注册", "business registration"), "t_study": ("留学", "study"), "t_health": ("医疗服务", "health"),
    "t_travel": ("旅游信息", "travel"), "t_consular": ("领事外事", "consular affairs"), "t_living": ("生活居住", "living"),
    "t_faq": ("常见问题", "FAQ"), "t_contact": ("联系我们", "contact"), "t_feedback": ("意见反馈", "feedback"),
    "t_email": ("电子邮箱", "e-mail"), "t_phone": ("联系电话", "phone"), "t_form": ("在线表单", "form"),
})


def topic(key: object) -> str:
    """A lexicon topic (``visa``, ``faq`` …) by its name, a message; a topic the table does not name, as it is."""
    return T.ref(f"t_{key}") if f"t_{key}" in T.names else str(key)


def language(code: object) -> str:
    """A language code (py3langid's) as its name, a message."""
    name = f"lang_{code}"
    return T.ref(name) if name in T.names else T.ref("lang_other", code=str(code))


def discovery(obs: PlatformObservations) -> Observation | None:
    return obs.one("edition_discovery")


def no_discovery(obs: PlatformObservations) -> IndicatorResult | None:
    """Missing, saying why, when the discovery did not run or the Chinese site did not load, else None
    (edition-languages; :func:`no_edition` for the others)."""
    d = discovery(obs)
    if d is None:
        return IndicatorResult.missing(R("foreign_probe_not_run"))
    if not (d.data or {}).get("chinese_ok"):
        return IndicatorResult.missing(T("chinese_not_loaded", what=describe_visit(d.status, (d.data or {}).get("cause"),
                                                                               http_status=d.http_status)))
    return None


def no_edition(obs: PlatformObservations) -> IndicatorResult | None:
    """The result of an edition indicator when there is no edition to judge, else None."""
    skip = no_discovery(obs)
    if skip is not None:
        return skip
    d = discovery(obs)
    assert d is not None
    if not (d.data or {}).get("primary"):
        return IndicatorResult.not_applicable(T("none_found"))
    return None


Evaluate = Callable[[PlatformObservations, IndicatorContext], IndicatorResult]


def on_edition(judge: Evaluate) -> Evaluate:
    """An edition indicator's ``evaluate``: :func:`no_edition`'s result when there is no edition to judge, else
    ``judge``'s (edition-volume, edition-recency, edition-freshness-gap)."""
    def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
        return no_edition(obs) or judge(obs, ctx)
    return evaluate


def on_edition_text(judge: Callable[[PlatformObservations, IndicatorContext, list[Observation]], IndicatorResult]
                    ) -> Evaluate:
    """As :func:`on_edition`, ``judge`` given the edition's pages whose language the probe identified; missing
    when there is none (edition-untranslated, edition-language-share)."""
    def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
        skip = no_edition(obs)
        if skip is not None:
            return skip
        pages = [o for o in edition_pages(obs) if (o.data or {}).get("lang")]
        return judge(obs, ctx, pages) if pages else IndicatorResult.missing(R("no_edition_text"))
    return evaluate


def page_findings(kind: str, pages: list[Observation], detail: Callable[[Observation], str],
                  snippet_field: str) -> list[Finding]:
    """A URL-level ``kind`` finding at each of ``pages``, its snippet the page's ``snippet_field`` (bounded)
    (edition-untranslated, edition-language-share)."""
    return [Finding(kind=kind, url=page_url(o), detail=detail(o), snippet=clip(o.data.get(snippet_field), 120),
                    evidence_url=page_url(o)) for o in pages]


def newest_item(dates: dict[str, date]) -> tuple[str, date]:
    """The newest of :func:`edition_dates` (the greatest URL among equal dates): edition-recency, -freshness-gap."""
    return max(dates.items(), key=lambda kv: (kv[1], kv[0]))


def edition_pages(obs: PlatformObservations) -> list[Observation]:
    """Completed pages of the main edition, one per final URL, in the order read."""
    seen: set[str] = set()
    out = []
    for o in obs.of("edition_page"):
        url = (o.data or {}).get("final_url") or o.url
        if o.status == "completed" and url not in seen:
            seen.add(url)
            out.append(o)
    return out


def page_url(o: Observation) -> str:
    return (o.data or {}).get("final_url") or o.url


def edition_dates(obs: PlatformObservations, check_date: date) -> dict[str, date]:
    """Dated items of the edition (item URL → date) and dated pages, not later than the check date."""
    out: dict[str, date] = {}
    for o in edition_pages(obs):
        data = o.data or {}
        for item in data.get("dated") or []:
            d = parse_date(item.get("date"))
            if d is not None and usable_dates([d], check_date):
                out.setdefault(item.get("url") or "", d)
        d = parse_date(data.get("date"))
        if d is not None and usable_dates([d], check_date) and data.get("role") == "article":
            out.setdefault(page_url(o), d)
    return out


def lexicon_share(obs: PlatformObservations, key: str) -> IndicatorResult:
    """Share of the lexicon's ``key`` entries (service topics, interaction features) found on a page of
    the main edition, each offered one with the first page it was found on."""
    skip = no_edition(obs)
    if skip is not None:
        return skip
    d = discovery(obs)
    assert d is not None
    wanted = ((d.data or {}).get("lexicon") or {}).get(key) or []
    if not wanted:
        return IndicatorResult.missing(T("undefined_" + key))
    found: dict[str, str] = {}
    for o in edition_pages(obs):
        for w in (o.data or {}).get(key) or []:
            found.setdefault(w, page_url(o))
    offered = [w for w in wanted if w in found]
    label = T.ref(key)
    detail = (T("share", n=len(offered), total=len(wanted), label=label, offered=joined(topic(w) for w in offered))
              if offered
              else T("share_none", n=len(offered), total=len(wanted), label=label))
    return IndicatorResult(value=len(offered) / len(wanted), detail=detail,
                           evidence=[Evidence(url=found[w], detail=T("offered", topic=topic(w))) for w in offered])


def lexicon_indicator(key: str) -> Evaluate:
    """An ``evaluate`` giving :func:`lexicon_share` of ``key``: edition-services, edition-interaction."""
    def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
        return lexicon_share(obs, key)
    return evaluate
