"""Writers of the new-media data files in exactly the importers' formats (``docs/newmedia-data.md``).

Statistics go through DuckDB's CSV writer a chunk at a time (18 million rows in seconds); posts and
comments are JSON Lines, submissions CSV, expert recommendations XLSX.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from govlens.sandbox.newmedia_series import STATS_COLUMNS


def write_stats_csv(frames: Iterator[pd.DataFrame], path: Path) -> Path:
    """Statistics CSV through DuckDB's writer (a chunk at a time; 18 million rows in seconds)."""
    import duckdb

    from govlens.store.csv_files import copy_frame_to_csv

    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    first = True
    with open(path, "wb") as out:
        for i, frame in enumerate(frames):
            part = path.with_name(f".{path.name}.part{i}")
            copy_frame_to_csv(frame[STATS_COLUMNS], part, header=first, con=con)
            with open(part, "rb") as fh:
                while block := fh.read(1 << 22):
                    out.write(block)
            part.unlink()
            first = False
        if first:
            out.write((",".join(STATS_COLUMNS) + "\n").encode())
    con.close()
    return path


def write_jsonl(rows: list[dict], path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def write_csv(rows: list[dict], path: Path, columns: list[str]) -> Path:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def write_xlsx(rows: list[dict], path: Path, columns: list[str]) -> Path:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("data")
    ws.append(columns)
    for r in rows:
        ws.append([r.get(c) for c in columns])
    wb.save(path)
    return path
