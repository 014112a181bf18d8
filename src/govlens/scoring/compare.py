"""Year over year: two runs' indices and ranks side by side, each movement explained by dimension.

A unit's change of index is split among the top-level dimensions by the Shapley value of the
index function f (the newer run's top-level aggregation and weights) between last year's
dimension scores d⁰ and this year's d¹:

    φ_j = Σ_{S ⊆ D∖{j}} |S|! (|D| − |S| − 1)! / |D|! · [f(d_{S∪{j}}) − f(d_S)]

where d_S takes this year's score for the dimensions in S and last year's for the others. The
φ_j add up exactly to f(d¹) − f(d⁰) whatever the aggregation (for a weighted arithmetic mean
with no missing dimension, φ_j = w_j Δd_j / Σ w). What is left of the published change —
deductions, bonuses, a changed framework — is reported as ``other``. Above 12 dimensions the
2^|D| evaluations are replaced by the mean of the forward and backward one-at-a-time effects,
scaled to the same total.

A run is read from an output folder of ``govlens index`` or from a campaign store (``.duckdb``).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from govlens.errors import InputError
from govlens.frameworks.model import MethodSpec
from govlens.messages import join, quote, t
from govlens.scoring.aggregate import METHODS as AGGREGATORS
from govlens.scoring.aggregate import copeland
from govlens.scoring.methods import call

EXACT_MAX_DIMENSIONS = 12


@dataclass
class ResultSet:
    """One year's results: per unit (index: id) name, group, index, rank, interval and top-level dimensions."""

    label: str
    table: pd.DataFrame
    dimensions: list[str]
    weights: np.ndarray
    aggregation: MethodSpec


def load_results(path: str | Path, framework: str | None = None, aliases: tuple[str, ...] = ()) -> ResultSet:
    """A ``govlens index`` output folder, or a campaign store file (``framework`` picks one of its frameworks;
    a store written before the framework was renamed holds its results under a former id: ``aliases``, or a
    shipped framework's own)."""
    path = Path(path)
    if path.is_dir():
        return _from_index_dir(path)
    if path.suffix == ".duckdb" and path.is_file():
        return _from_store(path, framework, aliases)
    raise InputError(t("scoring.compare_not_output"), file=str(path))


def _from_index_dir(path: Path) -> ResultSet:
    name = "results.csv"
    try:
        results = pd.read_csv(path / name, dtype={"id": str, "group": str, "name": str},
                              keep_default_na=False, na_values=[""])
        name = "weights.csv"
        weights = pd.read_csv(path / name)
        name = "log.json"
        log = json.loads((path / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise InputError(t("scoring.compare_incomplete", name=name), file=str(path / name)) from None
    root = weights[weights["node"] == "index"]
    dims = root["child"].astype(str).tolist()
    agg = next((s["params"]["index"]["aggregation"] for s in log.get("steps", []) if s["verb"] == "aggregate"),
               {"method": "weighted_arithmetic"})
    table = results.set_index("id")
    table.index = table.index.astype(str)
    missing = [d for d in dims if d not in table.columns]
    if missing:
        raise InputError(t("scoring.compare_no_dimension", name=quote(missing[0])), file=str(path / "results.csv"),
                         field=missing[0])
    return ResultSet(label=str(path), table=table, dimensions=dims, weights=root["weight"].to_numpy(dtype=float),
                     aggregation=MethodSpec(agg["method"], {k: v for k, v in agg.items() if k != "method"}))


def _from_store(path: Path, framework: str | None, aliases: tuple[str, ...] = ()) -> ResultSet:
    from govlens.store.campaign_store import CampaignStore
    from govlens.store.queries import last_step_params, results_with_intervals

    with CampaignStore(path) as store:
        frameworks = store.select("results", "framework", distinct=True)["framework"].tolist()
        if not frameworks:
            raise InputError(t("scoring.compare_no_results"), file=str(path))
        if framework is None:
            meta = store.get_meta("campaign", {}) or {}
            framework = meta.get("framework") if meta.get("framework") in frameworks else frameworks[0]
        if framework not in frameworks:
            framework = _stored_under(framework, aliases, frameworks)
        if framework not in frameworks:
            raise InputError(t("scoring.compare_no_framework", name=quote(str(framework)), known=join(frameworks)),
                             file=str(path))
        res = results_with_intervals(store, framework)
        dims = store.select("dimension_scores", "platform_id", "dimension_id", "score", framework=framework)
        dims = dims.rename(columns={"platform_id": "id"})
        weights = store.select("index_weights", "child", "weight", framework=framework, node="index")
        logged = last_step_params(store, "scoring", "aggregate")
    wide = dims.pivot_table(index="id", columns="dimension_id", values="score", aggfunc="first")
    table = res.set_index("id").join(wide)
    table.index = table.index.astype(str)
    if weights.empty or logged is None:
        from govlens.frameworks.load import load_framework
        fw = load_framework(framework)
        names = [d.id for d in fw.dimensions]
        w = np.array([d.weight for d in fw.dimensions], dtype=float)
        agg = MethodSpec(fw.index_aggregation.method if fw.index_aggregation else fw.aggregation,
                         dict(fw.index_aggregation.params) if fw.index_aggregation else dict(fw.aggregation_params))
    else:
        names = weights["child"].astype(str).tolist()
        w = weights["weight"].to_numpy(dtype=float)
        spec = logged["index"]["aggregation"]
        agg = MethodSpec(spec["method"], {k: v for k, v in spec.items() if k != "method"})
    return ResultSet(label=f"{path} ({framework})", table=table, dimensions=names, weights=w, aggregation=agg)


def _stored_under(framework: str, aliases: tuple[str, ...], stored: list[str]) -> str:
    """The name a store holds a renamed framework's results under: one of ``aliases``, else of the shipped
    framework's ids (current and former); ``framework`` itself when none is stored."""
    if not aliases:
        from govlens.frameworks.load import former_ids
        aliases = former_ids(framework)
    return next((a for a in aliases if a in stored), framework)


def _index_function(new: ResultSet) -> Any:
    fn = AGGREGATORS.method(new.aggregation.method)
    if fn is copeland or new.aggregation.method == "kemeny":
        name = "Copeland" if fn is copeland else "Kemeny"
        raise InputError(t("scoring.compare_pairs", name=name), file=new.label)
    params = dict(new.aggregation.params)

    def f(x: np.ndarray) -> np.ndarray:
        return call(fn, x, new.weights, params=params)[0]
    return f


def shapley(old: np.ndarray, new: np.ndarray, f: Any) -> np.ndarray:
    """Per-unit Shapley contributions (n × D) of each dimension to f(new) − f(old)."""
    n, d = old.shape
    phi = np.zeros((n, d))
    if d > EXACT_MAX_DIMENSIONS:
        base_old, base_new = f(old), f(new)
        for j in range(d):
            fwd = old.copy()
            fwd[:, j] = new[:, j]
            bwd = new.copy()
            bwd[:, j] = old[:, j]
            phi[:, j] = 0.5 * ((f(fwd) - base_old) + (base_new - f(bwd)))
        total = phi.sum(axis=1)
        target = base_new - base_old
        with np.errstate(invalid="ignore", divide="ignore"):
            scale = np.where(np.abs(total) > 1e-12, target / total, 1.0)
        return phi * scale[:, None]
    values: dict[frozenset[int], np.ndarray] = {}
    for size in range(d + 1):
        for subset in combinations(range(d), size):
            x = old.copy()
            x[:, list(subset)] = new[:, list(subset)]
            values[frozenset(subset)] = f(x)
    for j in range(d):
        others = [i for i in range(d) if i != j]
        for size in range(d):
            coef = math.factorial(size) * math.factorial(d - size - 1) / math.factorial(d)
            for subset in combinations(others, size):
                s = frozenset(subset)
                with np.errstate(invalid="ignore"):
                    phi[:, j] += coef * (values[s | {j}] - values[s])
    return phi


def compare(old: ResultSet, new: ResultSet) -> pd.DataFrame:
    """One row per unit of either year: indices, ranks, their changes and the change explained by dimension."""
    both = new.table.index.intersection(old.table.index)
    only_new = new.table.index.difference(old.table.index)
    dropped = old.table.index.difference(new.table.index)
    dims = new.dimensions
    old_dims = [d for d in dims if d in old.table.columns]
    if not old_dims:
        raise InputError(t("scoring.compare_no_shared", dims=join(list(dims))), file=old.label)
    o = old.table.loc[both]
    nw = new.table.loc[both]
    x_old = np.column_stack([o[d].to_numpy(dtype=float) if d in o.columns else nw[d].to_numpy(dtype=float)
                             for d in dims])
    x_new = np.column_stack([nw[d].to_numpy(dtype=float) for d in dims])
    phi = shapley(x_old, x_new, _index_function(new))
    out = pd.DataFrame(index=both)
    out["name"] = nw["name"] if "name" in nw else ""
    out["group"] = nw["group"].astype(str) if "group" in nw else ""
    out["group_old"] = o["group"].astype(str) if "group" in o else ""
    out["index_old"] = o["index"].to_numpy(dtype=float)
    out["index_new"] = nw["index"].to_numpy(dtype=float)
    out["index_change"] = out["index_new"] - out["index_old"]
    out["rank_old"] = o["rank"].to_numpy(dtype=float)
    out["rank_new"] = nw["rank"].to_numpy(dtype=float)
    same_group = out["group"] == out["group_old"]
    out["rank_change"] = np.where(same_group, out["rank_old"] - out["rank_new"], np.nan)   # + = moved up
    for j, d in enumerate(dims):
        out[f"change_{d}"] = x_new[:, j] - x_old[:, j]
        out[f"contribution_{d}"] = phi[:, j]
    explained = np.nansum(phi, axis=1)
    out["contribution_other"] = out["index_change"] - explained
    if {"rank_low", "rank_high"} <= set(o.columns) and {"rank_low", "rank_high"} <= set(nw.columns):
        lo_o, hi_o = o["rank_low"].to_numpy(dtype=float), o["rank_high"].to_numpy(dtype=float)
        lo_n, hi_n = nw["rank_low"].to_numpy(dtype=float), nw["rank_high"].to_numpy(dtype=float)
        out["beyond_uncertainty"] = np.where(same_group & ~np.isnan(lo_o) & ~np.isnan(lo_n),
                                             (hi_n < lo_o) | (lo_n > hi_o), False)
    out["main_driver"] = [_driver(row, dims) for row in phi]
    out["status"] = "both"
    extra = []
    for ids, frame, status in ((only_new, new.table, "new"), (dropped, old.table, "dropped")):
        if len(ids):
            part = pd.DataFrame(index=ids)
            part["name"] = frame.loc[ids, "name"] if "name" in frame else ""
            part["group"] = frame.loc[ids, "group"].astype(str) if "group" in frame else ""
            key = "new" if status == "new" else "old"
            part[f"index_{key}"] = frame.loc[ids, "index"].to_numpy(dtype=float)
            part[f"rank_{key}"] = frame.loc[ids, "rank"].to_numpy(dtype=float)
            part["status"] = status
            extra.append(part)
    out = pd.concat([out, *extra]) if extra else out
    out.index.name = "id"
    return out


def _driver(row: np.ndarray, dims: list[str]) -> str:
    if np.all(np.isnan(row)) or np.nanmax(np.abs(row)) < 1e-9:
        return ""
    return dims[int(np.nanargmax(np.abs(row)))]


def summary(table: pd.DataFrame, top: int = 5) -> dict[str, Any]:
    """Counts and the largest movements, for the command line."""
    both = table[table["status"] == "both"]
    moved = both["rank_change"].dropna()
    return {"units": int(len(both)), "new": int((table["status"] == "new").sum()),
            "dropped": int((table["status"] == "dropped").sum()), "up": int((moved > 0).sum()),
            "down": int((moved < 0).sum()), "unchanged": int((moved == 0).sum()),
            "mean_index_change": float(both["index_change"].mean()) if len(both) else float("nan"),
            "beyond_uncertainty": int(both["beyond_uncertainty"].sum()) if "beyond_uncertainty" in both else None,
            "largest": both.reindex(both["rank_change"].abs().sort_values(ascending=False).index)
            .head(top)[["name", "group", "rank_old", "rank_new", "index_change", "main_driver"]]
            .reset_index().to_dict("records")}


def write_comparison(table: pd.DataFrame, out: Path) -> None:
    """The comparison as CSV, every text cell neutralised (names and ids are anyone's text), written atomically."""
    from govlens.atomic import atomic_path
    from govlens.cells import neutralise_cell

    out.parent.mkdir(parents=True, exist_ok=True)
    safe = table.copy()
    safe.index = pd.Index([neutralise_cell(str(i)) for i in safe.index], name=table.index.name)
    for col in safe.columns:
        if safe[col].dtype == object:
            safe[col] = safe[col].map(neutralise_cell)
    with atomic_path(out) as tmp:
        safe.to_csv(tmp, float_format="%.6g", encoding="utf-8")
