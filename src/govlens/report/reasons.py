"""Award reasons (获奖理由) generated from each winner's own measured values.

A reason names the winner's two or three most distinctive measured strengths against its award group
(the indicators on which its normalised score stands furthest above the group's mean, leaving out those
where most of the group reaches the best score, so nothing every winner has is named), each with the
measured value and how it compares ("首页更新间隔1天（本组46个平台中最优，中位数7天）"), then its index
and rank. Within one award no two winners get the same fact phrase: a winner whose best fact is already
another winner's (a tie) is described by its next one, so no two reasons share a sentence.
A fixed reason the awards file binds to a platform (``reasons:``) is used for that platform only.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govlens.awards.config import Award
from govlens.indicators.catalogue import evidence_sentence
from govlens.report.data import CampaignData
from govlens.report.group_stats import Standing
from govlens.report.locale import Locale
from govlens.report.values import fmt_rank, fmt_score, fmt_value, is_number, rank_interval, value_kind

MAX_FACTS = 3               # distinctive strengths named in a generated reason
MIN_FACTS = 2               # below this, indicators most of the group maxes out may be named too
MIN_GROUP = 3               # a group of fewer measured platforms gives no comparison
MOST_AT_TOP = 0.5           # an indicator where more than this share of the group is at the best score
MIN_Z = 0.25                # is not distinctive; nor is one less than this many s.d. above the mean


@dataclass
class ReasonContext:
    """What the reasons of one award share: the fact phrases already given to its winners."""

    used: set[str]


def evidence_phrase(indicator_id: str, row: dict[str, Any], L: Locale) -> str:
    """One measured fact of a winner, in the locale's words (``evidence.<indicator id>``); "" when it has none.

    Boolean indicators have ``yes`` / ``no`` sentences; others one template with ``{value}`` (a ratio as a
    percentage, days and counts as whole numbers), ``{items}`` (the evidence entries' details, e.g. the
    topics covered) and ``{snippet}`` (what was seen on the page, e.g. the name in a footer).
    """
    value = row.get("value")
    if row.get("status") != "ok" or not is_number(value):
        return ""
    unit = value_kind(indicator_id)
    evidence = row.get("evidence") or []
    from govlens.report.texts import load_catalogue
    from govlens.report.texts import shown as stored_text

    load_catalogue()
    items = L.join([stored_text(e.get("detail"), L.name) for e in evidence if e.get("detail")][:8])
    snippet = next((stored_text(e.get("snippet"), L.name) for e in evidence if e.get("snippet")), "")
    if unit == "bool":
        text = evidence_sentence(indicator_id, L.name, "yes" if float(value) >= 0.5 else "no")
        return L.fill(text, snippet=snippet[:60], items=items) if text else ""
    text = evidence_sentence(indicator_id, L.name)
    if not text:
        return ""
    shown = f"{float(value) * 100:.0f}%" if unit == "ratio" else f"{float(value):,.0f}" \
        if unit in ("count", "days") else fmt_score(value)
    return L.fill(text, value=shown, items=items[:80], snippet=snippet[:60])


def distinctive(standings: list[Standing], skip: set[str] = frozenset()) -> list[Standing]:  # type: ignore[assignment]
    """The winner's indicators ordered by how far it stands out in its group, best first."""
    def ok(s: Standing, strict: bool) -> bool:
        if s.indicator_id in skip or s.n < MIN_GROUP or s.sd <= 1e-9 or s.z < MIN_Z:
            return False
        return not strict or s.at_top / s.n <= MOST_AT_TOP
    strict = [s for s in standings if ok(s, True)]
    pool = strict if len(strict) >= MIN_FACTS else [s for s in standings if ok(s, False)]
    # z to 9 places: the group's mean and sd come from DuckDB's parallel aggregates, whose last bits vary
    # from run to run; equal strengths must fall to the rank and the id, not to that noise
    return sorted(pool, key=lambda s: (-round(s.z, 9), s.rank, s.indicator_id))


def fact_phrase(s: Standing, L: Locale) -> str:
    """'首页更新间隔1天（本组46个平台中最优，中位数7天）' — the value and how it compares with the group."""
    title = L.indicator_title(s.indicator_id)
    value, median = fmt_value(s.indicator_id, s.value, L), fmt_value(s.indicator_id, s.median_value, L)
    if not value:
        return ""
    if value_kind(s.indicator_id) == "bool":         # "是" after a title reads badly: say how rare it is
        return L.t("reasons.fact_bool", title=title, n=s.n, at_top=s.at_top) if s.score >= s.top - 1e-9 else ""
    if s.rank == 1 and s.tied == 1:
        key = "reasons.fact_best"
    elif s.rank == 1:
        key = "reasons.fact_best_tied"
    else:
        key = "reasons.fact_rank"
    return L.t(key, title=title, value=value, median=median, n=s.n, rank=s.rank, others=s.tied - 1)


def measured_facts(standings: list[Standing], ctx: ReasonContext, L: Locale,
                   skip: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """Up to ``MAX_FACTS`` fact phrases no other winner of the award was given, one per dimension first."""
    ranked = distinctive(standings, skip)
    chosen: list[str] = []
    dims: set[str] = set()
    for spread in (True, False):
        for s in ranked:
            if len(chosen) >= MAX_FACTS:
                break
            if spread and s.dimension_id in dims:
                continue
            phrase = fact_phrase(s, L)
            if phrase and phrase not in ctx.used and phrase not in chosen:
                chosen.append(phrase)
                dims.add(s.dimension_id)
    ctx.used.update(chosen)
    return chosen


def winner_reason(pid: str, name: str, award: Award, data: CampaignData, dim_titles: dict[str, dict[str, str]],
                  L: Locale, standings: list[Standing] | None = None, ctx: ReasonContext | None = None) -> str:
    """'国家旅游局：首页更新间隔1天（本组46个平台中最优，中位数7天）；…；综合影响力指数94.9，位列…第2名。'

    An award that names ``evidence`` indicators states those measured values first
    ('浙江省人民政府.政务：中文政务域名已注册并可解析、…；综合得分100.0，位列中文政务域名第1名。').
    ``dim_titles`` is kept for callers; the reason names indicators, not dimension scores.
    """
    del dim_titles
    ctx = ctx if ctx is not None else ReasonContext(used=set())
    fw = award.framework
    result = data.results_by_framework.get((fw, pid)) or (data.results.get(pid) if fw == data.framework_id else None)
    result = result or {}
    platform = data.platforms.get(pid, {})
    ranked = is_number(result.get("rank")) and bool(platform.get("group"))
    values: dict[str, Any] = {"name": name, "index": fmt_score(result.get("index")),
                              "group": L.group(platform.get("group")), "rank": result.get("rank"),
                              "size": result.get("group_size"),
                              "place": fmt_rank(result.get("rank"), L, tied=result.get("rank_ties") or 1,
                                                sentence=True)}
    interval = rank_interval(result, L) if ranked else ""
    evidence = [f for f in (evidence_phrase(i, data.award_values.get((pid, i)) or {}, L) for i in award.evidence) if f]
    facts = measured_facts(standings or [], ctx, L, skip=set(award.evidence))
    parts = ([L.join(evidence)] if evidence else []) + facts
    tail = "evidence" if evidence else "winner"
    if not parts:
        key = "reasons.winner_plain" if ranked else "reasons.winner_plain_unranked"
        return L.t(key + ("_interval" if interval else ""), interval=interval, **values)
    values["facts"] = L.t("reasons.measured_sep").join(parts)
    if not ranked:
        return L.t(f"reasons.{tail}_unranked", **values)
    return L.t(f"reasons.{tail}" + ("_interval" if interval else ""), interval=interval, **values)
