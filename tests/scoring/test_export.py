"""CSV export of a run: every data set, empty cells for missing values, no formula runs in a spreadsheet."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np

from .conftest import framework, run_of, simple

MINMAX = {"normalise": {"method": "minmax"}}


def test_every_data_set_is_written_with_empty_missing_cells_and_safe_text(tmp_path: Path) -> None:
    from govlens.scoring.export import write_outputs

    fw = framework(simple({"a": MINMAX, "b": {**MINMAX, "treat": "winsorise"}}))
    run = run_of(fw, {"a": [1.0, np.nan, 3.0, 4.0], "b": [1.0, 2.0, 3.0, 4.0]}, ids=["=cmd", "u1", "u2", "u3"])
    run.input.names = None
    written = write_outputs(run, tmp_path)
    for name in ("raw", "denominated", "imputed", "treated", "normalised", "aggregated", "results", "weights",
                 "correlations", "log.json"):
        assert (tmp_path / (name if name.endswith(".json") else f"{name}.csv")).is_file(), name
    with (tmp_path / "normalised.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["id"] == "'=cmd" and rows[1]["a"] == "" and float(rows[3]["a"]) == 100
    # a step that changed nothing shares its input, and its file is a copy of it
    assert run.data["imputed"] is run.data["denominated"]
    assert (tmp_path / "imputed.csv").read_bytes() == (tmp_path / "denominated.csv").read_bytes()
    log = json.loads((tmp_path / "log.json").read_text(encoding="utf-8"))
    assert log["framework"] == "t" and log["steps"][0]["verb"] == "denominate"
    assert set(written) >= {"results.csv", "normalised.csv", "log.json", "notes.txt"}


def test_the_small_table_writer_writes_what_duckdb_writes(tmp_path) -> None:
    import numpy as np
    import pandas as pd

    from govlens.scoring.export import write_csv

    rng = np.random.default_rng(4)
    frame = pd.DataFrame({"a": [0.1, 1 / 3, 1e-05, 123456789.123, np.nan, 100.0],
                          "b": rng.normal(0, 1e4, 6), "n": [1, 2, 3, 4, 5, 6],
                          "ok": [True, False, True, False, True, False],
                          "t": ["x", "=y", None, "z,w", 'q"r', "中"]}, index=["u1", "u2", "u3", "u4", "u5", "@u6"])
    write_csv(frame, tmp_path / "duck.csv", engine="duckdb")
    write_csv(frame, tmp_path / "pandas.csv", engine="pandas")
    assert (tmp_path / "pandas.csv").read_bytes() == (tmp_path / "duck.csv").read_bytes()
