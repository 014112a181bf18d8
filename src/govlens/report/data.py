"""Reading the campaign store for the reports: whole tables once, per-platform detail in batches.

Nothing here queries per platform. The small tables (platforms, results, awards, aggregate
counts) are loaded whole; the large ones (indicator values and scores, findings) are read in
batches of consecutive platform ids and grouped in Python, so memory stays bounded at
100,000 platforms and more.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from govlens.store import report_queries as Q
from govlens.store.campaign_store import CampaignStore
from govlens.store.queries import findings_per_platform

PLATFORM_FIELDS = ("id", "name", "kind", "org_type", "level", "province", "region", "url", "group")


def _json_list(value: Any) -> list[Any]:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return []
    return list(value) if isinstance(value, (list, tuple)) else []


def _clean(value: Any) -> Any:
    """NaN/NA → None; numpy scalars → Python."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        return value
    if hasattr(value, "item"):
        return value.item()
    return value


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    cols = list(frame.columns)
    return [{c: _clean(v) for c, v in zip(cols, row)} for row in frame.itertuples(index=False, name=None)]




@dataclass
class CampaignData:
    """What the notice and the tables need, loaded once."""

    framework_id: str
    campaign: dict[str, Any]
    platforms: dict[str, dict[str, Any]]                 # id → registry row, in id order
    results: dict[str, dict[str, Any]]                    # id → result of the report's framework
    results_by_framework: dict[tuple[str, str], dict[str, Any]]   # (framework, id) → result
    dimensions: dict[str, dict[str, float | None]]        # id → dimension id → score (report's framework)
    findings_count: dict[str, int]
    findings_by_kind: list[dict[str, Any]]                # kind, platforms, findings
    awards: list[dict[str, Any]]                          # award rows ordered by series, award, group, status, position
    awards_by_platform: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    award_dimensions: dict[tuple[str, str], dict[str, float | None]] = field(default_factory=dict)
    uncertainty: dict[str, Any] = field(default_factory=dict)   # the Monte Carlo behind the rank intervals
    award_values: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)  # (award platform, indicator)
    materials: dict[str, list[dict[str, Any]]] = field(default_factory=dict)   # id → self-nominations, recommendations
    award_evidence: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=dict)
    # (framework, id) → the award platform's scored indicators (dimension, indicator, value, score), best first

    def check_date(self) -> date | None:
        raw = self.campaign.get("check_date")
        if isinstance(raw, date):
            return raw
        try:
            return date.fromisoformat(str(raw)[:10]) if raw else None
        except ValueError:
            return None


def load_campaign(store: CampaignStore, framework_id: str) -> CampaignData:
    platforms = {r["id"]: r for r in Q.platforms(store)}
    results_by_framework: dict[tuple[str, str], dict[str, Any]] = {}
    for r in Q.results(store):      # with rank_ties: a tie, which the reports say as 并列第N (values.fmt_rank)
        r["vetoes"] = [v for v in _json_list(r.get("vetoes")) if isinstance(v, dict)]
        r["vetoed"] = bool(r.get("vetoed")) or bool(r["vetoes"])
        results_by_framework[(r["framework"], r["platform_id"])] = r
    results = {pid: r for (fw, pid), r in results_by_framework.items() if fw == framework_id}

    dimensions: dict[str, dict[str, float | None]] = defaultdict(dict)
    for r in Q.dimension_scores(store, framework_id):
        dimensions[r["platform_id"]][r["dimension_id"]] = r["score"]

    fc = findings_per_platform(store)
    findings_count = {pid: int(n) for pid, n in fc.itertuples(index=False, name=None)}
    fk = Q.findings_by_kind(store)
    findings_by_kind = _records(fk)

    aw_df = Q.awards(store)
    awards = _records(aw_df)
    by_platform: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for a in awards:
        by_platform[a["platform_id"]].append(a)

    award_dimensions: dict[tuple[str, str], dict[str, float | None]] = defaultdict(dict)
    if awards:
        ad = Q.award_dimension_scores(store)
        for pid, fw, did, score in ad.itertuples(index=False, name=None):
            award_dimensions[(fw, pid)][did] = _clean(score)

    award_values: dict[tuple[str, str], dict[str, Any]] = {}
    if awards:       # the measured values the evidence-based award reasons state (award platforms only: few)
        for r in Q.award_indicator_values(store):
            r["evidence"] = [e for e in _json_list(r.get("evidence")) if isinstance(e, dict)]
            award_values[(r["platform_id"], r["indicator_id"])] = r

    uncertainty: dict[str, Any] = {}
    rows = Q.scoring_analysis(store, framework_id, "uncertainty")
    if rows:
        content = _json_list(rows[0]["content"])
        uncertainty = content[0] if content and isinstance(content[0], dict) else {}
    award_evidence: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    if awards:
        for r in Q.award_indicator_scores(store):
            award_evidence[(r["framework"], r["platform_id"])].append(r)
    materials: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in Q.materials(store):
        materials[m["platform_id"]].append(m)
    campaign = store.get_meta("campaign", {}) or {}
    return CampaignData(framework_id=framework_id, campaign=campaign if isinstance(campaign, dict) else {},
                        platforms=platforms, results=results, results_by_framework=results_by_framework,
                        dimensions=dict(dimensions), findings_count=findings_count,
                        findings_by_kind=findings_by_kind, awards=awards, awards_by_platform=dict(by_platform),
                        award_dimensions=dict(award_dimensions), uncertainty=uncertainty,
                        award_values=award_values, materials=dict(materials),
                        award_evidence=dict(award_evidence))


@dataclass
class PlatformBatch:
    """Per-platform detail of a run of consecutive platform ids (and of orphan rows between them)."""

    ids: list[str]
    indicator_values: dict[str, list[dict[str, Any]]]
    indicator_scores: dict[str, list[dict[str, Any]]]
    findings: dict[str, list[dict[str, Any]]]
    findings_rows: list[dict[str, Any]]                   # every finding in the id range, sorted
    weekly: dict[str, list[tuple[date, int, int]]] = field(default_factory=dict)   # new media: (week, posts, reads)
    thumbnails: dict[str, dict[str, str]] = field(default_factory=dict)   # id → device → data: URI (browser probe)


def _grouped(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        out[r["platform_id"]].append(r)
    return out


def iter_batches(store: CampaignStore, ids: list[str], framework_id: str | list[str],
                 batch_size: int = 5000) -> Iterator[PlatformBatch]:
    """Batches of ``ids`` (sorted) with their detail rows; the id ranges cover every id in the tables,
    so rows of platforms missing from the registry still reach ``findings_rows``."""
    ids = sorted(ids)
    starts = list(range(0, len(ids), batch_size)) or [0]
    for bi, start in enumerate(starts):
        chunk = ids[start:start + batch_size]
        lower = ids[start - 1] if start > 0 else None
        upper = chunk[-1] if chunk and bi < len(starts) - 1 else None
        fws = [framework_id] if isinstance(framework_id, str) else list(framework_id)
        rows = Q.batch_rows(store, lower, upper, fws)
        iv, isc, fr = rows["values"], rows["scores"], rows["findings"]
        for r in iv:
            r["evidence"] = [e for e in _json_list(r.get("evidence")) if isinstance(e, dict)]
        weekly = _weekly(rows["weekly"])
        fr.sort(key=lambda r: (r["platform_id"] or "", r["kind"] or "", r["url"] or "", r["detail"] or ""))
        thumbs: dict[str, dict[str, str]] = defaultdict(dict)
        for r in rows["thumbnails"]:
            if r["device"] and r["thumb"]:
                thumbs[r["platform_id"]][r["device"]] = r["thumb"]
        yield PlatformBatch(ids=chunk, indicator_values=_grouped(iv), indicator_scores=_grouped(isc),
                            findings=_grouped(fr), findings_rows=fr, weekly=weekly,
                            thumbnails=dict(thumbs))


def _weekly(rows: list[dict[str, Any]]) -> dict[str, list[tuple[date, int, int]]]:
    """Posts and reads per week of the new-media accounts in a batch (the scorecards' activity chart)."""
    out: dict[str, list[tuple[date, int, int]]] = defaultdict(list)
    for r in rows:
        out[r["platform_id"]].append((r["wk"], int(r["posts"] or 0), int(r["reads"] or 0)))
    return dict(out)
