"""The composite-indicator engine: every verb in order on a units × indicators table.

    denominate → screen → impute → treat → normalise → aggregate (weigh each node) →
    apply_rules (deductions, bonuses, vetoes) → rank → uncertainty → statistics

:func:`build_index` runs them from a framework; :func:`replay` reruns a run from its log alone,
with any logged parameter changed — the same run, or the run under another assumption.
The engine knows nothing of the campaign store: :mod:`govlens.scoring.pipeline` adapts the
store to it and ``govlens index`` a CSV table.
"""
from __future__ import annotations

import copy
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits

from govlens.errors import InputError
from govlens.frameworks.load import validate_methods
from govlens.frameworks.model import Framework, MethodSpec, UncertaintySpec
from govlens.messages import quote, t
from govlens.scoring import aggregate as aggregate_mod
from govlens.scoring import impute as impute_mod
from govlens.scoring import normalise as normalise_mod
from govlens.scoring import treat as treat_mod
from govlens.scoring import weight as weight_mod
from govlens.scoring.denominate import denominate
from govlens.scoring.rank import rank
from govlens.scoring.rules import apply_rules
from govlens.scoring.run import IndexRun, Step
from govlens.scoring.screen import screen
from govlens.scoring.statistics import statistics
from govlens.scoring.table import IndexInput, required_columns
from govlens.scoring.tree import build_tree
from govlens.scoring.uncertainty import uncertainty

# The engine keeps BLAS to one thread: its matrix products are thin (n × k with k ≤ 70), and on a shared
# 2-core machine OpenBLAS threads spinning for a busy core made them 10–30 times slower (measured).
# The Monte Carlo runs its batches on two Python threads instead.
BLAS_THREADS = 1
REGISTRIES = {"normalise": set(normalise_mod.METHODS), "aggregate": set(aggregate_mod.METHODS),
              "weight": set(weight_mod.METHODS), "impute": set(impute_mod.METHODS), "treat": set(treat_mod.METHODS)}


def check_input(inp: IndexInput, framework: Framework) -> None:
    missing = [(c, k) for c, k in required_columns(framework).items() if c not in inp.values.columns]
    if missing:
        col, key = missing[0]
        raise InputError(t("scoring.framework_column", name=quote(col), key=key), file=inp.source, field=col)
    if len(inp.values) == 0:
        raise InputError(t("scoring.no_units"), file=inp.source)


def build_index(inp: IndexInput, framework: Framework, *, uncertainty_spec: UncertaintySpec | None | bool = True,
                replications: int | None = None, with_statistics: bool = True) -> IndexRun:
    """Every verb on ``inp`` as ``framework`` says. ``uncertainty_spec``: True = the framework's
    ``uncertainty`` section (if any), False/None = none, or a spec of its own."""
    validate_methods(framework, REGISTRIES)
    check_input(inp, framework)
    with threadpool_limits(limits=BLAS_THREADS, user_api="blas"):
        return _build(inp, framework, uncertainty_spec, replications, with_statistics)


def _build(inp: IndexInput, framework: Framework, uncertainty_spec: UncertaintySpec | None | bool,
           replications: int | None, with_statistics: bool) -> IndexRun:
    run = IndexRun(framework=framework, input=inp, tree=build_tree(framework))
    ids = run.tree.indicator_ids()
    run.data["raw"] = inp.values if list(inp.values.columns) == ids else inp.values[ids]
    denominate(run)
    screen(run)
    impute_mod.impute(run)
    treat_mod.treat(run)
    normalise_mod.normalise(run)
    aggregate_mod.aggregate(run)
    apply_rules(run)
    rank(run)
    spec = framework.uncertainty if uncertainty_spec is True else (uncertainty_spec or None)
    if spec is not None and (replications is None or replications > 0):
        uncertainty(run, spec, replications)
    if with_statistics:
        statistics(run)
    return run


def _merge(base: dict[str, Any], change: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in change.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _spec(d: dict[str, Any]) -> MethodSpec:
    d = dict(d)
    d.pop("direction", None)
    return MethodSpec(d.pop("method"), d)


def replay(run: IndexRun, changes: dict[str, dict[str, Any]] | None = None,
           log: list[Step] | None = None) -> IndexRun:
    """Rerun ``run``'s log (or ``log``) on its input; ``changes`` (verb → params, merged into the logged
    params) replays it under another assumption, e.g. ``{"normalise": {"a": {"method": "zscore"}}}``."""
    with threadpool_limits(limits=BLAS_THREADS, user_api="blas"):
        return _replay(run, changes or {}, log if log is not None else run.log)


def _replay(run: IndexRun, changes: dict[str, dict[str, Any]], log: list[Step]) -> IndexRun:
    new = IndexRun(framework=run.framework, input=run.input, tree=run.tree)
    new.data["raw"] = run.data["raw"]
    for step in log:
        p = _merge(step.params, changes.get(step.verb, {}))
        if step.verb == "denominate":
            denominate(new, {k: (v["by"], float(v["scale"])) for k, v in p.items()})
        elif step.verb == "screen":
            screen(new, float(p["min_availability"]))
        elif step.verb == "impute":
            impute_mod.impute(new, logged={k: _spec(v) for k, v in p.items()})
        elif step.verb == "treat":
            treat_mod.treat(new, logged={k: _spec(v) for k, v in p.items()})
        elif step.verb == "normalise":
            normalise_mod.normalise(new, logged={k: (_spec(v), int(v.get("direction", 1))) for k, v in p.items()})
        elif step.verb == "aggregate":
            aggregate_mod.aggregate(new, logged={
                node: (_spec(v["aggregation"]),
                       np.array([v["weights"][c] for c in run.tree.node(node).children], dtype=float))
                for node, v in p.items()})
        elif step.verb == "apply_rules":
            apply_rules(new)
        elif step.verb == "rank":
            rank(new)
        elif step.verb == "uncertainty":
            spec = run.framework.uncertainty or UncertaintySpec()
            spec = UncertaintySpec(**{**spec.__dict__, "seed": int(p["seed"]), "weight_noise": float(p["weight_noise"]),
                                      "interval": tuple(p["interval"]), "sensitivity": bool(p["sensitivity"])})
            uncertainty(new, spec, int(p["requested"]))
        elif step.verb == "statistics":
            statistics(new)
    return new
