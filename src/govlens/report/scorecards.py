"""Per-platform scorecards (``scorecards/<id>.html``) and their index page.

One compiled template renders every platform; the per-platform rows arrive in batches
(:func:`govlens.report.data.iter_batches`), never from a query per platform.
"""
from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from govlens.atomic import atomic_write_bytes, atomic_write_text
from govlens.awards.config import AwardsConfig
from govlens.contract.defects import ALL_KINDS
from govlens.frameworks.model import Framework
from govlens.indicators.catalogue import all_ids, highlight
from govlens.report.data import CampaignData, PlatformBatch
from govlens.report.locale import Locale
from govlens.report.render import html_env
from govlens.report.texts import load_catalogue, shown
from govlens.report.values import (
    bar_width,
    fmt_score,
    fmt_value,
    is_number,
    rank_interval,
    result_rank,
)

# Rows handed to the template are slotted objects, not dicts: Jinja resolves ``row.attr`` with
# getattr first, so this renders about three times faster at 100,000 scorecards.

@dataclass(slots=True)
class EvidenceRow:
    url: str
    detail: str
    snippet: str


@dataclass(slots=True)
class IndicatorRow:
    dimension: str
    title: str
    value: str
    score: str
    status: str
    status_code: str
    detail: str
    evidence: list[EvidenceRow]
    anchor: str = ""                                        # id of the row: every score links to it
    findings: list[tuple[str, str]] = field(default_factory=list)   # (anchor, title) of its findings


@dataclass(slots=True)
class DimensionRow:
    title: str
    weight: str
    score: str
    bar: float
    anchor: str = ""                 # the dimension's first indicator row


@dataclass(slots=True)
class FindingRow:
    title: str
    url: str
    detail: str
    evidence_url: str
    snippet: str
    warc_record: str = ""          # WARC-Record-ID of the page in evidence.warc.gz, when kept
    anchor: str = ""
    indicator: str = ""            # anchor of the indicator row it explains


@dataclass(slots=True)
class AwardRow:
    title: str
    group: str
    position: Any
    status: str


@dataclass(slots=True)
class ThumbRow:
    label: str
    src: str                 # a file under scorecards/thumbs/, written from the browser probe's JPEG


@dataclass(slots=True)
class IndexRow:
    file: str
    name: str
    group: str
    region: str
    level: str
    index: str
    rank: str
    rank_interval: str
    vetoed: str
    findings: int


@dataclass(slots=True)
class Card:
    title: str
    name: str
    group: str
    region: str
    province: str
    level: str
    org_type: str
    url: str
    index: str
    rank: str
    rank_interval: str
    vetoes: list[str]
    dimensions: list[DimensionRow]
    indicators: list[IndicatorRow]
    findings: list[FindingRow]
    awards: list[AwardRow]
    weekly: list["WeekBar"] = field(default_factory=list)          # new media: activity chart (inline SVG)
    weekly_max: str = ""
    highlights: list["Highlight"] = field(default_factory=list)    # new media: top posts, unanswered questions
    thumbs: list[ThumbRow] = field(default_factory=list)
    materials: list["MaterialRow"] = field(default_factory=list)    # 单位自荐, 专家推荐 (materials file)


@dataclass(slots=True)
class MaterialRow:
    type: str
    title: str
    by: str
    on: str
    source: str


@dataclass(slots=True)
class WeekBar:
    x: float
    y: float
    height: float
    label: str            # week start, MM-DD
    posts: int
    reads: str


@dataclass(slots=True)
class Highlight:
    title: str
    rows: list[EvidenceRow]


SCORECARD_LABELS = ("weekly_activity", "weekly_caption", "back", "to_notice", "veto_banner", "dimensions", "dimension", "indicators", "indicator",
                    "value", "detail", "evidence", "findings", "no_findings", "finding_kind", "finding_url",
                    "evidence_url", "snippet", "warc_record", "awards", "no_awards", "award", "position", "other_indicators",
                    "framework", "check_date", "index_title", "rank_interval", "rank_interval_note",
                    "screenshots", "desktop", "phone", "materials", "no_materials", "material_type",
                    "material_title", "material_by", "material_on", "see_findings")
LABELS = ("index", "rank", "group", "region", "level", "url", "score", "weight", "status", "none", "not_ranked",
          "vetoed", "generated_by")


JPEG_URI = "data:image/jpeg;base64,"
MAX_THUMB_BYTES = 512 * 1024


def _str(value: Any) -> str:
    return "" if value is None else str(value)


class ScorecardWriter:
    """Renders scorecards with one compiled template and a context built from plain dicts."""

    def __init__(self, out_dir: Path, data: CampaignData, framework: Framework, awards: AwardsConfig,
                 L: Locale, files: dict[str, str], check_date: str = "") -> None:
        self.dir = out_dir
        self.data, self.framework, self.L, self.files = data, framework, L, files
        load_catalogue()
        self.template = html_env().get_template("scorecard.html.j2")
        loc = L.name
        labels = {k: L.t(f"scorecard.{k}") for k in SCORECARD_LABELS}
        labels.update({k: L.t(f"labels.{k}") for k in LABELS})
        labels["name"] = L.t("columns.name")
        self.labels = SimpleNamespace(**labels)
        self.lang = str(L.get("meta.lang", loc))
        self.framework_title = framework.title(loc)
        self.check_date = check_date
        self.dim_order = [(d.id, d.title(loc), d.weight) for d in framework.dimensions]
        firsts = {d.id: next(iter(d.leaves()), None) for d in framework.dimensions}
        self.dim_first = {did: _anchor(ref.id) for did, ref in firsts.items() if ref is not None}
        self.ind_order = [(d.id, d.title(loc), ref.id) for d in framework.dimensions for ref in d.leaves()]
        known = {i for _, _, i in self.ind_order}
        self.veto_only = [v.indicator for v in framework.vetoes if v.indicator not in known]
        self.veto_title = {v.id: v.title(loc) for v in framework.vetoes}
        self.veto_indicator = {v.id: v.indicator for v in framework.vetoes}
        self.award_title = {(a.series_id, a.id): a.title for a in awards.awards()}
        self.group_title = {(a.series_id, a.id, g.id): g.title for a in awards.awards() for g in a.groups}
        self.ind_title = {i: L.indicator_title(i) for i in {*known, *self.veto_only}}
        # indicators whose evidence the card lists (HIGHLIGHT): the framework's order, then any other
        self.highlighted = [i for i in [*(i for _, _, i in self.ind_order), *all_ids()] if highlight(i, loc)]
        self.highlighted = list(dict.fromkeys(self.highlighted))
        self.status_label: dict[str, str] = {}
        u = data.uncertainty
        self.interval_note = L.t("scorecard.rank_interval_note", replications=u.get("replications", ""),
                                 low_q=_percent(u.get("quantile_low")), high_q=_percent(u.get("quantile_high")),
                                 noise=_percent(u.get("weight_noise"))) if u else ""
        self.kind_rank = {k: i for i, k in enumerate(ALL_KINDS)}
        self.written_thumbs: dict[str, list[str]] = {}     # id → thumbnail files (the dashboard shows them)
        self.dir.mkdir(parents=True, exist_ok=True)

    def _status_code(self, status: str) -> str:
        return status if status.isidentifier() else "".join(c for c in status if c.isalnum() or c == "_")

    def _status(self, status: Any) -> str:
        key = _str(status)
        if key not in self.status_label:
            self.status_label[key] = self.L.status(key) if key else ""
        return self.status_label[key]

    def _shown_status(self, status: str, score: Any, findings: int) -> tuple[str, str]:
        """(label, css code): a measured indicator that scored 0 is 不达标, one with findings 有问题 —
        never 正常 beside a zero."""
        if status == "ok" and is_number(score) and float(score) <= 0:
            return self._status("failing"), "failing"
        if status == "ok" and findings:
            return self._status("problem"), "problem"
        return self._status(status), self._status_code(status)

    def context(self, pid: str, batch: PlatformBatch) -> Card:
        L, data = self.L, self.data
        p = data.platforms[pid]
        r = data.results.get(pid, {})
        dims = data.dimensions.get(pid, {})
        rank_text = result_rank(r, L)

        values = {v["indicator_id"]: v for v in batch.indicator_values.get(pid, [])}
        scores = {s["indicator_id"]: s for s in batch.indicator_scores.get(pid, [])}
        vetoes = []
        for v in r.get("vetoes", []):
            vid = _str(v.get("id"))
            title = self.veto_title.get(vid) or _str(v.get("title")) or vid
            ind = _str(v.get("indicator")) or self.veto_indicator.get(vid, "")
            raw = v.get("value")
            measured = fmt_value(ind, raw, L) if is_number(raw) else _str(raw)
            vetoes.append(L.t("scorecard.veto_item", title=title, value=measured or L.t("labels.none")))

        loc = L.name
        findings = [FindingRow(L.defect(f.get("kind") or ""), _str(f.get("url")), shown(f.get("detail"), loc),
                               _str(f.get("evidence_url")), shown(f.get("snippet"), loc),
                               _str(f.get("warc_record_id")), anchor=f"f{n}",
                               indicator=_anchor(f["indicator_id"]) if f.get("indicator_id") else "")
                    for n, f in enumerate(sorted(batch.findings.get(pid, []),
                                          key=lambda f: (self.kind_rank.get(f.get("kind"), 99), _str(f.get("url")))),
                                          1)]
        by_indicator: dict[str, list[tuple[str, str]]] = {}
        for f in findings:
            if f.indicator:
                by_indicator.setdefault(f.indicator, []).append((f.anchor, f.title))

        indicators = []
        seen = set()
        for did, dtitle, iid in self.ind_order:
            seen.add(iid)
            indicators.append(self._indicator(iid, dtitle, values.get(iid), scores.get(iid), by_indicator))
        extra = [i for i in self.veto_only if i in values and i not in seen]
        extra += sorted(i for i in values if i not in seen and i not in self.veto_only)
        other = self.labels.other_indicators
        for iid in extra:
            seen.add(iid)
            indicators.append(self._indicator(iid, other, values.get(iid), scores.get(iid), by_indicator))
        for f in findings:              # a finding of an indicator the card does not show links nowhere
            if f.indicator and f.indicator not in {i.anchor for i in indicators}:
                f.indicator = ""
        awards = [AwardRow(self.award_title.get((a["series_id"], a["award_id"]), _str(a["award_id"])),
                           self.group_title.get((a["series_id"], a["award_id"], a["group_id"]), _str(a["group_id"])),
                           a.get("position"), L.t(f"award_status.{a.get('status')}"))
                  for a in data.awards_by_platform.get(pid, [])]
        name = _str(p.get("name")) or pid
        weekly, weekly_max = self._weekly(batch.weekly.get(pid, []))
        highlights = []
        for iid in self.highlighted:
            ev = values.get(iid, {}).get("evidence") or []
            if ev:
                highlights.append(Highlight(highlight(iid, loc), [
                    EvidenceRow(_str(e.get("url")), shown(e.get("detail"), loc), shown(e.get("snippet"), loc))
                    for e in ev]))
        return Card(weekly=weekly, weekly_max=weekly_max, highlights=highlights,
                    title=L.t("scorecard.title", name=name), name=name, group=L.group(p.get("group")),
                    region=L.region(p.get("region")), province=_str(p.get("province")), level=L.level(p.get("level")),
                    org_type=L.org_type(p.get("org_type")), url=_str(p.get("url")), index=fmt_score(r.get("index")),
                    rank=rank_text, rank_interval=rank_interval(r, L) if rank_text else "", vetoes=vetoes,
                    dimensions=[DimensionRow(t, _plain(w), fmt_score(dims.get(d)), bar_width(dims.get(d)),
                                             self.dim_first.get(d, ""))
                                for d, t, w in self.dim_order],
                    indicators=indicators, findings=findings, awards=awards,
                    materials=[MaterialRow(L.t(f"scorecard.{m.get('type')}"), _str(m.get("title")),
                                           _str(m.get("submitted_by")), _str(m.get("submitted_on")),
                                           f"{_str(m.get('source_file'))}:{_str(m.get('source_line'))}")
                               for m in data.materials.get(pid, [])])

    @staticmethod
    def _weekly(weeks: list[tuple[Any, int, int]]) -> tuple[list[WeekBar], str]:
        """Bars of posts per week, laid out in a 600 × 120 SVG viewBox (numbers only: nothing scanned)."""
        if not weeks:
            return [], ""
        top = max(max(p for _, p, _ in weeks), 1)
        width = 560 / len(weeks)
        bars = []
        for i, (wk, posts, reads) in enumerate(weeks):
            h = 100.0 * posts / top
            bars.append(WeekBar(x=round(30 + i * width + 1, 1), y=round(110 - h, 1), height=round(h, 1),
                                label=wk.strftime("%m-%d") if hasattr(wk, "strftime") else str(wk)[5:10],
                                posts=posts, reads=f"{reads:,}"))
        return bars, str(top)

    def _indicator(self, iid: str, dimension: str, value: dict[str, Any] | None,
                   score: dict[str, Any] | None, by_indicator: dict[str, list[tuple[str, str]]]) -> IndicatorRow:
        value = value or {}
        loc = self.L.name
        anchor = _anchor(iid)
        found = by_indicator.get(anchor, [])
        status = _str((score or {}).get("status") or value.get("status") or ("missing" if not value else ""))
        label, code = self._shown_status(status, (score or {}).get("score"), len(found))
        return IndicatorRow(dimension, self.ind_title.get(iid) or self.L.indicator_title(iid),
                            fmt_value(iid, value.get("value"), self.L), fmt_score((score or {}).get("score")),
                            label, code, shown(value.get("detail"), loc),
                            [EvidenceRow(_str(e.get("url")), shown(e.get("detail"), loc), shown(e.get("snippet"), loc))
                             for e in value.get("evidence", [])], anchor=anchor, findings=found)

    def thumbs(self, pid: str, batch: PlatformBatch) -> list[ThumbRow]:
        """Write the platform's screenshots (JPEG data URIs in the store) as files; rows for the template."""
        out = []
        stem = self.files[pid].rsplit(".", 1)[0]
        for device in ("desktop", "phone"):
            uri = (batch.thumbnails.get(pid) or {}).get(device)
            if not uri or not uri.startswith(JPEG_URI):
                continue
            try:
                jpeg = base64.b64decode(uri[len(JPEG_URI):], validate=True)
            except (binascii.Error, ValueError):
                continue
            if not jpeg.startswith(b"\xff\xd8") or len(jpeg) > MAX_THUMB_BYTES:
                continue                       # only our own small JPEGs are written
            name = f"thumbs/{stem}-{device}.jpg"
            (self.dir / "thumbs").mkdir(exist_ok=True)
            atomic_write_bytes(self.dir / name, jpeg, durable=False)
            out.append(ThumbRow(getattr(self.labels, device), name))
        return out

    def write_batch(self, batch: PlatformBatch, *, only: set[str] | None = None,
                    skip: dict[str, Any] | set[str] | None = None) -> None:
        render = self.template.render
        for pid in batch.ids:
            if pid not in self.data.platforms or (only is not None and pid not in only) or (skip and pid in skip):
                continue
            card = self.context(pid, batch)
            card.thumbs = self.thumbs(pid, batch)
            if card.thumbs:
                self.written_thumbs[pid] = [t.src for t in card.thumbs]
            html = render(c=card, L=self.labels, lang=self.lang,
                          framework_title=self.framework_title, check_date=self.check_date,
                          interval_note=self.interval_note)
            atomic_write_text(self.dir / self.files[pid], html, durable=False)   # never half a scorecard

    def write_index(self, results: dict[str, dict[str, Any]] | None = None) -> Path:
        L, data = self.L, self.data
        results = data.results if results is None else results
        rows = []
        for pid, p in data.platforms.items():
            r = results.get(pid, {})
            rank = r.get("rank")
            key = (_str(p.get("group")), 0 if is_number(rank) else 1, rank if is_number(rank) else 0, pid)
            rows.append((key, IndexRow(
                file=self.files[pid], name=_str(p.get("name")) or pid, group=L.group(p.get("group")),
                region=L.region(p.get("region")), level=L.level(p.get("level")), index=fmt_score(r.get("index")),
                rank=result_rank(r, L),
                rank_interval=rank_interval(r, L) if is_number(rank) else "",
                vetoed=L.t("labels.yes") if r.get("vetoed") else "", findings=data.findings_count.get(pid, 0))))
        rows.sort(key=lambda kr: kr[0])
        html = html_env().get_template("scorecard_index.html.j2").render(
            rows=[row for _, row in rows], L=self.labels, lang=self.lang, has_intervals=any(r.rank_interval for _, r in rows),
            intro=L.t("scorecard.index_intro", n=len(rows)))
        path = self.dir / "index.html"
        atomic_write_text(path, html)
        return path

    def write_css(self) -> Path:
        css = html_env().get_template("_style.css.j2").render()
        path = self.dir / "scorecard.css"
        atomic_write_text(path, css)
        return path


def _anchor(indicator_id: str) -> str:
    """The HTML id of an indicator's row (ids are [a-z0-9-]; anything else is dropped)."""
    return "i-" + "".join(c for c in indicator_id if c.isascii() and (c.isalnum() or c == "-"))


def _percent(share: Any) -> str:
    return f"{float(share) * 100:g}" if is_number(share) else ""


def _plain(weight: Any) -> str:
    if not is_number(weight):
        return ""
    return f"{int(weight)}" if float(weight).is_integer() else f"{weight:g}"
