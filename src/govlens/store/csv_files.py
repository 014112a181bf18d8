"""A large frame (or chunks of one) written as CSV by DuckDB's ``COPY`` (several times pandas' speed on millions of cells).

The index engine's outputs of a national run (300,000 units × 60 indicators) are too large for
``DataFrame.to_csv``; DuckDB writes the same file from an in-memory connection. The SQL is here because
the store owns every statement (tests/test_sql_in_store.py).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd


def copy_frame_to_csv(frame: pd.DataFrame, path: Path, *, header: bool = True, con: Any = None) -> None:
    """``frame`` (text already made safe by the caller) as a CSV file at ``path`` (with a header line unless
    ``header`` is false: a chunk of a larger file). ``con``: an in-memory DuckDB connection to reuse."""
    import duckdb

    own = con is None
    con = duckdb.connect() if own else con
    try:
        con.register("_govlens_csv", frame)
        target = str(path).replace("'", "''")
        con.execute(f"COPY _govlens_csv TO '{target}' (FORMAT CSV, HEADER {'true' if header else 'false'}, "
                    "DELIMITER ',')")
        con.unregister("_govlens_csv")
    finally:
        if own:
            con.close()
