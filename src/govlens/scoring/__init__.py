"""Scoring stage: a composite-indicator engine (COINr-style, one verb per module) and its store adapter.

    denominate → screen → impute → treat → normalise → weight/aggregate → rules → rank
    → uncertainty (Monte Carlo, Sobol) → statistics;   compare (year over year)

:func:`build_index` runs the engine on any units × indicators table; :func:`score_campaign`
adapts a campaign store to it.

The names below are resolved on first use (PEP 562), so importing one engine module
(``govlens index`` imports :mod:`govlens.scoring.engine`) does not import the store adapter
and DuckDB with it.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {"REGISTRIES": "engine", "build_index": "engine", "replay": "engine",
          "ScoringSummary": "pipeline", "apply_vetoes": "pipeline", "score_campaign": "pipeline",
          "IndexRun": "run", "IndexInput": "table", "from_frame": "table", "read_table": "table"}

__all__ = ["NORMALISATION_METHODS", "REGISTRIES", "IndexInput", "IndexRun", "ScoringSummary", "apply_vetoes",
           "build_index", "from_frame", "read_table", "replay", "score_campaign"]


def __getattr__(name: str) -> Any:
    if name == "NORMALISATION_METHODS":
        return import_module("govlens.scoring.normalise").METHODS
    if name in _WHERE:
        return getattr(import_module(f"govlens.scoring.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'govlens.scoring' has no attribute '{name}'")
