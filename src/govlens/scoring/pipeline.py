"""Score a campaign: the campaign store adapted to the composite-indicator engine.

Reads ``platforms``, ``indicator_values`` and ``findings``; runs :func:`build_index` (every
verb logged to the store's ``run_log`` under stage ``scoring``); writes ``indicator_scores``,
``dimension_scores`` and ``results`` as before, plus ``rank_intervals`` (median rank and its
interval, published next to every rank), ``index_details`` (deductions, bonus, availability),
``index_weights``, ``sensitivity`` and ``scoring_analysis`` (treatment, imputation, statistics),
replacing an earlier run of the same framework.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from govlens.errors import ScoringError
from govlens.frameworks.model import Framework
from govlens.messages import t
from govlens.scoring.engine import build_index
from govlens.scoring.methods import no_platforms
from govlens.scoring.rules import vetoes_of
from govlens.scoring.run import IndexRun
from govlens.scoring.table import IndexInput
from govlens.scoring.tree import ROOT
from govlens.store.campaign_store import CampaignStore, to_json
from govlens.store.queries import findings_per_platform

PLATFORM_EXTRA = ("kind", "org_type", "level", "province", "region")
STAGE = "scoring"


@dataclass(frozen=True)
class ScoringSummary:
    framework: str
    platforms: int
    scored: int
    vetoed: int
    replications: int = 0


def campaign_input(store: CampaignStore, framework: Framework) -> IndexInput:
    """The framework's platforms × indicators (raw value where the status is ok), with groups and findings."""
    platforms = store.select("platforms", "id", "group", "kind", "org_type", "level", "province", "region",
                             order_by=("id",))
    keep = platforms["kind"].isin(framework.platform_kinds)
    if framework.platform_groups:
        keep &= platforms["group"].fillna("").isin(framework.platform_groups)
    platforms = platforms[keep].reset_index(drop=True)
    if platforms.empty:
        raise ScoringError(no_platforms(framework.platform_kinds, framework.platform_groups))
    store.require("indicator_values", "scan")
    values = store.select("indicator_values", "platform_id", "indicator_id", "value", "status")
    ids = platforms["id"].astype(str).tolist()
    indicator_ids = framework.indicator_ids()
    ok = values[values["status"] == "ok"]
    raw = ok.pivot_table(index="platform_id", columns="indicator_id", values="value", aggfunc="first")
    raw = raw.reindex(index=ids, columns=indicator_ids).astype(float)
    st = values.pivot_table(index="platform_id", columns="indicator_id", values="status", aggfunc="first")
    st = st.reindex(index=ids, columns=indicator_ids)
    findings = findings_per_platform(store)
    nfind = pd.Series(findings["n"].to_numpy(), index=findings["platform_id"].astype(str)).reindex(ids).fillna(0)
    index = pd.Index(ids, name="id", dtype=object)
    raw.index = index
    st.index = index
    extra = platforms[list(PLATFORM_EXTRA)].copy()
    extra.index = index
    return IndexInput(values=raw, groups=pd.Series(platforms["group"].fillna("").astype(object).to_numpy(), index=index),
                      tiebreak=pd.Series(nfind.to_numpy(dtype=float), index=index), statuses=st.fillna("missing"),
                      extra=extra, source=f"{store.path} (indicator_values)")


def score_campaign(store: CampaignStore, framework: Framework, *, replications: int | None = None) -> ScoringSummary:
    """Run the engine on the campaign's indicator values and write its tables to the store."""
    inp = campaign_input(store, framework)
    run = build_index(inp, framework, replications=replications)
    whole_ranks(run)                                  # before anything in the store is replaced
    store.clear_log(STAGE)
    for step in run.log:
        store.log_step(STAGE, step.verb, step.params)
    write_run(store, run)
    res = run.results
    assert res is not None
    reps = int(run.analysis["uncertainty"]["replications"].iloc[0]) if "uncertainty" in run.analysis else 0
    return ScoringSummary(framework=framework.id, platforms=len(res), scored=int(res["index"].notna().sum()),
                          vetoed=int(res["vetoed"].sum()), replications=reps)


def whole_ranks(run: IndexRun) -> None:
    """The store keeps whole ranks (INTEGER): refuse the half ranks of ``ties: average``."""
    assert run.results is not None
    ranks = run.results["rank"].to_numpy(dtype=float)
    if not np.array_equal(ranks, np.round(ranks)):
        raise run.error(t("scoring.ties_average"), "rank.ties")


def write_run(store: CampaignStore, run: IndexRun) -> None:
    fid = run.framework.id
    res = run.results
    assert res is not None
    whole_ranks(run)
    ids = res.index.to_numpy(dtype=object)
    normalised = run.data["normalised"]
    raw = run.data["raw"]
    parent = run.tree.parent_of()
    statuses = run.input.statuses
    frames = []
    for ref in run.tree.indicators:
        node = run.tree.node(parent[ref.id])
        i = node.children.index(ref.id)
        weight = float(run.weights[node.id][i] * node.expert_weights.sum())
        score = normalised[ref.id].to_numpy(dtype=float)
        status = (statuses[ref.id].to_numpy(dtype=object) if statuses is not None and ref.id in statuses
                  else np.where(raw[ref.id].isna().to_numpy(), "missing", "ok").astype(object))
        status = np.where((status != "ok") & ~np.isnan(score), "imputed", status)
        frames.append(pd.DataFrame({"platform_id": ids, "framework": fid, "dimension_id": node.id,
                                    "indicator_id": ref.id, "score": np.round(score, 4), "weight": weight,
                                    "status": status}))
    store.replace_frame("indicator_scores", pd.concat(frames, ignore_index=True), framework=fid)

    aggregated = run.data["aggregated"]
    dims = [pd.DataFrame({"platform_id": ids, "framework": fid, "dimension_id": d,
                          "score": np.round(aggregated[d].to_numpy(dtype=float), 4)})
            for d in run.tree.dimension_ids()]
    store.replace_frame("dimension_scores", pd.concat(dims, ignore_index=True), framework=fid)

    results = pd.DataFrame({"platform_id": ids, "framework": fid, "index": np.round(res["index"].to_numpy(float), 4),
                            "vetoed": res["vetoed"].to_numpy(dtype=bool),
                            "vetoes": [to_json(v) for v in res["vetoes"]], "rank": res["rank"].to_numpy(dtype=int),
                            "group_size": res["group_size"].to_numpy(dtype=int),
                            "coverage": np.round(res["coverage"].to_numpy(float), 4)})
    store.replace_frame("results", results, framework=fid)

    if "rank_median" in res:
        info = run.analysis["uncertainty"].iloc[0]
        store.replace_frame("rank_intervals", pd.DataFrame({
            "platform_id": ids, "framework": fid, "rank": res["rank"].to_numpy(dtype=int),
            "rank_median": res["rank_median"].to_numpy(float), "rank_low": res["rank_low"].to_numpy(float),
            "rank_high": res["rank_high"].to_numpy(float), "quantile_low": float(info["quantile_low"]),
            "quantile_high": float(info["quantile_high"]), "replications": int(info["replications"])}),
            framework=fid)
    else:
        store.delete("rank_intervals", framework=fid)
    screening = run.analysis["screening"]
    store.replace_frame("index_details", pd.DataFrame({
        "platform_id": ids, "framework": fid, "aggregated": np.round(res["aggregated"].to_numpy(float), 4),
        "deductions": res["deductions"].to_numpy(float), "bonus": res["bonus"].to_numpy(float),
        "qualified": res["qualified"].to_numpy(dtype=object) if "qualified" in res else None,
        "availability": screening["availability"].to_numpy(float),
        "included": screening["included"].to_numpy(dtype=bool)}), framework=fid)
    weights = run.analysis.get("weights")
    if weights is not None:
        base = {"node", "child", "method", "weight", "expert_weight"}
        store.replace_frame("index_weights", pd.DataFrame({
            "framework": fid, "node": weights["node"], "child": weights["child"], "method": weights["method"],
            "weight": weights["weight"], "expert_weight": weights["expert_weight"],
            "details": [to_json({k: _plain(v) for k, v in row.items() if k not in base and not _blank(v)})
                        for row in weights.to_dict("records")]}), framework=fid)
    sens = run.analysis.get("sensitivity")
    store.replace_frame("sensitivity", pd.DataFrame({
        "framework": fid, "factor": sens["factor"] if sens is not None else [],
        "s1": sens["S1"] if sens is not None else [], "s1_conf": sens["S1_conf"] if sens is not None else [],
        "st": sens["ST"] if sens is not None else [], "st_conf": sens["ST_conf"] if sens is not None else []}),
        framework=fid)
    analysis = []
    for name in ("denomination", "imputation", "treatment", "indicator_stats", "node_stats", "flags", "uncertainty"):
        table = run.analysis.get(name)
        if table is not None:
            analysis.append({"framework": fid, "name": name,
                             "content": json.dumps([{k: _plain(v) for k, v in r.items()}
                                                    for r in table.to_dict("records")], ensure_ascii=False)})
    analysis.append({"framework": fid, "name": "notes", "content": json.dumps(run.notes, ensure_ascii=False)})
    store.replace_frame("scoring_analysis", pd.DataFrame(analysis), framework=fid)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and np.isnan(value))


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not np.isfinite(value):
        return None
    return value


def apply_vetoes(run: IndexRun) -> dict[str, list[dict[str, Any]]]:
    """Each unit's triggered veto rules, with the raw value that triggered them."""
    return dict(zip(run.input.ids, vetoes_of(run)))


__all__ = ["ROOT", "ScoringSummary", "apply_vetoes", "campaign_input", "score_campaign", "write_run"]
