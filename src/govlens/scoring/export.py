"""Write a run to a folder of CSV files: every intermediate data set, the results, the analysis, the log.

    raw.csv, denominated.csv, imputed.csv, treated.csv, normalised.csv   units × indicators
    aggregated.csv       units × (normalised indicators, every dimension, index)
    results.csv          id, name, group, index, rank, group_size, rank_median, rank_low, rank_high, vetoed,
                         veto_reasons, aggregated, deductions, bonus, qualified, coverage, availability, then
                         every dimension score, then every dimension's rank (rank_<dimension>)
    weights.csv, imputation.csv, treatment.csv, denomination.csv, indicator_stats.csv, correlations.csv,
    node_stats.csv, flags.csv, sensitivity.csv, uncertainty.csv, rank_shift.csv
    outranking_<node>.csv  for a node aggregated by ``kemeny``: e_uv, the weight of the children on which
                         the row's unit beats the column's (ties count half)
    log.json             the framework source and every step with its parameters (replayable)
    notes.txt            what a reviewer should look at (constant indicators, disagreement, exclusions)

Text cells that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` …) are prefixed
with an apostrophe, and lose their bidirectional controls (:mod:`govlens.cells`).

Large outputs (more than ``LARGE_CELLS`` cells: a national run of 300,000 units × 60 indicators) go to
Parquet (pyarrow): ``results.parquet`` beside ``results.csv``, and each units × indicators data set as
``<name>.parquet`` instead of its CSV (at that size a CSV is hundreds of megabytes no spreadsheet opens,
and writing it took most of the run). Parquet keeps the values as they are (ids unquoted, missing = null).
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from govlens.atomic import atomic_path, atomic_write_text
from govlens.cells import BIDI_CONTROLS, FORMULA_START, neutralise_cell
from govlens.scoring.run import IndexRun
from govlens.scoring.tree import ROOT

DATA_SETS = ("raw", "denominated", "imputed", "treated", "normalised", "aggregated")
ANALYSIS = ("weights", "imputation", "treatment", "denomination", "indicator_stats", "node_stats", "flags",
            "sensitivity", "uncertainty", "rank_shift")


def _safe(value: Any) -> Any:
    return neutralise_cell(value)


def results_table(run: IndexRun) -> pd.DataFrame:
    res = run.results
    assert res is not None
    ids = res.index
    out = pd.DataFrame(index=ids)
    out["name"] = run.input.names.reindex(ids) if run.input.names is not None else ""
    out["group"] = res["group"]
    for col in ("index", "rank", "group_size", "rank_median", "rank_low", "rank_high", "vetoed"):
        if col in res:
            out[col] = res[col]
    out["veto_reasons"] = ["; ".join(v["id"] for v in vs) for vs in res["vetoes"]]
    for col in ("aggregated", "deductions", "bonus", "qualified", "coverage"):
        if col in res:
            out[col] = res[col]
    out["availability"] = run.analysis["screening"]["availability"].reindex(ids)
    aggregated = run.data["aggregated"]
    for node in run.tree.dimension_ids():
        out[node] = aggregated[node]
    for node in run.tree.dimension_ids():
        if f"rank_{node}" in res:
            out[f"rank_{node}"] = res[f"rank_{node}"]
    out.index.name = "id"
    return out


def write_outputs(run: IndexRun, out_dir: str | Path, *, intermediate: bool = True) -> dict[str, Path]:
    """Write the run's CSV files and log; returns name → path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}

    def csv(name: str, frame: pd.DataFrame, index: bool = True, label: str | None = "id") -> None:
        path = out / f"{name}.csv"
        write_csv(frame, path, index_label=label if index else None)
        written[f"{name}.csv"] = path

    results = results_table(run)
    csv("results", results)
    if results.size > LARGE_CELLS:
        written["results.parquet"] = write_parquet(results, out / "results.parquet")
    if intermediate:
        done: dict[int, Path] = {}
        for name in DATA_SETS:
            if name not in run.data:
                continue
            frame = run.data[name]
            suffix = "parquet" if frame.size > LARGE_CELLS else "csv"
            path = out / f"{name}.{suffix}"
            if id(frame) in done:                         # a step that changed nothing shares its input
                shutil.copyfile(done[id(frame)], path)
            elif suffix == "parquet":
                write_parquet(frame, path)
            else:
                write_csv(frame, path)
            written[path.name] = done[id(frame)] = path
    for name in ANALYSIS:
        table = run.analysis.get(name)
        if table is not None and len(table.columns):
            csv(name, table, index=False)
    if "correlations" in run.analysis:
        csv("correlations", run.analysis["correlations"], label="column")
    for name in sorted(k for k in run.analysis if k.startswith("outranking_")):
        csv(name, run.analysis[name])                 # a Kemeny node's outranking matrix: rows beat columns
    log = {"framework": run.framework.id, "source": run.framework.source, "table": run.input.source,
           "root": ROOT, "steps": [s.as_dict() for s in run.log]}
    atomic_write_text(out / "log.json", json.dumps(log, ensure_ascii=False, indent=1, default=_plain), durable=False)
    written["log.json"] = out / "log.json"
    atomic_write_text(out / "notes.txt", "".join(f"{n}\n" for n in run.notes), durable=False)
    written["notes.txt"] = out / "notes.txt"
    return written


SMALL_CELLS = 200_000     # below this pandas writes the CSV: importing DuckDB would take longer than writing
LARGE_CELLS = 2_000_000   # above this a data set is written as Parquet (results as Parquet too)


def write_parquet(frame: pd.DataFrame, path: Path, index_label: str = "id", chunk_rows: int = 50_000) -> Path:
    """``frame`` with its index as the first column ``index_label``, as Parquet, written whole or not at all,
    a row group per ``chunk_rows`` units (no copy of the whole frame in memory)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    def part(start: int) -> pa.Table:
        rows = frame.iloc[start:start + chunk_rows]
        return pa.Table.from_pandas(rows.rename_axis(index_label).reset_index().rename(columns=str),
                                    preserve_index=False)

    first = part(0)
    with atomic_path(path) as tmp, pq.ParquetWriter(tmp, first.schema) as writer:
        writer.write_table(first)
        for start in range(chunk_rows, len(frame), chunk_rows):
            writer.write_table(part(start).cast(first.schema))
    return path


def safe_texts(values: Any) -> list[Any]:
    """:func:`neutralise_cell` over many strings; a pass over the joined text first, so a column of plain
    ids (no formula start, no bidirectional control anywhere) is taken as it is."""
    texts = [str(v) for v in values]
    starts = {t.lstrip(" ")[:1] for t in texts}
    if starts.isdisjoint(FORMULA_START) and set("".join(texts)).isdisjoint(BIDI_CONTROLS):
        return texts
    return [_safe(t) for t in texts]


def write_csv(frame: pd.DataFrame, path: Path, index_label: str | None = "id", *, engine: str | None = None) -> None:
    """UTF-8 CSV through DuckDB's writer (pandas formats each float in Python: minutes at 300,000 × 60), or
    pandas for a small table, in the same format (true/false, shortest round-trip floats, empty = missing).
    Missing values are empty cells; text that a spreadsheet would run as a formula is neutralised.
    The file is written whole or not at all (a temporary file renamed over the target)."""
    cols = {}
    if index_label is not None:
        cols[index_label] = pd.Series(safe_texts(frame.index), dtype=object)
    for c in frame.columns:
        s = frame[c].reset_index(drop=True)
        if pd.api.types.is_float_dtype(s.dtype):
            s = s.astype("Float64")                       # NaN → NULL → an empty cell
        elif not pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
            s = s.map(lambda v: None if v is None or (isinstance(v, float) and np.isnan(v)) else _safe(str(v)),
                      na_action="ignore").astype(object)
        cols[str(c)] = s
    table = pd.DataFrame(cols)
    if engine == "pandas" or (engine is None and table.size <= SMALL_CELLS):
        for c in table.columns:
            if pd.api.types.is_bool_dtype(table[c].dtype):
                table[c] = np.where(table[c].to_numpy(), "true", "false")
        with atomic_path(path) as tmp:
            table.to_csv(tmp, index=False, na_rep="", encoding="utf-8", lineterminator="\n")
        return
    from govlens.store.csv_files import copy_frame_to_csv

    with atomic_path(path) as tmp:
        copy_frame_to_csv(table, tmp)


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    return str(value)
