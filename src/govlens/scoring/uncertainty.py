"""Uncertainty and sensitivity of the ranks: the run replayed under perturbed assumptions.

The assumptions (the framework's ``uncertainty`` section) are the uncertain factors:

    weights        every weight × U(1 − noise, 1 + noise), drawn anew for each replication
    normalisation  the nominal method or one of the alternatives, for every indicator
    aggregation    the nominal methods or one alternative, at every level
    imputation     the nominal imputation or one alternative
    treatment      the nominal outlier treatment or one alternative

Each factor is one number u ∈ [0, 1) per replication (a discrete choice takes alternative
⌊u·m⌋; the weights factor picks one of a pool of pre-drawn noisy weight sets, as COINr does).
With ``sensitivity: true`` the replications are SALib's Saltelli design (N·(k + 2) runs for k
factors) and SALib's Sobol analysis gives first-order and total indices of the mean absolute
rank shift to each factor; otherwise they are plain Monte Carlo draws. Every replication
yields every unit's rank within its group; a unit's median rank and its rank interval (5th and
95th percentiles by default) are published next to its rank.

Replaying the whole pipeline per replication would cost R times a full run. Instead the data
steps (imputation, treatment, normalisation) run once per distinct combination of their choices,
and the weighting, aggregation, rules and ranking of many replications run together: a power
mean over R weight sets is one matrix product (n × k) @ (k × R). Ranks are exact — quicksort of
each replication's index within each group block, ties broken by the nominal tie-break order
— and the rank matrix is kept in the smallest integer type that holds the largest group.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from govlens.frameworks.model import MethodSpec, UncertaintySpec
from govlens.scoring import impute as impute_mod
from govlens.scoring import normalise as normalise_mod
from govlens.scoring import treat as treat_mod
from govlens.scoring.aggregate import aggregate_node, power_of
from govlens.scoring.rank import tiebreak_position
from govlens.scoring.rules import adjust, adjustments
from govlens.scoring.run import IndexRun
from govlens.scoring.tree import ROOT, Node, build_tree

BATCH_BYTES = 192 * 2 ** 20       # float32 node outputs alive at once, per batch of replications


@dataclass
class Factor:
    name: str
    choices: list[Any]              # weights: pool indices; others: None (nominal) or a MethodSpec


def factors_of(spec: UncertaintySpec) -> list[Factor]:
    out = []
    if spec.weight_noise > 0:
        out.append(Factor("weights", []))
    for name in ("normalisation", "aggregation", "imputation", "treatment"):
        alternatives = list(getattr(spec, name))
        if alternatives:
            out.append(Factor(name, [None, *alternatives]))
    return out


def design(factors: list[Factor], spec: UncertaintySpec, replications: int) -> tuple[np.ndarray, dict[str, Any]]:
    """(runs × factors matrix of u ∈ [0, 1), the SALib problem or {}).

    With sensitivity: SALib's Saltelli design (``sobol.sample``, no second order) of N·(k + 2)
    runs, N = replications // (k + 2) so the runs do not exceed the replications asked for."""
    k = len(factors)
    if k == 0:
        return np.zeros((replications, 0)), {}
    if spec.sensitivity:
        from SALib.sample import sobol

        problem = {"num_vars": k, "names": [f.name for f in factors], "bounds": [[0.0, 1.0]] * k}
        n = max(2, replications // (k + 2))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")     # N need not be a power of 2 for our use
            u = sobol.sample(problem, n, calc_second_order=False, scramble=True, seed=spec.seed)
        return np.clip(u, 0.0, np.nextafter(1.0, 0.0)), problem
    return np.random.default_rng(spec.seed).random((replications, k)), {}


def weight_pool(run: IndexRun, tree_nodes: tuple[Node, ...], spec: UncertaintySpec, runs: int,
                seed: int) -> dict[str, np.ndarray]:
    """node → (k, runs) noisy weights: nominal effective weights × U(1 − noise, 1 + noise)."""
    rng = np.random.default_rng(seed + 1)
    pool = {}
    for node in tree_nodes:
        w = run.weights[node.id]
        if spec.weight_noise > 0 and (not spec.weight_levels or node.level in spec.weight_levels):
            noise = rng.uniform(1 - spec.weight_noise, 1 + spec.weight_noise, size=(len(w), runs))
            pool[node.id] = w[:, None] * noise
        else:
            pool[node.id] = np.repeat(w[:, None], runs, axis=1)
    return pool


def _normalised_for(run: IndexRun, choice: tuple[Any, Any, Any]) -> np.ndarray:
    """The normalised indicator matrix (n × m, float32) for (imputation, treatment, normalisation) choices."""
    imp, trt, nrm = choice
    if imp is None and trt is None and nrm is None:
        frame = run.data["normalised"]
    else:
        frame = run.data["denominated"]
        frame, _ = impute_mod.impute_frame(run, frame, impute_mod.specs_of(run, imp))
        frame, _ = treat_mod.treat_frame(run, frame, treat_mod.specs_of(run, trt))
        frame, _ = normalise_mod.normalise_frame(run, frame, normalise_mod.specs_of(run, nrm))
    return frame[run.tree.indicator_ids()].to_numpy(dtype=np.float32)


class Ranker:
    """Exact ranks within groups for many replications of the index (vetoed last, ties by nominal order)."""

    def __init__(self, groups: np.ndarray, vetoed: np.ndarray, tiebreak: np.ndarray) -> None:
        codes, _ = pd.factorize(pd.Series(groups, dtype=object), sort=True)
        order = np.lexsort((tiebreak, vetoed.astype(int), codes))
        self.blocks: list[tuple[np.ndarray, int]] = []       # (unit indices in tie-break order, rank offset)
        sorted_codes, sorted_veto = codes[order], vetoed[order].astype(int)
        starts = np.flatnonzero(np.r_[True, (np.diff(sorted_codes) != 0) | (np.diff(sorted_veto) != 0)])
        ends = np.r_[starts[1:], len(order)]
        group_start = {}
        for s, e in zip(starts, ends):
            g = sorted_codes[s]
            group_start.setdefault(g, s)
            self.blocks.append((order[s:e], int(s - group_start[g])))
        self.max_group = int(np.bincount(codes).max()) if len(codes) else 0
        self.dtype = np.uint16 if self.max_group < 2 ** 16 - 1 else np.uint32

    def ranks(self, scores: np.ndarray, out: np.ndarray) -> None:
        """Write the ranks of each column of ``scores`` (n × B) into ``out`` (n × B)."""
        for idx, offset in self.blocks:
            block = scores[idx]
            block = np.where(np.isnan(block), -np.inf, block)
            for r in range(block.shape[1]):
                v = -block[:, r]
                o = np.argsort(v)
                sv = v[o]
                tie = sv[1:] == sv[:-1]
                if tie.any():                                   # equal index: keep the tie-break order
                    in_run = np.r_[tie, False] | np.r_[False, tie]
                    run_id = np.cumsum(np.r_[True, ~tie])[in_run]
                    members = o[in_run]
                    o[in_run] = members[np.lexsort((members, run_id))]
                col = np.empty(len(idx), dtype=out.dtype)
                col[o] = np.arange(offset + 1, offset + 1 + len(idx), dtype=out.dtype)
                out[idx, r] = col


def _batched_power_mean(children: list[np.ndarray], weights: np.ndarray, p: float, zero_floor: float | None,
                        min_coverage: float) -> np.ndarray:
    """Power mean where each child is already (n × B) (one column per replication) and weights are (k × B)."""
    num = None
    den = None
    total = weights.sum(axis=0)
    for c, child in enumerate(children):
        present = ~np.isnan(child)
        x = child
        if p <= 0:
            x = np.maximum(x, zero_floor if zero_floor is not None else np.finfo(np.float32).tiny)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            t = x if p == 1 else np.log(x) if p == 0 else np.power(x, p)
        t = np.where(present, t, 0.0)
        contrib = t * weights[c][None, :]
        pres = present * weights[c][None, :]
        num = contrib if num is None else num + contrib
        den = pres if den is None else den + pres
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ratio = num / den
        agg = ratio if p == 1 else np.exp(ratio) if p == 0 else np.power(ratio, 1.0 / p)
        ok = (den > 0) & (den / total[None, :] >= min_coverage - 1e-12)
    return np.where(ok, agg, np.nan).astype(np.float32)


def _replicate_index(run: IndexRun, nodes: tuple[Node, ...], x: np.ndarray, pool: dict[str, np.ndarray],
                     cols: np.ndarray) -> np.ndarray:
    """The aggregated index (n × B) of replications ``cols`` (indices into the weight pool)."""
    column = {c: i for i, c in enumerate(run.tree.indicator_ids())}
    outputs: dict[str, np.ndarray] = {}
    for node in nodes:
        w = pool[node.id][:, cols].astype(np.float32)
        spec = node.aggregation
        p = power_of(spec.method, spec.params)
        params = dict(spec.params)
        if p is None:                                   # copeland: one replication at a time
            agg = np.empty((x.shape[0], len(cols)), dtype=np.float32)
            for b in range(len(cols)):
                xs = x[:, [column[c] for c in node.children]] if node.leaf_parent else \
                    np.column_stack([outputs[c][:, b] for c in node.children])
                agg[:, b] = aggregate_node(run, node.id, xs.astype(float), w[:, b].astype(float), spec,
                                           node.aggregation_path, node.children)[0]
        elif node.leaf_parent:
            xs = x[:, [column[c] for c in node.children]]
            agg = aggregate_node(run, node.id, xs, w, spec, node.aggregation_path, node.children)[0] \
                .astype(np.float32)
        else:
            agg = _batched_power_mean([outputs[c] for c in node.children], w, p, params.get("zero_floor", 1.0),
                                      float(params.get("min_coverage", 0.0)))
        outputs[node.id] = agg
        if not node.leaf_parent:
            for c in node.children:
                outputs.pop(c, None)
    return outputs[ROOT]


def uncertainty(run: IndexRun, spec: UncertaintySpec | None = None, replications: int | None = None) -> None:
    """Monte Carlo (and Sobol sensitivity) of the ranks; adds rank_median / rank_low / rank_high to results."""
    spec = spec or run.framework.uncertainty
    assert run.results is not None and "rank" in run.results, "rank before uncertainty"
    if spec is None:
        return
    reps = int(replications or spec.replications)
    factors = factors_of(spec)
    u, problem = design(factors, spec, reps)
    runs = u.shape[0]
    by_name = {f.name: i for i, f in enumerate(factors)}

    def choice(name: str, r: int) -> Any:
        if name not in by_name:
            return None
        f = factors[by_name[name]]
        return f.choices[min(int(u[r, by_name[name]] * len(f.choices)), len(f.choices) - 1)]

    pool_idx = (np.minimum((u[:, by_name["weights"]] * runs).astype(int), runs - 1) if "weights" in by_name
                else np.zeros(runs, dtype=int))
    pool = weight_pool(run, run.tree.nodes, spec, runs, spec.seed)

    res = run.results
    n = len(res)
    nominal_rank = res["rank"].to_numpy(dtype=float)
    scored = ~np.isnan(res["index"].to_numpy(dtype=float))
    included = run.analysis["screening"]["included"].to_numpy() if "screening" in run.analysis else np.ones(n, bool)
    ranker = Ranker(res["group"].to_numpy(dtype=object), res["vetoed"].to_numpy(dtype=bool), tiebreak_position(run))
    ranks = np.zeros((n, runs), dtype=ranker.dtype)
    deduction, bonuses, thresholds = adjustments(run)
    floor = run.framework.scale[0]

    combos: dict[tuple[Any, ...], list[int]] = {}
    specs_by_key: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for r in range(runs):
        chosen = (choice("imputation", r), choice("treatment", r), choice("normalisation", r),
                  choice("aggregation", r))
        key = tuple(_key(k) for k in chosen)
        combos.setdefault(key, []).append(r)
        specs_by_key.setdefault(key, chosen)

    data_cache: dict[tuple[Any, ...], np.ndarray] = {}
    nodes_alive = max(1, max(len(nd.children) for nd in run.tree.nodes) + 2)
    batch = max(1, min(256, BATCH_BYTES // max(1, n * 4 * nodes_alive)))
    for key, members in combos.items():
        imp, trt, nrm, agg = specs_by_key[key]
        data_key = key[:3]
        if data_key not in data_cache:
            data_cache[data_key] = _normalised_for(run, (imp, trt, nrm))
        x = data_cache[data_key]
        nodes = run.tree.nodes if agg is None else build_tree(run.framework, agg).nodes
        members_arr = np.array(members)
        for start in range(0, len(members_arr), batch):
            cols_runs = members_arr[start:start + batch]
            index = _replicate_index(run, nodes, x, pool, pool_idx[cols_runs])
            index = np.where(included[:, None], index, np.nan)
            final, _ = adjust(index.astype(float), deduction, bonuses, thresholds, floor)
            out = np.empty((n, len(cols_runs)), dtype=ranks.dtype)
            ranker.ranks(final.astype(np.float32), out)
            ranks[:, cols_runs] = out
        if len(data_cache) > 4:
            data_cache.pop(next(iter(data_cache)))

    low_q, high_q = spec.interval
    med, low, high = _quantiles(ranks, (0.5, low_q, high_q))
    shift = np.abs(ranks[scored].astype(np.float32) - nominal_rank[scored, None].astype(np.float32)).mean(axis=0) \
        if scored.any() else np.zeros(runs)
    run.results = res.assign(rank_median=np.where(scored, med, np.nan), rank_low=np.where(scored, low, np.nan),
                             rank_high=np.where(scored, high, np.nan))
    run.analysis["rank_shift"] = pd.DataFrame({"run": np.arange(runs), "mean_abs_rank_shift": shift,
                                               **{f.name: u[:, i] for i, f in enumerate(factors)}})
    sens = pd.DataFrame(columns=["factor", "S1", "S1_conf", "ST", "ST_conf"])
    if problem and spec.sensitivity and np.ptp(shift) > 0:
        from SALib.analyze import sobol as sobol_analyze

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            si = sobol_analyze.analyze(problem, shift.astype(float), calc_second_order=False, print_to_console=False,
                                       seed=spec.seed)
        sens = pd.DataFrame({"factor": problem["names"], "S1": si["S1"], "S1_conf": si["S1_conf"], "ST": si["ST"],
                             "ST_conf": si["ST_conf"]})
    elif problem and spec.sensitivity:
        sens = pd.DataFrame({"factor": problem["names"], "S1": np.nan, "S1_conf": np.nan, "ST": np.nan,
                             "ST_conf": np.nan})
        run.notes.append("uncertainty: no rank moved in any replication, so the sensitivity indices are undefined")
    run.analysis["sensitivity"] = sens
    run.analysis["uncertainty"] = pd.DataFrame([{"replications": runs, "factors": ", ".join(f.name for f in factors),
                                                 "quantile_low": low_q, "quantile_high": high_q,
                                                 "weight_noise": spec.weight_noise, "seed": spec.seed,
                                                 "design": "saltelli" if problem else "monte_carlo"}])
    if not factors:
        run.notes.append("uncertainty: no factor varies (weight noise 0 and no alternatives); intervals are the ranks")
    run.log_step("uncertainty", {"replications": runs, "requested": reps, "seed": spec.seed,
                                 "weight_noise": spec.weight_noise, "weight_levels": list(spec.weight_levels),
                                 "factors": {f.name: [c.as_dict() if isinstance(c, MethodSpec) else c
                                                      for c in f.choices] for f in factors},
                                 "interval": list(spec.interval), "sensitivity": spec.sensitivity})


def _key(value: Any) -> Any:
    if isinstance(value, MethodSpec):
        return (value.method, tuple(sorted((k, repr(v)) for k, v in value.params.items())))
    return value


def _quantiles(ranks: np.ndarray, qs: tuple[float, ...], chunk: int = 20_000) -> tuple[np.ndarray, ...]:
    """Per-row quantiles (numpy's default linear interpolation) of an integer rank matrix, in row chunks."""
    n, runs = ranks.shape
    out = [np.empty(n) for _ in qs]
    positions = [(runs - 1) * q for q in qs]
    kth = sorted({int(np.floor(h)) for h in positions} | {int(np.ceil(h)) for h in positions})
    for start in range(0, n, chunk):
        part = np.partition(ranks[start:start + chunk], kth, axis=1)
        for i, h in enumerate(positions):
            lo, hi = int(np.floor(h)), int(np.ceil(h))
            a, b = part[:, lo].astype(float), part[:, hi].astype(float)
            out[i][start:start + chunk] = a + (b - a) * (h - lo)
    return tuple(out)


__all__ = ["Factor", "Ranker", "design", "factors_of", "uncertainty"]
