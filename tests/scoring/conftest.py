"""Helpers for the engine tests: frameworks from dicts (or YAML text, for line numbers) and runs."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from govlens.frameworks import load_framework, parse_framework
from govlens.frameworks.model import Framework
from govlens.scoring.engine import build_index
from govlens.scoring.run import IndexRun
from govlens.scoring.table import from_frame


def framework(doc: dict[str, Any], source: str = "fw.yaml") -> Framework:
    return parse_framework(doc, source)


def framework_file(tmp_path: Path, doc: dict[str, Any] | str, name: str = "fw.yaml") -> Framework:
    path = tmp_path / name
    path.write_text(doc if isinstance(doc, str) else yaml.safe_dump(doc, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return load_framework(path)


def run_of(fw: Framework, values: dict[str, list[Any]], *, groups: list[str] | None = None,
           ids: list[str] | None = None, tiebreak: list[float] | None = None, **kw: Any) -> IndexRun:
    frame = pd.DataFrame(values)
    frame.index = ids or [f"u{i}" for i in range(len(frame))]
    return build_index(from_frame(frame, groups=groups, tiebreak=tiebreak), fw, **kw)


def simple(indicators: dict[str, dict[str, Any]], dims: dict[str, list[str]] | None = None,
           weights: dict[str, float] | None = None, **top: Any) -> dict[str, Any]:
    """A framework doc: ``dims`` maps a dimension to its indicators (default: one dimension 'd')."""
    dims = dims or {"d": list(indicators)}
    weights = weights or {}
    return {"id": "t", **top, "dimensions": [
        {"id": d, "weight": weights.get(d, 1), "indicators": [{"id": i, **indicators[i]} for i in inds]}
        for d, inds in dims.items()]}


def col(run: IndexRun, data: str, column: str) -> np.ndarray:
    return run.data[data][column].to_numpy(dtype=float)
