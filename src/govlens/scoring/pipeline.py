"""Score a campaign: one verb per step, each logged with its parameters (COINr style).

    normalise → aggregate dimensions → aggregate index → apply vetoes → rank within groups

Reads ``indicator_values`` and ``findings``; writes ``indicator_scores``, ``dimension_scores``
and ``results`` for the framework, replacing an earlier run of the same framework.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from govlens.errors import ScoringError
from govlens.frameworks.model import Framework
from govlens.scoring.aggregate import AGGREGATORS
from govlens.scoring.normalise import normalise
from govlens.scoring.rank import rank_within_groups
from govlens.store.campaign_store import CampaignStore


@dataclass(frozen=True)
class ScoringSummary:
    framework: str
    platforms: int
    scored: int
    vetoed: int


def score_campaign(store: CampaignStore, framework: Framework) -> ScoringSummary:
    platforms = store.frame('SELECT id AS platform_id, "group", kind FROM platforms ORDER BY id')
    platforms = platforms[platforms["kind"].isin(framework.platform_kinds)].reset_index(drop=True)
    if platforms.empty:
        raise ScoringError(f"no platform of kinds {', '.join(framework.platform_kinds)} in the registry")
    store.require("indicator_values", "scan")
    values = store.frame("SELECT platform_id, indicator_id, value, status FROM indicator_values")
    store.clear_log("scoring")

    ids = platforms["platform_id"].tolist()
    raw, status = _pivot(values, ids, framework.indicator_ids())
    store.log_step("scoring", "normalise", {ref.id: {"method": ref.normalisation.method, **ref.normalisation.params}
                                            for d in framework.dimensions for ref in d.indicators})
    ind_rows: list[dict[str, Any]] = []
    dim_scores: dict[str, np.ndarray] = {}
    coverage = np.zeros(len(ids))
    aggregate = AGGREGATORS[framework.aggregation]
    total_weight = sum(d.weight for d in framework.dimensions) or 1.0
    for dim in framework.dimensions:
        cols = []
        for ref in dim.indicators:
            scores = normalise(raw[ref.id].to_numpy(dtype=float), ref.normalisation.method, ref.normalisation.params)
            cols.append(scores)
            for pid, sc, st in zip(ids, scores, status[ref.id]):
                ind_rows.append({"platform_id": pid, "framework": framework.id, "dimension_id": dim.id,
                                 "indicator_id": ref.id, "score": None if np.isnan(sc) else round(float(sc), 4),
                                 "weight": ref.weight, "status": st})
        matrix = np.column_stack(cols)
        weights = np.array([ref.weight for ref in dim.indicators], dtype=float)
        dim_scores[dim.id], cov = aggregate(matrix, weights)
        coverage += np.nan_to_num(cov) * dim.weight / total_weight
    store.log_step("scoring", "aggregate_dimensions", {"method": framework.aggregation,
                                                       "weights": {d.id: {r.id: r.weight for r in d.indicators}
                                                                   for d in framework.dimensions}})
    dim_matrix = np.column_stack([dim_scores[d.id] for d in framework.dimensions])
    dim_weights = np.array([d.weight for d in framework.dimensions], dtype=float)
    index, _ = aggregate(dim_matrix, dim_weights)
    store.log_step("scoring", "aggregate_index", {"method": framework.aggregation,
                                                  "weights": {d.id: d.weight for d in framework.dimensions}})

    vetoes = apply_vetoes(framework, raw, ids)
    store.log_step("scoring", "apply_vetoes", {v.id: {"indicator": v.indicator, "op": v.op, "value": v.value}
                                               for v in framework.vetoes})

    findings = store.frame("SELECT platform_id, count(*) AS n FROM findings GROUP BY platform_id")
    frame = platforms.assign(index=np.round(index, 4), coverage=np.round(coverage, 4),
                             vetoed=[bool(vetoes[p]) for p in ids], vetoes=[vetoes[p] for p in ids])
    frame = frame.merge(findings.rename(columns={"n": "findings"}), on="platform_id", how="left")
    frame["findings"] = frame["findings"].fillna(0).astype(int)
    ranked = rank_within_groups(frame)
    store.log_step("scoring", "rank", {"within": "group", "vetoed": "last",
                                       "tiebreak": ["index desc", "findings asc", "platform_id asc"]})

    dim_rows = [{"platform_id": pid, "framework": framework.id, "dimension_id": d.id,
                 "score": None if np.isnan(dim_scores[d.id][i]) else round(float(dim_scores[d.id][i]), 4)}
                for i, pid in enumerate(ids) for d in framework.dimensions]
    result_rows = [{"platform_id": r.platform_id, "framework": framework.id,
                    "index": None if pd.isna(r.index) else float(r.index), "vetoed": bool(r.vetoed),
                    "vetoes": r.vetoes, "rank": int(r.rank), "group_size": int(r.group_size),
                    "coverage": float(r.coverage)} for r in ranked.itertuples(index=False)]
    store.replace("indicator_scores", ind_rows, framework=framework.id)
    store.replace("dimension_scores", dim_rows, framework=framework.id)
    store.replace("results", result_rows, framework=framework.id)
    return ScoringSummary(framework=framework.id, platforms=len(ids),
                          scored=int(np.sum(~np.isnan(index))), vetoed=sum(1 for p in ids if vetoes[p]))


def _pivot(values: pd.DataFrame, ids: list[str], indicator_ids: list[str]) -> tuple[pd.DataFrame, dict[str, list[str]]]:
    """Raw values (NaN unless status ok) and statuses, platforms × indicators, in registry order."""
    ok = values[values["status"] == "ok"]
    raw = ok.pivot_table(index="platform_id", columns="indicator_id", values="value", aggfunc="first")
    raw = raw.reindex(index=ids, columns=indicator_ids)
    st = values.pivot_table(index="platform_id", columns="indicator_id", values="status", aggfunc="first")
    st = st.reindex(index=ids, columns=indicator_ids)
    statuses = {c: [s if isinstance(s, str) else "missing" for s in st[c].tolist()] for c in indicator_ids}
    return raw, statuses


def apply_vetoes(framework: Framework, raw: pd.DataFrame, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Each platform's triggered veto rules, with the raw value that triggered them."""
    out: dict[str, list[dict[str, Any]]] = {pid: [] for pid in ids}
    for rule in framework.vetoes:
        column = raw[rule.indicator].to_numpy(dtype=float)
        for pid, value in zip(ids, column):
            if not np.isnan(value) and rule.triggered(float(value)):
                out[pid].append({"id": rule.id, "indicator": rule.indicator, "value": float(value),
                                 "title": rule.title("zh-CN")})
    return out
