"""A large frame written as CSV by DuckDB's ``COPY`` (several times pandas' speed on millions of cells).

The index engine's outputs of a national run (300,000 units × 60 indicators) are too large for
``DataFrame.to_csv``; DuckDB writes the same file from an in-memory connection. The SQL is here because
the store owns every statement (tests/test_sql_in_store.py).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd


def copy_frame_to_csv(frame: pd.DataFrame, path: Path) -> None:
    """``frame`` (text already made safe by the caller) as a CSV file with a header at ``path``."""
    import duckdb

    con = duckdb.connect()
    try:
        con.register("t", frame)
        target = str(path).replace("'", "''")
        con.execute(f"COPY t TO '{target}' (FORMAT CSV, HEADER, DELIMITER ',')")
    finally:
        con.close()
