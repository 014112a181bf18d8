"""The notice (通报): a model built from the store, rendered to HTML and Markdown.

The model is plain data (strings and numbers, nothing pre-escaped): the HTML template
escapes with autoescape, the Markdown template with its ``finalize``. The structure follows
the 2013 notice: title, intro and the campaign's numbers, the list of series, each series
with its key points, awards, groups and winners, reasons and nominations, then the findings
and the closing line with the issuer and the date.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from govlens.awards.config import Award, AwardsConfig
from govlens.frameworks.model import Framework
from govlens.report.data import CampaignData
from govlens.report.findings_summary import Summary
from govlens.report.locale import Locale
from govlens.report.numerals import chinese_date, chinese_number
from govlens.report.render import html_env, md_env
from govlens.report.values import fmt_score, fmt_value, is_number, rank_interval

TOP_STRENGTHS = 2           # dimensions named in a generated reason
TOP_EVIDENCE = 2            # measured indicator values named in a generated reason
TOP_DEFECTS = 5             # defect kinds named in the findings sentence


# ------------------------------------------------------------------ locale-aware formatting

def series_number(n: int, L: Locale) -> str:
    return chinese_number(n) if L.get("format.numerals", "") == "chinese" else str(n)


def count_text(n: int, L: Locale) -> str:
    return chinese_number(n) if L.get("format.numerals", "") == "chinese" else str(n)


def fmt_date(d: date | None, L: Locale) -> str:
    if d is None:
        return ""
    months = L.get("format.months", None)
    month_name = months[d.month - 1] if isinstance(months, list) and len(months) == 12 else str(d.month)
    return L.t("format.date", year=d.year, month=d.month, day=d.day, month_name=month_name)


def closing_date(d: date, L: Locale) -> str:
    return chinese_date(d) if L.get("format.numerals", "") == "chinese" else fmt_date(d, L)


def fmt_percent(share: float, L: Locale) -> str:
    return L.t("format.percent", value=f"{share * 100:.1f}")


def fmt_points(score: Any, L: Locale) -> str:
    return L.t("format.points", value=fmt_score(score))


# ------------------------------------------------------------------ model

@dataclass
class Entry:
    id: str
    name: str
    href: str                     # relative link to the scorecard, from the notice's directory


@dataclass
class GroupBlock:
    id: str
    title: str
    winners: list[Entry] = field(default_factory=list)
    nominations: list[Entry] = field(default_factory=list)


@dataclass
class AwardBlock:
    key: str
    title: str
    groups: list[GroupBlock]
    reason: str
    reasons: list[str]
    has_winners: bool
    has_nominations: bool
    nominations_heading: str = ""


@dataclass
class SeriesBlock:
    id: str
    label: str                    # 第一系列
    heading: str                  # 第一系列：title
    title: str
    key_points: str
    award_titles: list[str]
    awards: list[AwardBlock]


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list[str]]


@dataclass
class NominationBlock:
    """One list of the closing 提名 section (政务网站, 政务微博, 移动门户 …)."""

    title: str
    entries: list[Entry]


@dataclass
class NoticeModel:
    lang: str
    title: str
    intro: list[str]
    numbers: str
    series_intro: str
    results_follow: str
    series: list[SeriesBlock]
    findings_heading: str
    findings: list[str]
    tables: list[Table]
    closing: str
    issuer: str
    date: str
    labels: dict[str, str]
    nominations_heading: str = ""
    nominations_intro: str = ""
    nomination_lists: list[NominationBlock] = field(default_factory=list)


def _award_rows(data: CampaignData, award: Award) -> dict[tuple[str, str], list[dict[str, Any]]]:
    out: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in data.awards:
        if row.get("series_id") != award.series_id or row.get("award_id") not in (award.id, award.key):
            continue
        out.setdefault((row.get("group_id") or "", row.get("status") or ""), []).append(row)
    for rows in out.values():
        rows.sort(key=lambda r: (r.get("position") or 0, r.get("platform_id") or ""))
    return out


def evidence_phrase(indicator_id: str, row: dict[str, Any], L: Locale) -> str:
    """One measured fact of a winner, in the locale's words (``evidence.<indicator id>``); "" when it has none.

    Boolean indicators have ``yes`` / ``no`` sentences; others one template with ``{value}`` (a ratio as a
    percentage, days and counts as whole numbers), ``{items}`` (the evidence entries' details, e.g. the
    topics covered) and ``{snippet}`` (what was seen on the page, e.g. the name in a footer).
    """
    from govlens.report.values import value_kind

    value = row.get("value")
    if row.get("status") != "ok" or not is_number(value):
        return ""
    unit = value_kind(indicator_id)
    evidence = row.get("evidence") or []
    items = L.join([str(e.get("detail") or "") for e in evidence if e.get("detail")][:8])
    snippet = next((str(e.get("snippet")) for e in evidence if e.get("snippet")), "")
    if unit == "bool":
        key = f"evidence.{indicator_id}.{'yes' if float(value) >= 0.5 else 'no'}"
        text = L.get(key, "")
        return L.t(key, snippet=snippet[:60], items=items) if isinstance(text, str) and text else ""
    if not isinstance(L.get(f"evidence.{indicator_id}", None), str):
        return ""
    shown = f"{float(value) * 100:.0f}%" if unit == "ratio" else f"{float(value):,.0f}" \
        if unit in ("count", "days") else fmt_score(value)
    return L.t(f"evidence.{indicator_id}", value=shown, items=items[:80], snippet=snippet[:60])


def winner_reason(pid: str, name: str, award: Award, data: CampaignData, dim_titles: dict[str, dict[str, str]],
                  L: Locale) -> str:
    """'中国上海在网站访问（98.5分）、信息传播（96.0分）方面表现突出，综合影响力指数92.3，位列省级网站第1名。'

    An award that names ``evidence`` indicators states the winner's measured values instead
    ('浙江省人民政府.政务：中文政务域名已注册并可解析、…；综合得分100.0，位列中文政务域名第1名。').
    """
    fw = award.framework
    result = data.results_by_framework.get((fw, pid)) or (data.results.get(pid) if fw == data.framework_id else None)
    result = result or {}
    scores = data.award_dimensions.get((fw, pid)) or (data.dimensions.get(pid, {}) if fw == data.framework_id else {})
    titles = dim_titles.get(fw, {})
    order = {d: i for i, d in enumerate(titles)}
    strong = sorted(((d, s) for d, s in scores.items() if is_number(s)),
                    key=lambda ds: (-float(ds[1]), order.get(ds[0], len(order)), ds[0]))[:TOP_STRENGTHS]
    strengths = L.join([L.t("reasons.strength", dimension=titles.get(d, d), score=fmt_score(s)) for d, s in strong])
    platform = data.platforms.get(pid, {})
    values = dict(name=name, strengths=strengths, index=fmt_score(result.get("index")),
                  group=L.group(platform.get("group")), rank=result.get("rank"), size=result.get("group_size"))
    facts = [f for f in (evidence_phrase(i, data.award_values.get((pid, i)) or {}, L) for i in award.evidence) if f]
    if facts:
        values["facts"] = L.join(facts)
        if is_number(result.get("rank")) and is_number(result.get("rank_low")) and is_number(result.get("rank_high")):
            return L.t("reasons.evidence_interval", interval=rank_interval(result, L), **values)
        return L.t("reasons.evidence" if is_number(result.get("rank")) else "reasons.evidence_unranked", **values)
    if not strengths:
        text = L.t("reasons.winner_plain", **values)
    elif not is_number(result.get("rank")) or not platform.get("group"):
        text = L.t("reasons.winner_unranked", **values)
    elif is_number(result.get("rank_low")) and is_number(result.get("rank_high")):
        text = L.t("reasons.winner_interval", interval=rank_interval(result, L), **values)
    else:
        text = L.t("reasons.winner", **values)
    return text + _evidence(pid, award, data, L)


def _evidence(pid: str, award: Award, data: CampaignData, L: Locale) -> str:
    """' 实测：栏目距最近更新2天；近一年发布条数120条。' — the winner's best measured values (of the award's
    dimension when it ranks by one), each as its indicator's title and raw value."""
    rows = data.award_evidence.get((award.framework, pid), [])
    if award.rank_by.startswith("dimension:"):
        dim = award.rank_by.split(":", 1)[1]
        rows = [r for r in rows if r.get("dimension_id") == dim] or rows
    items = []
    for r in rows:
        shown = fmt_value(r["indicator_id"], r.get("value"), L)
        if shown:
            items.append(L.t("reasons.measured_item", title=L.indicator_title(r["indicator_id"]), value=shown))
        if len(items) >= TOP_EVIDENCE:
            break
    return L.t("reasons.measured", items=L.t("reasons.measured_sep").join(items)) if items else ""


def build_notice(data: CampaignData, summary: Summary, framework: Framework, awards: AwardsConfig, L: Locale,
                 scorecard_files: dict[str, str], dim_titles: dict[str, dict[str, str]]) -> NoticeModel:
    loc = L.name

    def entry(pid: str) -> Entry:
        name = str((data.platforms.get(pid) or {}).get("name") or pid)
        file = scorecard_files.get(pid)
        return Entry(id=pid, name=name, href=f"scorecards/{file}" if file else "")

    closing_lists = bool(awards.nomination_lists)   # the seed's closing 提名 section instead of one per award
    gathered: dict[str, list[Entry]] = {}
    series_blocks = []
    for s in awards.series:
        label = L.t("notice.series_label", number=series_number(s.number, L))
        blocks = []
        for award in s.awards:
            rows = _award_rows(data, award)
            groups, reasons = [], []
            for g in award.groups:
                gb = GroupBlock(id=g.id, title=g.title,
                                winners=[entry(r["platform_id"]) for r in rows.get((g.id, "winner"), [])],
                                nominations=[entry(r["platform_id"]) for r in rows.get((g.id, "nomination"), [])])
                if closing_lists:
                    gathered.setdefault(award.key, []).extend(gb.nominations)
                    gb.nominations = []
                if gb.winners or gb.nominations:
                    groups.append(gb)
                reasons += [winner_reason(w.id, w.name, award, data, dim_titles, L) for w in gb.winners]
            blocks.append(AwardBlock(key=award.key, title=award.title, groups=groups, reason=award.reason,
                                     reasons=reasons, has_winners=any(g.winners for g in groups),
                                     has_nominations=any(g.nominations for g in groups),
                                     nominations_heading=L.t("notice.nominations_heading", award=award.title)))
        series_blocks.append(SeriesBlock(id=s.id, label=label, title=s.title,
                                         heading=L.t("notice.series_heading", label=label, title=s.title),
                                         key_points=s.key_points, award_titles=[a.title for a in s.awards],
                                         awards=blocks))

    by_kind = L.join([L.t("notice.count_item", label=L.kind(k) or k or "—", n=n) for k, n in summary.by_kind])
    by_level = L.join([L.t("notice.count_item", label=L.level(k) or k or "—", n=n) for k, n in summary.by_level])
    check = data.check_date()
    numbers = L.t("notice.numbers" if check else "notice.numbers_no_date", total=summary.total, by_kind=by_kind,
                  by_level=by_level, check_date=fmt_date(check, L))
    series_intro = L.t("notice.series_intro", framework=framework.title(loc), count=count_text(len(awards.series), L))

    findings, tables = _findings(summary, L)
    robustness = _robustness(data, L)
    if robustness:
        findings.insert(min(2, len(findings)), robustness)
    title = awards.title
    strip = L.get("notice.closing_strip_suffix", "")
    short = title[: -len(strip)] if isinstance(strip, str) and strip and title.endswith(strip) else title
    nomination_lists = []
    for lst in awards.nomination_lists:
        seen: dict[str, Entry] = {}
        for key in lst.awards:
            for e in gathered.get(key, []):
                seen.setdefault(e.id, e)
        if seen:
            nomination_lists.append(NominationBlock(title=lst.title, entries=list(seen.values())))
    labels = {k: L.t(f"notice.{k}") for k in ("key_points", "reason", "nominations", "nominations_intro", "vacant")}
    labels.update(scorecards=L.t("labels.scorecards"), generated_by=L.t("labels.generated_by"))
    return NoticeModel(lang=str(L.get("meta.lang", loc)), title=title, intro=_paragraphs(awards.intro), numbers=numbers,
                       series_intro=series_intro, results_follow=L.t("notice.results_follow"), series=series_blocks,
                       findings_heading=L.t("notice.findings_heading"), findings=findings, tables=tables,
                       closing=L.t("notice.closing", title=short), issuer=awards.issuer,
                       date=closing_date(awards.date, L), labels=labels,
                       nominations_heading=L.t("notice.nominations") if nomination_lists else "",
                       nominations_intro=awards.nominations_intro or L.t("notice.nominations_intro"),
                       nomination_lists=nomination_lists)


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]


def _findings(summary: Summary, L: Locale) -> tuple[list[str], list[Table]]:
    paras: list[str] = [L.t("notice.scope", total=summary.total, scored=summary.scored)]
    tables: list[Table] = []
    if summary.vetoed:
        by_rule = L.join([L.t("notice.veto_item", title=v.title, n=v.n) for v in summary.vetoes])
        paras.append(L.t("notice.vetoes", vetoed=summary.vetoed, by_rule=by_rule))
        tables.append(Table(title=L.t("notice.veto_table"), header=[L.t("notice.veto_rule"), L.t("labels.platforms")],
                            rows=[[v.title, str(v.n)] for v in summary.vetoes]))
    else:
        paras.append(L.t("notice.no_vetoes"))

    if summary.regions:
        items = L.join([L.t("notice.region_item", region=L.region(m.key), mean=fmt_score(m.mean))
                        for m in summary.regions])
        paras.append(L.t("notice.regions", items=items, overall=fmt_score(summary.overall.mean)))
        if summary.east and summary.centre_west:
            east, cw = round(summary.east.mean, 1), round(summary.centre_west.mean, 1)
            gap = abs(east - cw)
            key = "notice.gap_above" if east >= cw else "notice.gap_below"
            paras.append(L.t(key, east=f"{east:.1f}", centre_west=f"{cw:.1f}", gap=f"{gap:.1f}"))
        rows = [[L.region(m.key), str(m.n), fmt_score(m.mean)] for m in summary.regions]
        rows.append([L.t("labels.overall"), str(summary.overall.n), fmt_score(summary.overall.mean)])
        tables.append(Table(title=L.t("notice.region_table"),
                            header=[L.t("labels.region"), L.t("labels.platforms"), L.t("labels.mean_index")],
                            rows=rows))
    if summary.levels:
        items = L.join([L.t("notice.level_item", level=L.level(m.key), mean=fmt_score(m.mean))
                        for m in summary.levels])
        paras.append(L.t("notice.levels", items=items))
        tables.append(Table(title=L.t("notice.level_table"),
                            header=[L.t("labels.level"), L.t("labels.platforms"), L.t("labels.mean_index")],
                            rows=[[L.level(m.key), str(m.n), fmt_score(m.mean)] for m in summary.levels]))
    defects = [d for d in summary.defects if d.platforms > 0]
    if defects:
        items = L.join([L.t("notice.defect_item", title=L.defect(d.kind), n=d.platforms,
                            share=fmt_percent(d.share, L)) for d in defects[:TOP_DEFECTS]])
        paras.append(L.t("notice.defects", items=items))
        tables.append(Table(title=L.t("notice.defect_table"),
                            header=[L.t("notice.defect_kind"), L.t("labels.platforms"), L.t("labels.share")],
                            rows=[[L.defect(d.kind), str(d.platforms), fmt_percent(d.share, L)] for d in defects]))
    else:
        paras.append(L.t("notice.no_defects"))
    accounts = sum(n for k, n in summary.by_kind if k in ("weibo", "wechat"))
    if accounts:
        counts = {d.kind: d.platforms for d in summary.defects}
        paras.append(L.t("notice.newmedia", accounts=accounts, dormant=counts.get("dormant_account", 0),
                         bought=counts.get("bought_followers", 0), over=counts.get("over_reported", 0)))
    return paras, tables


def _robustness(data: CampaignData, L: Locale) -> str:
    """The sentence that says how the rank intervals were made and how wide they are."""
    u = data.uncertainty
    widths = sorted(math.ceil(float(r["rank_high"]) - 1e-9) - math.floor(float(r["rank_low"]) + 1e-9)
                    for r in data.results.values()
                    if is_number(r.get("rank_low")) and is_number(r.get("rank_high")) and is_number(r.get("index")))
    if not u or not widths:
        return ""
    mid = len(widths) // 2
    median = widths[mid] if len(widths) % 2 else (widths[mid - 1] + widths[mid]) / 2
    return L.t("notice.robustness", replications=u.get("replications", ""),
               noise=f"{float(u.get('weight_noise') or 0) * 100:g}",
               low_q=f"{float(u.get('quantile_low') or 0) * 100:g}",
               high_q=f"{float(u.get('quantile_high') or 0) * 100:g}", width=f"{median:g}",
               stable=sum(1 for w in widths if w == 0), total=len(widths))


def render_notice_html(model: NoticeModel, **extra: Any) -> str:
    """``extra``: the findings ``figures`` (report/documents.py), and for the PDF ``print`` and the award ``tables``."""
    return html_env().get_template("notice.html.j2").render(n=model, **extra)


def render_notice_md(model: NoticeModel) -> str:
    return md_env().get_template("notice.md.j2").render(n=model)
