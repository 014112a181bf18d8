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


def test_large_data_sets_go_to_parquet_and_results_to_both(tmp_path: Path, monkeypatch) -> None:
    import pandas as pd
    import pyarrow.parquet as pq

    from govlens.scoring import export

    fw = framework(simple({"a": MINMAX, "b": MINMAX}))
    run = run_of(fw, {"a": [1.0, np.nan, 3.0, 4.0], "b": [1.0, 2.0, 3.0, 4.0]}, ids=["=cmd", "u1", "u2", "u3"])
    monkeypatch.setattr(export, "LARGE_CELLS", 4)            # every data set (4 × 2 and more) is "large"
    written = export.write_outputs(run, tmp_path)
    assert "results.csv" in written and "results.parquet" in written
    for name in ("raw", "normalised", "aggregated"):
        assert f"{name}.parquet" in written and not (tmp_path / f"{name}.csv").exists(), name
    back = pq.read_table(tmp_path / "normalised.parquet").to_pandas().set_index("id")
    pd.testing.assert_frame_equal(back, run.data["normalised"], check_names=False, check_index_type=False)
    assert back.index[0] == "=cmd"                            # Parquet keeps the id as it is
    results = pq.read_table(tmp_path / "results.parquet").to_pandas().set_index("id")
    assert results["rank"].tolist() == run.results["rank"].tolist()
    assert (tmp_path / "imputed.parquet").read_bytes() == (tmp_path / "denominated.parquet").read_bytes()


def test_safe_texts_quotes_only_what_a_spreadsheet_would_run() -> None:
    from govlens.scoring.export import safe_texts

    assert safe_texts(["u1", "u2", 3]) == ["u1", "u2", "3"]
    assert safe_texts(["u1", " =x", "a\u202eb", "＋1"]) == ["u1", "' =x", "ab", "'＋1"]
