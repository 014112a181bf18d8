"""civilization-topics — share of the lexicon's 文明传播 topics the site speaks of (series 6).

From the ``civilization`` probe: a topic is covered when at least one page read speaks of it
(``CIVILIZATION_TOPICS_FILE``). A core topic (社会主义核心价值观, 志愿服务, 道德模范 in the shipped
lexicon) found on no page is a ``civilization_topic_missing`` finding.
"""
from __future__ import annotations

from govlens.contract.observation import Observation
from govlens.contract import defects
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, site_finding
from govlens.indicators.civilization._civilization import from_topics
from govlens.text import Messages

ID = "civilization-topics"
TITLE = ("文明传播主题覆盖率", "Civilization topics covered")
REQUIRES = ("civilization_topics",)
UNIT = "ratio"
EVIDENCE = ("文明传播主题覆盖{value}（{items}）", "covers {value} of the civilization topics ({items})")

T = Messages(ID, {
    "no_page": ("未能读取任何页面（{what}）", "no page could be read ({what})"),
    "no_topic": ("词表中无主题", "the lexicon has no topic"),
    "covered": ("{pages}个页面涉及{total}个主题中的{n}个：{names}", "{n}/{total} topics on {pages} pages: {names}"),
    "covered_none": ("{pages}个页面涉及{total}个主题中的{n}个：无", "{n}/{total} topics on {pages} pages: none"),
    "core": ("核心主题未在任何页面出现：{gone}（共读取{pages}个页面）", "core topic(s) on no page: {gone} ({pages} pages read)"),
})


@from_topics(T)
def evaluate(o: Observation, data: dict, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    topics: dict = data.get("topics") or {}
    if not topics:
        return IndicatorResult.missing(T("no_topic"))
    titles = data.get("titles") or {}
    covered = [t for t, v in topics.items() if (v or {}).get("pages")]
    missing_core = [t for t in data.get("core") or [] if t in topics and not topics[t].get("pages")]
    names = "、".join(titles.get(t, t) for t in covered)
    detail = (T("covered", n=len(covered), total=len(topics), pages=data.get("pages"), names=names) if names
              else T("covered_none", n=len(covered), total=len(topics), pages=data.get("pages")))
    findings = []
    if missing_core:
        gone = "、".join(titles.get(t, t) for t in missing_core)
        findings.append(site_finding(obs, defects.CIVILIZATION_TOPIC_MISSING,
                                     T("core", gone=gone, pages=data.get("pages"))))
    evidence = [Evidence(url=topics[t].get("example") or o.url, detail=titles.get(t, t),
                         snippet="、".join(sorted(topics[t].get("words") or {}))[:120]) for t in covered]
    return IndicatorResult(value=len(covered) / len(topics), detail=detail, evidence=evidence, findings=findings)
