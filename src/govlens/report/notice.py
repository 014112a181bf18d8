"""The notice (通报): a model built from the store, rendered to HTML and Markdown.

The model is plain data (strings and numbers, nothing pre-escaped): the HTML template
escapes with autoescape, the Markdown template with its ``finalize``. The structure follows
the 2013 notice: title, intro and the campaign's numbers, the list of series, each series
with its key points, awards, groups and winners, reasons and nominations, then the findings
and the closing line with the issuer and the date.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from govlens.awards.config import Award, AwardsConfig
from govlens.frameworks.model import Framework
from govlens.notice_text import NoticeText
from govlens.report.data import CampaignData
from govlens.report.findings_summary import Summary
from govlens.report.group_stats import Standing
from govlens.report.locale import Locale
from govlens.report.notice_front import fmt_date, front_matter
from govlens.report.numerals import chinese_date, chinese_number
from govlens.report.reasons import ReasonContext, evidence_phrase, winner_reason
from govlens.report.render import html_env, md_env
from govlens.report.values import fmt_score, is_number

__all__ = ["NoticeModel", "build_notice", "evidence_phrase", "render_notice_html", "render_notice_md",
           "winner_reason"]

TOP_DEFECTS = 5             # defect kinds named in the findings sentence


# ------------------------------------------------------------------ locale-aware formatting

def series_number(n: int, L: Locale) -> str:
    return chinese_number(n) if L.get("format.numerals", "") == "chinese" else str(n)


def count_text(n: int, L: Locale) -> str:
    return chinese_number(n) if L.get("format.numerals", "") == "chinese" else str(n)


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
    contact: list[str] = field(default_factory=list)        # the campaign's contact lines ([notice] contact)
    signature: list[str] = field(default_factory=list)      # lines above the date (default: the issuer)
    findings_text: list[str] = field(default_factory=list)  # the campaign's own findings paragraphs (also
                                                            # at the end of ``findings``)
    counts: dict[str, int] = field(default_factory=dict)    # the placeholders' values ({websites} …)


def _award_rows(data: CampaignData, award: Award) -> dict[tuple[str, str], list[dict[str, Any]]]:
    out: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in data.awards:
        if row.get("series_id") != award.series_id or row.get("award_id") not in (award.id, award.key):
            continue
        out.setdefault((row.get("group_id") or "", row.get("status") or ""), []).append(row)
    for rows in out.values():
        rows.sort(key=lambda r: (r.get("position") or 0, r.get("platform_id") or ""))
    return out



def _award_block(award: Any, data: CampaignData, entry: Any, gathered: dict[str, list[Entry]] | None,
                 dim_titles: dict[str, dict[str, str]], L: Locale,
                 standings: dict[tuple[str, str], dict[str, list[Standing]]]) -> AwardBlock:
    """One award: its groups' winners and nominations, and a reason per winner (bound to the platform it was
    written for, else generated from its evidence). With ``gathered`` (the seed's closing 提名 section), the
    nominations are collected there instead of under the award."""
    rows = _award_rows(data, award)
    groups, reasons = [], []
    won = {r["platform_id"] for g in award.groups for r in rows.get((g.id, "winner"), [])}
    ctx, bound_shown = ReasonContext(used=set()), set()
    for g in award.groups:
        gb = GroupBlock(id=g.id, title=g.title,
                        winners=[entry(r["platform_id"]) for r in rows.get((g.id, "winner"), [])],
                        nominations=[entry(r["platform_id"]) for r in rows.get((g.id, "nomination"), [])])
        if gathered is not None:
            gathered.setdefault(award.key, []).extend(gb.nominations)
            gb.nominations = []
        if gb.winners or gb.nominations:
            groups.append(gb)
        for w in gb.winners:
            bound = award.bound_reason(w.id, won)
            if bound is None:
                reasons.append(winner_reason(w.id, w.name, award, data, dim_titles, L,
                                             standings.get((award.key, g.id), {}).get(w.id), ctx))
            elif bound.platforms not in bound_shown:      # one text for several: shown once
                bound_shown.add(bound.platforms)
                reasons.append(bound.text)
    return AwardBlock(key=award.key, title=award.title, groups=groups, reason=award.reason,
                      reasons=reasons, has_winners=any(g.winners for g in groups),
                      has_nominations=any(g.nominations for g in groups),
                      nominations_heading=L.t("notice.nominations_heading", award=award.title))

def build_notice(data: CampaignData, summary: Summary, framework: Framework, awards: AwardsConfig, L: Locale,
                 scorecard_files: dict[str, str], dim_titles: dict[str, dict[str, str]],
                 notice: NoticeText | None = None,
                 standings: dict[tuple[str, str], dict[str, list[Standing]]] | None = None) -> NoticeModel:
    """The notice of a campaign: its own text (``notice``, the campaign's [notice]; generated where it says
    nothing), the awards with their reasons, the findings. ``standings`` (award key, group) → winner →
    indicators against the group (``group_stats.award_standings``) feed the generated reasons."""
    loc = L.name
    standings = standings or {}

    def entry(pid: str) -> Entry:
        name = str((data.platforms.get(pid) or {}).get("name") or pid)
        file = scorecard_files.get(pid)
        return Entry(id=pid, name=name, href=f"scorecards/{file}" if file else "")

    closing_lists = bool(awards.nomination_lists)   # the seed's closing 提名 section instead of one per award
    gathered: dict[str, list[Entry]] = {}
    series_blocks = []
    for s in awards.series:
        label = L.t("notice.series_label", number=series_number(s.number, L))
        blocks = [_award_block(award, data, entry, gathered if closing_lists else None, dim_titles, L, standings)
                  for award in s.awards]
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
    front = front_matter(data, awards, notice, L)
    findings += front.findings
    title = front.title
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
    return NoticeModel(lang=str(L.get("meta.lang", loc)), title=title, intro=front.intro, numbers=numbers,
                       series_intro=series_intro, results_follow=L.t("notice.results_follow"), series=series_blocks,
                       findings_heading=L.t("notice.findings_heading"), findings=findings, tables=tables,
                       closing=L.t("notice.closing", title=short), issuer=front.issuer,
                       date=closing_date(front.date, L) if front.date else "", labels=labels,
                       nominations_heading=L.t("notice.nominations") if nomination_lists else "",
                       nominations_intro=awards.nominations_intro or L.t("notice.nominations_intro"),
                       nomination_lists=nomination_lists, contact=front.contact, signature=front.signature,
                       findings_text=front.findings, counts=front.counts)


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
