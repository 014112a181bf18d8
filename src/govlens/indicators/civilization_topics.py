"""civilization-topics — share of the lexicon's 文明传播 topics the site speaks of (series 6).

From the ``civilization`` probe: a topic is covered when at least one page read speaks of it
(``CIVILIZATION_TOPICS_FILE``). A core topic (社会主义核心价值观, 志愿服务, 道德模范 in the shipped
lexicon) found on no page is a ``civilization_topic_missing`` finding.
"""
from __future__ import annotations

from govlens import defects
from govlens.indicators.base import Evidence, IndicatorContext, IndicatorResult, PlatformObservations, site_finding

ID = "civilization-topics"
REQUIRES = ("civilization_topics",)
UNIT = "ratio"


def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
    o = obs.one("civilization_topics")
    if o is None:
        return IndicatorResult.missing("the civilization probe did not run")
    data = o.data or {}
    if o.status != "completed" or not data.get("pages"):
        return IndicatorResult.missing(f"no page could be read ({o.status})")
    topics: dict = data.get("topics") or {}
    if not topics:
        return IndicatorResult.missing("the lexicon has no topic")
    titles = data.get("titles") or {}
    covered = [t for t, v in topics.items() if (v or {}).get("pages")]
    missing_core = [t for t in data.get("core") or [] if t in topics and not topics[t].get("pages")]
    names = "、".join(titles.get(t, t) for t in covered)
    detail = f"{len(covered)}/{len(topics)} topics on {data.get('pages')} pages: {names or 'none'}"
    findings = []
    if missing_core:
        gone = "、".join(titles.get(t, t) for t in missing_core)
        findings.append(site_finding(obs, defects.CIVILIZATION_TOPIC_MISSING,
                                     f"core topic(s) on no page: {gone} ({data.get('pages')} pages read)"))
    evidence = [Evidence(url=topics[t].get("example") or o.url, detail=titles.get(t, t),
                         snippet="、".join(sorted(topics[t].get("words") or {}))[:120]) for t in covered]
    return IndicatorResult(value=len(covered) / len(topics), detail=detail, evidence=evidence, findings=findings)
