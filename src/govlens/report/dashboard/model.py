"""The dashboard's data: one JSON object, built from the store and the report's loaded tables.

Platforms are listed once (``platforms``); award-group rankings refer to them by position, so
the file grows with the number of platforms, not with platforms × awards. Per-platform detail
(findings, screenshots) is gathered from the report's own batches (:class:`Collector`), never by a
query per platform. Every text is a plain string: the page builds its DOM with ``textContent``,
so nothing here is HTML, and scanned strings are bounded in length and lose bidi controls.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from types import SimpleNamespace
from typing import Any

from govlens.awards.config import AwardsConfig
from govlens.cells import strip_bidi
from govlens.frameworks.model import Framework
from govlens.report.data import CampaignData, PlatformBatch
from govlens.store import report_queries as Q
from govlens.report.locale import Locale
from govlens.report.safety import safe_href
from govlens.report.texts import load_catalogue
from govlens.report.texts import shown as shown_text
from govlens.report.values import fmt_rank, is_number, result_rank
from govlens.store.campaign_store import CampaignStore

MAX_TEXT = 300               # characters of any scanned string carried into the page
MAX_FINDINGS = 20            # findings listed on a platform's page (the scorecard has them all)


def _text(value: Any, limit: int = MAX_TEXT) -> str:
    if value is None:
        return ""
    text = strip_bidi(str(value))
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _num(value: Any, digits: int = 2) -> float | None:
    return round(float(value), digits) if is_number(value) else None


class Collector:
    """Per-platform findings (kind, page, evidence URL, detail) taken from the report's batches as they pass.

    The detail is the sentence the platform's scorecard shows for the finding: its stored message rendered
    in the report's locale by :func:`govlens.report.texts.shown`, as :mod:`govlens.report.scorecards` does."""

    def __init__(self, locale: str = "zh-CN") -> None:
        self.locale = locale
        self.findings: dict[str, list[list[str]]] = {}
        self.kinds: dict[str, Counter[str]] = {}
        load_catalogue()

    def add(self, batch: PlatformBatch) -> None:
        for pid, rows in batch.findings.items():
            kinds: Counter[str] = Counter(str(r.get("kind") or "") for r in rows)
            self.kinds[pid] = kinds
            shown = []
            for r in rows[:MAX_FINDINGS]:
                url = safe_href(r.get("url")) or ""
                ev = safe_href(r.get("evidence_url")) or ""
                shown.append([str(r.get("kind") or ""), _text(url, 500), _text(ev, 500),
                              _text(shown_text(r.get("detail"), self.locale))])
            self.findings[pid] = shown


def _previous(store: CampaignStore) -> dict[str, dict[str, Any]]:
    """The comparison with the previous campaign (``score`` wrote it as ``previous_campaign`` observations)."""
    out: dict[str, dict[str, Any]] = {}
    for r in Q.previous_campaign(store):
        try:
            d = json.loads(r["data"]) if isinstance(r["data"], str) else dict(r["data"] or {})
        except (ValueError, TypeError):
            continue
        out[r["platform_id"]] = {"old": _num(d.get("index_old")), "new": _num(d.get("index_new")),
                                 "change": _num(d.get("index_change")),
                                 "rank_old": d.get("rank_old") if is_number(d.get("rank_old")) else None,
                                 "rank_new": d.get("rank_new") if is_number(d.get("rank_new")) else None}
    return out


def _dimension_scores(store: CampaignStore) -> dict[tuple[str, str], dict[str, float | None]]:
    out: dict[tuple[str, str], dict[str, float | None]] = defaultdict(dict)
    for r in Q.dimension_scores(store):
        out[(r["framework"], r["platform_id"])][r["dimension_id"]] = _num(r["score"], 1)
    return out


def _ranked(members: list[tuple[int, float, bool]]) -> list[tuple[int, int, int]]:
    """(platform position, rank, how many share that rank) best first, vetoed platforms last (as their
    scorecards say); tied values share the lowest rank ("min")."""
    members = sorted(members, key=lambda m: (m[2], -m[1], m[0]))
    out, last, rank = [], None, 0
    for i, (pos, value, vetoed) in enumerate(members, start=1):
        if (vetoed, value) != last:
            rank, last = i, (vetoed, value)
        out.append((pos, rank))
    shared = Counter(rank for _, rank in out)
    return [(pos, rank, shared[rank]) for pos, rank in out]



def _series(data: CampaignData, awards: AwardsConfig, dims: dict[tuple[str, str], dict[str, float | None]],
            pids: list[str], position: dict[str, int], L: Locale) -> list[dict[str, Any]]:
    """Each series' awards with every award group ranked as the awards stage ranks it (ties shown as ties)."""
    status = {(a["series_id"], a["award_id"], a["group_id"], a["platform_id"]): a.get("status")
              for a in data.awards}
    plain = {pid: SimpleNamespace(**{k: p.get(k) for k in ("group", "org_type", "level", "kind", "region",
                                                              "province", "id")}) for pid, p in data.platforms.items()}
    series: list[dict[str, Any]] = []
    for s in awards.series:
        award_rows = []
        for a in s.awards:
            dim = a.rank_by.split(":", 1)[1] if a.rank_by.startswith("dimension:") else None
            groups = []
            for g in a.groups:
                members = []
                for pid, ns in plain.items():
                    r = data.results_by_framework.get((a.framework, pid))
                    if not r or not g.admits(ns):        # as the awards stage ranks them
                        continue
                    value = dims.get((a.framework, pid), {}).get(dim) if dim else r.get("index")
                    if is_number(value):
                        members.append((position[pid], float(value), bool(r.get("vetoed"))))
                rows = [[pos, rank, status.get((s.id, a.id, g.id, pids[pos]), "") or "", fmt_rank(rank, L, tied=tied)]
                        for pos, rank, tied in _ranked(members)]
                groups.append({"id": g.id, "title": g.title, "rows": rows})
            award_rows.append({"key": a.key, "title": a.title, "framework": a.framework,
                               "measure": dim or "index", "groups": groups})
        series.append({"id": s.id, "number": s.number, "label": _series_label(s.number, L), "title": s.title,
                       "awards": award_rows})
    return series

def build_model(store: CampaignStore, data: CampaignData, frameworks: Iterable[Framework], awards: AwardsConfig,
                L: Locale, files: dict[str, str], collector: Collector,
                thumbs: dict[str, list[str]], title: str,
                hidden: set[tuple[str, str]] = frozenset()) -> dict[str, Any]:
    """Everything the dashboard shows, as plain JSON values.

    ``hidden``: (framework, platform) results the published tables leave out (a 文明网 website's
    website-2013 result: its own framework is civilization-2013), left out of its page and the map too;
    award groups rank every result the awards stage ranked."""
    frameworks = list(frameworks)
    loc = L.name
    dims = _dimension_scores(store)
    previous = _previous(store)
    pids = list(data.platforms)
    position = {pid: i for i, pid in enumerate(pids)}
    platforms = []
    for pid, p in data.platforms.items():
        scores = {}
        for fw in frameworks:
            r = data.results_by_framework.get((fw.id, pid))
            if not r or (fw.id, pid) in hidden:
                continue
            scores[fw.id] = {"index": _num(r.get("index")), "rank": r.get("rank") if is_number(r.get("rank")) else None,
                             "size": r.get("group_size") if is_number(r.get("group_size")) else None,
                             "rank_text": result_rank(r, L),
                             "median": _num(r.get("rank_median"), 1), "low": _num(r.get("rank_low"), 1),
                             "high": _num(r.get("rank_high"), 1), "vetoed": bool(r.get("vetoed")),
                             "dims": dims.get((fw.id, pid), {})}
        platforms.append({
            "id": _text(pid, 200), "name": _text(p.get("name") or pid, 200), "kind": p.get("kind") or "",
            "group": p.get("group") or "", "level": p.get("level") or "", "region": p.get("region") or "",
            "province": _text(p.get("province") or "", 20), "url": safe_href(p.get("url")) or "",
            "card": "../scorecards/" + files[pid] if pid in files else "",
            "thumbs": thumbs.get(pid, []), "scores": scores,
            "findings": collector.findings.get(pid, []),
            "kinds": dict(collector.kinds.get(pid, {})),
            "n_findings": data.findings_count.get(pid, 0),
            "previous": previous.get(pid),
        })

    series = _series(data, awards, dims, pids, position, L)

    kinds_total: Counter[str] = Counter()
    kinds_platforms: Counter[str] = Counter()
    for pid, kinds in collector.kinds.items():
        if pid not in data.platforms:
            continue
        kinds_total.update(kinds)
        kinds_platforms.update(kinds.keys())
    vocab_keys = ("regions", "levels", "groups", "kinds")
    used = {"regions": {p["region"] for p in platforms}, "levels": {p["level"] for p in platforms},
            "groups": {p["group"] for p in platforms}, "kinds": {p["kind"] for p in platforms}}
    vocab = {k: {v: getattr(L, k[:-1])(v) for v in sorted(used[k]) if v} for k in vocab_keys}
    vocab["defects"] = {k: L.defect(k) for k in kinds_total}
    vocab["frameworks"] = {fw.id: fw.title(loc) for fw in frameworks}
    vocab["dimensions"] = {fw.id: {d.id: d.title(loc) for d in fw.dimensions} for fw in frameworks}
    from govlens.report.dashboard.tiles import COLUMNS, ROWS, tiles
    return {
        "title": _text(title, 200), "lang": str(L.get("meta.lang", loc)),
        "check_date": str(data.campaign.get("check_date") or "")[:10],
        "main_framework": data.framework_id,
        "labels": _labels(L), "vocab": vocab, "platforms": platforms, "series": series,
        "defects": [{"kind": k, "platforms": kinds_platforms[k], "findings": n}
                    for k, n in sorted(kinds_total.items(), key=lambda kv: (-kinds_platforms[kv[0]], -kv[1], kv[0]))],
        "tiles": tiles(), "tile_grid": [COLUMNS, ROWS],
    }


def _series_label(number: int, L: Locale) -> str:
    from govlens.report.numerals import chinese_number
    shown = chinese_number(number) if L.get("format.numerals", "") == "chinese" else str(number)
    return L.t("notice.series_label", number=shown)


LABEL_KEYS = (
    "nav", "nav_rankings", "nav_map", "nav_findings", "series", "award", "group", "province", "level", "region",
    "search", "search_placeholder", "all", "rows_shown", "no_rows", "rank", "name", "index", "rank_interval",
    "status", "vetoed", "back", "scorecard", "open_scorecard", "screenshots", "desktop", "phone", "scores",
    "framework", "dimension", "score", "findings", "no_findings", "finding_kind", "finding_detail", "finding_url",
    "evidence_url",
    "previous", "previous_none", "previous_text", "rank_text", "interval_text", "map_title", "map_intro",
    "map_framework", "map_tile", "map_none", "legend", "findings_title", "findings_intro", "defect_platforms",
    "defect_findings", "by_province", "no_province", "url", "sort_hint", "winner", "nomination",
    "more_findings", "platforms", "mean_index", "kind", "ranking_caption", "defects_caption", "tile_caption",
    "findings_count", "more_rows", "noscript",
)


def _labels(L: Locale) -> dict[str, str]:
    return {k: L.t(f"dashboard.{k}") for k in LABEL_KEYS}
