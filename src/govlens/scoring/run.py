"""One run of the engine (COINr's "coin"): the input, the named data sets each verb wrote, its log.

Each verb (``denominate``, ``screen``, ``impute``, ``treat``, ``normalise``, ``aggregate``,
``apply_rules``, ``rank``, ``uncertainty``, ``statistics``) takes the run, adds a named data set or
analysis table, and logs the parameters it used, so :func:`govlens.scoring.engine.replay` can
rebuild the run, with changed assumptions, from the log alone.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from govlens.errors import FrameworkError
from govlens.frameworks.model import Framework, MethodSpec
from govlens.scoring.methods import ParamError
from govlens.scoring.table import IndexInput
from govlens.scoring.tree import Tree


@dataclass
class Step:
    verb: str
    params: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return {"verb": self.verb, "params": self.params}


@dataclass
class IndexRun:
    framework: Framework
    input: IndexInput
    tree: Tree
    data: dict[str, pd.DataFrame] = field(default_factory=dict)     # data sets, in the order they were made
    analysis: dict[str, pd.DataFrame] = field(default_factory=dict)  # per-verb reports (treatment, weights …)
    results: pd.DataFrame | None = None                              # per unit: index, rules, rank, interval
    log: list[Step] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)                  # warnings worth a reviewer's eye
    weights: dict[str, np.ndarray] = field(default_factory=dict)    # node → effective weights (sum 1)
    coverage: dict[str, np.ndarray] = field(default_factory=dict)   # node → share of its weight present

    def log_step(self, verb: str, params: dict[str, Any]) -> None:
        self.log.append(Step(verb, json.loads(json.dumps(params, default=_plain))))

    def latest(self) -> pd.DataFrame:
        return next(reversed(self.data.values()))

    def error(self, message: str, path: str | None) -> FrameworkError:
        """A framework error pointing at ``path`` (file, line, key)."""
        return FrameworkError(message, file=self.framework.source, line=self.framework.line_of(path), field=path)

    def method_specs(self, key: str, override: MethodSpec | None, factor: str,
                     logged: dict[str, MethodSpec] | None = None) -> dict[str, tuple[MethodSpec, str]]:
        """indicator → (its ``key`` method — its own, else the framework's —, key path of that setting);
        ``override``, an uncertainty ``factor``'s choice, replaces every one; ``logged``: a replayed log's."""
        if logged is not None:
            return {k: (v, key) for k, v in logged.items()}
        out = {}
        for ref in self.tree.indicators:
            own = getattr(ref, key)
            if override is not None:
                out[ref.id] = (override, f"uncertainty.{factor}")
            elif own is not None:
                out[ref.id] = (own, f"{ref.path}.{key}")
            else:
                out[ref.id] = (getattr(self.framework, key), key)
        return out

    def param_error(self, exc: ParamError, path: str) -> FrameworkError:
        sub = f"{path}.{exc.field}" if exc.field and exc.field != "method" else (
            f"{path}.method" if exc.field == "method" else path)
        return self.error(str(exc), sub)


def is_text(series: pd.Series) -> bool:
    """A categorical (text) column rather than a numeric one, whatever pandas calls its dtype."""
    return not pd.api.types.is_numeric_dtype(series.dtype)


def assemble(base: pd.DataFrame, changed: dict[str, Any]) -> pd.DataFrame:
    """``base`` itself when no column changed (data sets share memory), else one new frame whose
    numeric columns sit in a single column-major block (no per-column blocks to consolidate)."""
    if not changed:
        return base
    columns = list(base.columns)
    arrays = {c: (changed[c] if c in changed else base[c].to_numpy()) for c in columns}
    if all(np.asarray(a).dtype.kind in "fiub" for a in arrays.values()):
        block = np.empty((len(base), len(columns)), dtype=float, order="F")
        for j, c in enumerate(columns):
            block[:, j] = arrays[c]
        return pd.DataFrame(block, index=base.index, columns=columns, copy=False)
    return pd.DataFrame({c: pd.Series(np.asarray(arrays[c]), index=base.index,
                                      dtype=None if np.asarray(arrays[c]).dtype.kind in "fiub" else object)
                         for c in columns}, index=base.index)


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)
