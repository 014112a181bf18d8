"""Uncertainty and sensitivity of the ranks: the run replayed under perturbed assumptions.

The assumptions (the framework's ``uncertainty`` section) are the uncertain factors:

    weights        every weight × U(1 − noise, 1 + noise), drawn anew for each replication
    normalisation  the nominal method or one of the alternatives, for every indicator
    aggregation    the nominal methods or one alternative, at every level
    imputation     the nominal imputation or one alternative
    treatment      the nominal outlier treatment or one alternative

(``{choices: [...]}`` instead of a list: exactly the choices listed, the nominal one only if written
``nominal`` among them — a published design such as winsorising with winmax 1 … 5.)

Each factor is one number u ∈ [0, 1) per replication (a discrete choice takes alternative
⌊u·m⌋; the weights factor picks one of a pool of pre-drawn noisy weight sets, as COINr does).
With ``sensitivity: true`` the replications are SALib's Saltelli design (N·(k + 2) runs for k
factors) and SALib's Sobol analysis gives first-order and total indices of the mean absolute
rank shift to each factor; otherwise they are plain Monte Carlo draws. Every replication
yields every unit's rank within its group; a unit's median rank and its rank interval (5th and
95th percentiles by default) are published next to its rank.

Replaying the whole pipeline per replication would cost R times a full run. Instead the data
steps (imputation, treatment, normalisation) run once per distinct combination of their choices,
and the weighting, aggregation, rules and ranking of a batch of B replications run together: a
power mean over B weight sets is one matrix product (B × k) @ (k × n) on the leaves transformed
once (y^p, 0 where missing). Units are laid out once in rank-block order (group, vetoed, tie-break),
so a batch's ranks are one row-wise sort per block; they are exact, tied units ranked by the
framework's ``rank.ties`` method (``first``: by the nominal tie-break order). The rank matrix (R × n) is kept
in the smallest integer type that holds the largest group, spilled to disk by unit chunk when large
(:mod:`govlens.scoring.replication_ranks`); batches run on two threads (numpy releases the GIL) with BLAS on one. This is
written here because no library replays a composite indicator: SALib designs the samples and
analyses the result, COINr (R) replays its whole pipeline once per replication.
"""
from __future__ import annotations

import os
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from govlens.frameworks.model import NOMINAL, MethodSpec, UncertaintySpec
from govlens.messages import t
from govlens.scoring import impute as impute_mod
from govlens.scoring import normalise as normalise_mod
from govlens.scoring import treat as treat_mod
from govlens.scoring.aggregate import aggregate_node, lift_zeros, power_of
from govlens.scoring.rank import tie_counts, tie_span, tiebreak_position, ties_of
from govlens.scoring.ranker import Ranker
from govlens.scoring.replication_ranks import ReplicationRanks, rank_statistics
from govlens.scoring.rules import adjustments
from govlens.scoring.run import IndexRun
from govlens.scoring.tree import ROOT, Node, build_tree

BATCH_BYTES = 96 * 2 ** 20        # float32 node outputs alive at once (all batches in flight together)
WORKERS = min(2, os.cpu_count() or 1)   # batches of replications computed at once (numpy releases the GIL)


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
        if name in spec.exact:                        # exactly these choices, the nominal only if listed
            out.append(Factor(name, [None if a == NOMINAL else a for a in alternatives]))
        elif alternatives:
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
        frame, _ = impute_mod.impute_frame(run, frame, run.method_specs("impute", imp, "imputation"))
        frame, _ = treat_mod.treat_frame(run, frame, run.method_specs("treat", trt, "treatment"))
        frame, _ = normalise_mod.normalise_frame(run, frame, normalise_mod.specs_of(run, nrm))
    ids = run.tree.indicator_ids()
    return (frame if list(frame.columns) == ids else frame[ids]).to_numpy(dtype=np.float32)   # no float64 copy


class Prepared:
    """One data combination's leaf inputs (units in block order), transformed once per node and power p:
    T = y^p (ln y for p = 0), 0 where missing, as k × n; P the presence mask (None when nothing is missing)."""

    def __init__(self, run: IndexRun, x: np.ndarray, order: np.ndarray | None = None) -> None:
        self.run = run
        self.x = x if order is None else x[order]
        self.column = {c: i for i, c in enumerate(run.tree.indicator_ids())}
        self.cache: dict[tuple[Any, ...], tuple[np.ndarray, np.ndarray | None]] = {}
        self.presence: dict[str, np.ndarray | None] = {}

    def leaf(self, node: Node, p: float, params: dict[str, Any]) -> tuple[np.ndarray, np.ndarray | None]:
        floor = params.get("zero_floor", 1.0)
        key = (node.id, p, floor)
        if key not in self.cache:
            xs = np.ascontiguousarray(self.x[:, [self.column[c] for c in node.children]].T)     # k × n
            present = ~np.isnan(xs)
            values = xs[present]
            if (p <= 0 or p != int(p)) and ((values < 0).any() or (floor is None and p <= 0 and (values == 0).any())):
                aggregate_node(self.run, node.id, xs.T.astype(float), np.ones(len(node.children)),   # raises
                               node.aggregation, node.aggregation_path, node.children)
            base = lift_zeros(xs, floor) if p <= 0 and floor is not None else xs
            with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
                t = base if p == 1 else np.log(base) if p == 0 else np.power(base, np.float32(p))
            t = np.where(present, t, np.float32(0)).astype(np.float32)
            if node.id not in self.presence:           # one mask per node, whatever the power
                self.presence[node.id] = None if present.all() else present.astype(np.float32)
            self.cache[key] = (t, self.presence[node.id])
        return self.cache[key]


def _finish(num: np.ndarray, den: np.ndarray | None, total: np.ndarray, p: float, min_coverage: float) -> np.ndarray:
    """num / den (B × n), back from the power p, in place; NaN where no child is present or coverage is low."""
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        if den is None:
            num /= total[:, None]
        else:
            np.divide(num, den, out=num)
            num[den <= 0] = np.nan
            if min_coverage > 0:
                num[den / total[:, None] < min_coverage - 1e-12] = np.nan
        if p == 0:
            np.exp(num, out=num)
        elif p != 1:
            np.power(num, np.float32(1.0 / p), out=num)
    return num


def _upper(children: list[np.ndarray], weights: np.ndarray, p: float, params: dict[str, Any]) -> np.ndarray:
    """A node whose children are already replicated (B × n each), with (k × B) weights."""
    floor = params.get("zero_floor", 1.0)
    num = np.zeros(children[0].shape, dtype=np.float32)
    den: np.ndarray | None = None
    for c, child in enumerate(children):
        missing = np.isnan(child)
        x = lift_zeros(child, floor) if p <= 0 and floor is not None else child
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            t = x.copy() if p == 1 else np.log(x) if p == 0 else np.power(x, np.float32(p))
        w = weights[c][:, None]
        if missing.any():
            t[missing] = 0
            if den is None:
                den = np.zeros(num.shape, dtype=np.float32)
                for done in range(c):
                    den += weights[done][:, None]
            den += (~missing) * w
        elif den is not None:
            den += w
        t *= w
        num += t
    return _finish(num, den, weights.sum(axis=0), p, float(params.get("min_coverage", 0.0)))


def _replicate_index(run: IndexRun, nodes: tuple[Node, ...], x: np.ndarray | Prepared, pool: dict[str, np.ndarray],
                     cols: np.ndarray) -> np.ndarray:
    """The aggregated index of replications ``cols`` (indices into the weight pool), B × n."""
    prepared = x if isinstance(x, Prepared) else Prepared(run, x)
    outputs: dict[str, np.ndarray] = {}
    for node in nodes:
        w = np.ascontiguousarray(pool[node.id][:, cols], dtype=np.float32)        # k × B
        spec = node.aggregation
        p = power_of(spec.method, spec.params)
        params = dict(spec.params)
        if p is None:                                   # copeland: one replication at a time
            agg = np.empty((len(cols), prepared.x.shape[0]), dtype=np.float32)
            for b in range(len(cols)):
                xs = prepared.x[:, [prepared.column[c] for c in node.children]] if node.leaf_parent else \
                    np.column_stack([outputs[c][b] for c in node.children])
                agg[b] = aggregate_node(run, node.id, xs.astype(float), w[:, b].astype(float), spec,
                                        node.aggregation_path, node.children)[0]
        elif node.leaf_parent:
            t, present = prepared.leaf(node, p, params)
            wt = np.ascontiguousarray(w.T)
            agg = _finish(wt @ t, None if present is None else wt @ present, w.sum(axis=0), p,
                          float(params.get("min_coverage", 0.0)))
        else:
            agg = _upper([outputs[c] for c in node.children], w, p, params)
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
    replay = _Replay.of(run, spec, factors, u)
    replay.run_all(*_combinations(factors, u))
    shift = _publish_ranks(run, spec, replay)
    _publish_analysis(run, spec, factors, u, problem, shift)
    runs = u.shape[0]
    run.log_step("uncertainty", {"replications": runs, "requested": reps, "seed": spec.seed,
                                 "weight_noise": spec.weight_noise, "weight_levels": list(spec.weight_levels),
                                 "factors": {f.name: [c.as_dict() if isinstance(c, MethodSpec) else c
                                                      for c in f.choices] for f in factors},
                                 "interval": list(spec.interval), "sensitivity": spec.sensitivity})


def _combinations(factors: list[Factor], u: np.ndarray) -> tuple[dict[tuple[Any, ...], list[int]],
                                                                 dict[tuple[Any, ...], tuple[Any, ...]]]:
    """Each replication's (imputation, treatment, normalisation, aggregation) choices, grouped so that the
    replications of one combination run together: (key → replications, key → the choices)."""
    by_name = {f.name: i for i, f in enumerate(factors)}

    def choice(name: str, r: int) -> Any:
        if name not in by_name:
            return None
        f = factors[by_name[name]]
        return f.choices[min(int(u[r, by_name[name]] * len(f.choices)), len(f.choices) - 1)]

    combos: dict[tuple[Any, ...], list[int]] = {}
    specs_by_key: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for r in range(u.shape[0]):
        chosen = (choice("imputation", r), choice("treatment", r), choice("normalisation", r),
                  choice("aggregation", r))
        key = tuple(_key(k) for k in chosen)
        combos.setdefault(key, []).append(r)
        specs_by_key.setdefault(key, chosen)
    return combos, specs_by_key


@dataclass
class _Replay:
    """The nominal run laid out in rank-block order (everything here is), the weight pool, and the rank
    matrix (replication × unit) that batches of replications fill."""

    run: IndexRun
    pool: dict[str, np.ndarray]
    pool_idx: np.ndarray            # replication → its weight set in the pool
    ranker: Ranker
    included: np.ndarray
    deduction: np.ndarray
    bonuses: list[np.ndarray]
    thresholds: np.ndarray
    floor: np.float32
    ranks: ReplicationRanks
    all_included: bool
    has_rules: bool

    @classmethod
    def of(cls, run: IndexRun, spec: UncertaintySpec, factors: list[Factor], u: np.ndarray) -> _Replay:
        runs = u.shape[0]
        by_name = {f.name: i for i, f in enumerate(factors)}
        pool_idx = (np.minimum((u[:, by_name["weights"]] * runs).astype(int), runs - 1) if "weights" in by_name
                    else np.zeros(runs, dtype=int))
        pool = weight_pool(run, run.tree.nodes, spec, runs, spec.seed)
        res = run.results
        n = len(res)
        ranker = Ranker(res["group"].to_numpy(dtype=object), res["vetoed"].to_numpy(dtype=bool),
                        tiebreak_position(run), ties_of(run, run.tree.root.level), tie_counts(run))
        order = ranker.order
        included = (run.analysis["screening"]["included"].to_numpy() if "screening" in run.analysis
                    else np.ones(n, bool))[order]
        deduction, bonuses, thresholds = adjustments(run)
        return cls(run, pool, pool_idx, ranker, included, deduction[order].astype(np.float32),
                   [b[order].astype(np.float32) for b in bonuses], thresholds, np.float32(run.framework.scale[0]),
                   ReplicationRanks(runs, n, ranker.dtype), bool(included.all()),
                   bool(run.framework.deductions or run.framework.bonuses))

    def run_all(self, combos: dict[tuple[Any, ...], list[int]], specs_by_key: dict[tuple[Any, ...], tuple[Any, ...]]
                ) -> None:
        """Every replication, one data combination at a time, in batches on up to WORKERS threads."""
        run = self.run
        runs, n = self.ranks.runs, self.ranks.n
        nodes_alive = max(1, max(len(nd.children) for nd in run.tree.nodes) + 3)
        workers = WORKERS if n * runs > 2_000_000 else 1
        batch = max(1, min(256, BATCH_BYTES // max(1, n * 4 * nodes_alive * workers)))
        with ThreadPoolExecutor(max_workers=workers) as pool_exec:
            for data_key in dict.fromkeys(k[:3] for k in combos):        # one data combination at a time
                first = next(k for k in combos if k[:3] == data_key)
                prepared = Prepared(run, _normalised_for(run, specs_by_key[first][:3]), self.ranker.order)
                for key in [k for k in combos if k[:3] == data_key]:
                    nodes = self._nodes(prepared, specs_by_key[key][3])
                    members = np.array(combos[key])
                    jobs = [pool_exec.submit(self.replicate, prepared, nodes, members[i:i + batch])
                            for i in range(0, len(members), batch)]
                    for job in jobs:
                        job.result()
                del prepared

    def _nodes(self, prepared: Prepared, aggregation: Any) -> tuple[Node, ...]:
        """The tree under an aggregation choice, its leaves transformed once here (not per thread)."""
        nodes = self.run.tree.nodes if aggregation is None else build_tree(self.run.framework, aggregation).nodes
        for node in nodes:
            p = power_of(node.aggregation.method, node.aggregation.params)
            if node.leaf_parent and p is not None:
                prepared.leaf(node, p, dict(node.aggregation.params))
        return nodes

    def replicate(self, prepared: Prepared, nodes: tuple[Node, ...], rows: np.ndarray) -> None:
        """Replications ``rows``: index, rules, ranks (batches write disjoint rows)."""
        index = _replicate_index(self.run, nodes, prepared, self.pool, self.pool_idx[rows])
        if not self.all_included:
            index[:, ~self.included] = np.nan
        if self.has_rules:                                  # as rules.adjust: bonuses judged after deductions
            after = np.maximum(index - self.deduction[None, :], self.floor)
            index = after.copy()
            for points, threshold in zip(self.bonuses, self.thresholds):
                index += np.where(after >= threshold, points[None, :], np.float32(0))
        out = np.empty((len(rows), self.ranks.n), dtype=self.ranks.dtype)
        self.ranker.ranks(index, out)
        self.ranks.write(rows, out)


def _publish_ranks(run: IndexRun, spec: UncertaintySpec, replay: _Replay) -> np.ndarray:
    """Each unit's median rank and rank interval into the results; returns each replication's mean |rank shift|."""
    res = run.results
    n = len(res)
    order = replay.ranker.order
    scored = ~np.isnan(res["index"].to_numpy(dtype=float))
    nominal_rank = res["rank"].to_numpy(dtype=float)[order]
    try:
        shift, stats = rank_statistics(replay.ranks, nominal_rank, scored[order], (0.5, *spec.interval))
    finally:
        replay.ranks.close()
    med, low, high = (np.empty(n) for _ in range(3))
    for target, values in zip((med, low, high), stats):
        target[order] = values
    if ties_of(run, run.tree.root.level) != "first":             # a tied unit's interval spans its tie
        span_low, span_high = tie_span(run)
        tied = span_high > span_low
        low = np.where(tied, np.minimum(low, span_low), low)
        high = np.where(tied, np.maximum(high, span_high), high)
    run.results = res.assign(rank_median=np.where(scored, med, np.nan), rank_low=np.where(scored, low, np.nan),
                             rank_high=np.where(scored, high, np.nan))
    return shift


def _publish_analysis(run: IndexRun, spec: UncertaintySpec, factors: list[Factor], u: np.ndarray,
                      problem: dict[str, Any], shift: np.ndarray) -> None:
    """The rank_shift, sensitivity and uncertainty tables of the analysis, and the notes when nothing varied."""
    runs = u.shape[0]
    low_q, high_q = spec.interval
    run.analysis["rank_shift"] = pd.DataFrame({"run": np.arange(runs), "mean_abs_rank_shift": shift,
                                               **{f.name: u[:, i] for i, f in enumerate(factors)}})
    run.analysis["sensitivity"] = _sensitivity(run, spec, problem, shift)
    run.analysis["uncertainty"] = pd.DataFrame([{"replications": runs, "factors": ", ".join(f.name for f in factors),
                                                 "quantile_low": low_q, "quantile_high": high_q,
                                                 "weight_noise": spec.weight_noise, "seed": spec.seed,
                                                 "design": "saltelli" if problem else "monte_carlo"}])
    if not factors:
        run.notes.append(t("scoring.note_no_factor"))


def _sensitivity(run: IndexRun, spec: UncertaintySpec, problem: dict[str, Any], shift: np.ndarray) -> pd.DataFrame:
    """SALib's Sobol indices of the mean rank shift to each factor (NaN, with a note, when no rank moved)."""
    if problem and spec.sensitivity and np.ptp(shift) > 0:
        from SALib.analyze import sobol as sobol_analyze

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            si = sobol_analyze.analyze(problem, shift.astype(float), calc_second_order=False, print_to_console=False,
                                       seed=spec.seed)
        return pd.DataFrame({"factor": problem["names"], "S1": si["S1"], "S1_conf": si["S1_conf"], "ST": si["ST"],
                             "ST_conf": si["ST_conf"]})
    if problem and spec.sensitivity:
        run.notes.append(t("scoring.note_no_rank_moved"))
        return pd.DataFrame({"factor": problem["names"], "S1": np.nan, "S1_conf": np.nan, "ST": np.nan,
                             "ST_conf": np.nan})
    return pd.DataFrame(columns=["factor", "S1", "S1_conf", "ST", "ST_conf"])


def _key(value: Any) -> Any:
    if isinstance(value, MethodSpec):
        return (value.method, tuple(sorted((k, repr(v)) for k, v in value.params.items())))
    return value


__all__ = ["Factor", "Ranker", "design", "factors_of", "uncertainty"]
