"""The campaign store: one embedded DuckDB file per campaign.

Stages hand data over through it, so each stage reruns alone from the stored output of
the one before. Bulk writes go through a pandas frame (DuckDB's ``executemany`` is two
orders of magnitude slower), and a stage's rewrite of its own rows is one transaction,
so a crash never leaves half a stage behind (DuckDB's write-ahead log makes a committed
transaction survive a SIGKILL; an uncommitted one vanishes).

``memory_limit`` bounds DuckDB's buffer pool (``STORE_MEMORY_LIMIT``, 256 MB by default): DuckDB's
own default keeps table pages cached up to 80 % of the machine's memory, which reading a national
scan's observations would fill (a 1,000-site score grew past 800 MB); with a limit it drops cached
pages, spills sorts to disk and reads them back. The scan, which
only appends, runs under a much lower one (``STORE_SCAN_MEMORY_LIMIT``, :meth:`memory_limited`);
the later stages' queries (sorts, joins) need more.
"""
from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from govlens.errors import StoreError
from govlens.store.schema import SCHEMA


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_json_default)


class CampaignStore:
    """A campaign's DuckDB file, with the few reads and writes the stages need."""

    def __init__(self, path: str | Path, *, memory_limit: str | None = None, read_only: bool = False) -> None:
        """Open (creating its tables) or, ``read_only``, only read an existing store (the sandbox's checks)."""
        self.path = Path(path)
        if not read_only:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                from govlens.failures import describe_failure
                raise describe_failure(exc, store=self.path) from None
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:  # translated at the boundary
            raise StoreError(_cannot_open(self.path, exc)) from exc
        if memory_limit:
            self.set_memory_limit(memory_limit)
        if read_only:
            return
        for table, columns in SCHEMA.items():
            self.con.execute(f'CREATE TABLE IF NOT EXISTS {table} ({columns})')

    def set_memory_limit(self, limit: str, *, setting: str = "STORE_MEMORY_LIMIT") -> None:
        """Bound DuckDB's memory (``"256MB"``, ``"1GB"``); a bad value is an error of ``setting``."""
        try:
            self.con.execute(f"SET memory_limit = '{str(limit).replace(chr(39), '')}'")
        except duckdb.Error:
            from govlens.errors import SettingsError
            from govlens.messages import quote, t
            raise SettingsError(t("store_errors.memory_limit", value=quote(str(limit)[:100])), field=setting) from None

    def memory_limit(self) -> str:
        """DuckDB's current memory limit, in a form :meth:`set_memory_limit` accepts."""
        return str(self.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]).replace(" ", "")

    @contextmanager
    def memory_limited(self, limit: str, *, setting: str) -> Iterator["CampaignStore"]:
        """DuckDB bounded to ``limit`` inside the block (``""``: unchanged), as it was after it."""
        if not limit:
            yield self
            return
        previous = self.memory_limit()
        self.set_memory_limit(limit, setting=setting)
        try:
            yield self
        finally:
            self.set_memory_limit(previous)

    @contextmanager
    def transaction(self) -> Iterator["CampaignStore"]:
        """Everything inside commits together or not at all."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self
        except BaseException:
            self._rollback()
            raise
        self._commit()

    def _commit(self) -> None:
        try:
            self.con.execute("COMMIT")
        except duckdb.Error:
            self._rollback()          # a COMMIT that fails (a full disk) may or may not have rolled back
            raise

    def _rollback(self) -> None:
        """Roll back if a transaction is open: a failed COMMIT has already ended it, and a second
        error here would hide the first (the full disk) behind "no transaction is active"."""
        try:
            self.con.execute("ROLLBACK")
        except duckdb.TransactionException:
            pass

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "CampaignStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------- generic
    def columns(self, table: str) -> list[str]:
        return [r[0] for r in self.con.execute(f"DESCRIBE {table}").fetchall()]

    def _json_columns(self, table: str) -> set[str]:
        return {r[0] for r in self.con.execute(f"DESCRIBE {table}").fetchall() if r[1] == "JSON"}

    def insert(self, table: str, rows: Sequence[Mapping[str, Any]]) -> int:
        """Insert dict rows; JSON columns may be given as Python objects."""
        if not rows:
            return 0
        cols = self.columns(table)
        json_cols = self._json_columns(table)
        frame = pd.DataFrame([{c: (to_json(row.get(c)) if c in json_cols and row.get(c) is not None
                                   and not isinstance(row.get(c), str) else row.get(c))
                               for c in cols} for row in rows], columns=cols)
        self.insert_frame(table, frame.astype(object).where(frame.notna(), None))
        return len(rows)

    def replace(self, table: str, rows: Sequence[Mapping[str, Any]], **where: Any) -> int:
        """Delete the rows matching ``where`` (all rows if empty) and insert ``rows``, atomically."""
        with self.transaction():
            self.delete(table, **where)
            n = self.insert(table, rows)
        return n

    def replace_frame(self, table: str, frame: pd.DataFrame, **where: Any) -> int:
        """Like :meth:`replace` for a whole frame at once (the bulk path for scoring's large tables).
        Columns the table lacks are ignored, missing ones are NULL; JSON columns take JSON text."""
        cols = self.columns(table)
        data = {}
        for c in cols:
            col = frame[c] if c in frame.columns else pd.Series([None] * len(frame), index=frame.index, dtype=object)
            if pd.api.types.is_float_dtype(col.dtype):
                col = col.astype("Float64")           # NaN → NULL (DuckDB keeps a float NaN as NaN)
            elif col.dtype == object:
                col = col.where(col.notna(), None)
            data[c] = col
        out = pd.DataFrame(data, index=frame.index)
        with self.transaction():
            self.delete(table, **where)
            self.insert_frame(table, out)
        return len(out)

    def insert_frame(self, table: str, frame: pd.DataFrame) -> int:
        """Insert a frame whose columns are (a subset of) the table's, without a Python object per row."""
        if frame.empty:
            return 0
        collist = ", ".join(f'"{c}"' for c in frame.columns)
        self.con.register("_govlens_frame", frame)
        try:
            self.con.execute(f"INSERT INTO {table} ({collist}) SELECT {collist} FROM _govlens_frame")
        finally:
            with contextlib.suppress(duckdb.Error):    # in an aborted transaction: the insert's own error is the one to see
                self.con.unregister("_govlens_frame")
        return len(frame)

    def replace_with_frames(self, table: str, rows: Sequence[Mapping[str, Any]], frames: Sequence[pd.DataFrame],
                            **where: Any) -> int:
        """:meth:`replace` with dict ``rows`` and bulk ``frames`` together, in one transaction."""
        with self.transaction():
            self.delete(table, **where)
            n = self.insert(table, rows) + sum(self.insert_frame(table, f) for f in frames)
        return n

    def delete(self, table: str, **where: Any) -> None:
        clause, params = _where(where)
        self.con.execute(f"DELETE FROM {table}{clause}", params)

    def rows(self, table: str, order_by: str | None = None, **where: Any) -> list[dict[str, Any]]:
        clause, params = _where(where)
        order = f" ORDER BY {order_by}" if order_by else ""
        json_cols = self._json_columns(table)
        cur = self.con.execute(f"SELECT * FROM {table}{clause}{order}", params)
        names = [d[0] for d in cur.description]
        records = cur.fetchall()
        out = []
        for rec in records:
            row = dict(zip(names, rec))
            for c in json_cols:
                if isinstance(row.get(c), str):
                    row[c] = json.loads(row[c])
            out.append(row)
        return out

    def frame(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        """A query's result as a frame (for the store's own query modules; stages use :meth:`select`)."""
        return self.con.execute(sql, list(params)).df()

    def select(self, table: str, *columns: str, order_by: Sequence[str] = (), distinct: bool = False,
               **where: Any) -> pd.DataFrame:
        """``columns`` of ``table`` (all when none) where every ``where`` column equals its value (a list: is
        one of them), as a frame; names are checked against the table, so no stage writes SQL. ``rowid`` in
        ``order_by`` is the insertion order: the tie-break that makes "the first row of a group" reproducible."""
        known = {*self.columns(table), "rowid"}
        unknown = [c for c in (*columns, *order_by, *where) if c not in known]
        if unknown:
            raise ValueError(f"{table} has no column {unknown[0]!r}")       # a programming error, not input
        clause, params = _where(where)
        cols = ", ".join(f'"{c}"' for c in columns) or "*"
        order = " ORDER BY " + ", ".join(f'"{c}"' for c in order_by) if order_by else ""
        return self.con.execute(f"SELECT {'DISTINCT ' if distinct else ''}{cols} FROM {table}{clause}{order}",
                                params).df()

    def count(self, table: str, **where: Any) -> int:
        clause, params = _where(where)
        return int(self.con.execute(f"SELECT count(*) FROM {table}{clause}", params).fetchall()[0][0])

    def require(self, table: str, stage: str) -> None:
        """Refuse to run a stage whose input is missing, naming the stage to run first."""
        if self.count(table) == 0:
            from govlens.messages import t
            raise StoreError(t("cli.store_empty", path=self.path, table=table, stage=stage))

    # ---------------------------------------------------------------- meta and log
    def set_meta(self, key: str, value: Any) -> None:
        """One statement, so a kill never leaves the key deleted and not yet rewritten."""
        self.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, to_json(value)])

    def get_meta(self, key: str, default: Any = None) -> Any:
        rows = self.con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchall()
        row = rows[0] if rows else None
        return json.loads(row[0]) if row else default

    def log_step(self, stage: str, step: str, params: Mapping[str, Any]) -> None:
        """Record a step and its parameters, so a run can be replayed (COINr's write_log)."""
        seq = self.con.execute("SELECT coalesce(max(seq), 0) + 1 FROM run_log").fetchall()[0][0]
        self.con.execute("INSERT INTO run_log VALUES (?, ?, ?, ?, ?)",
                         [seq, stage, step, to_json(dict(params)), datetime.now(timezone.utc).replace(tzinfo=None)])

    def clear_log(self, stage: str) -> None:
        self.con.execute("DELETE FROM run_log WHERE stage = ?", [stage])

    # ---------------------------------------------------------------- typed helpers
    def write_platforms(self, platforms: Iterable[Any]) -> int:
        return self.replace("platforms", [p.as_dict() for p in platforms])

    def platforms(self) -> list[Any]:
        from govlens.registry.model import Platform  # store sits below every stage but registry
        return [Platform(**r) for r in self.rows("platforms", order_by="id")]


def _cannot_open(path: Path, exc: duckdb.Error) -> str:
    """Why DuckDB would not open the store, in the user's language: another process holds it, it is no
    DuckDB file, else DuckDB's own words (bounded)."""
    from govlens.messages import t

    text = str(exc)
    if "lock" in text.lower():
        return t("store_errors.locked", path=path)
    if "not a valid DuckDB database" in text:
        return t("store_errors.not_duckdb", path=path)
    return t("store_errors.cannot_open", path=path, reason=text[:300])


def _where(where: Mapping[str, Any]) -> tuple[str, list[Any]]:
    if not where:
        return "", []
    parts, params = [], []
    for key, value in where.items():
        col = f'"{key}"'
        if isinstance(value, (list, tuple, set, frozenset)):
            values = list(value)
            parts.append(f"{col} IN ({', '.join('?' * len(values))})" if values else "FALSE")
            params.extend(values)
        else:
            parts.append(f"{col} = ?")
            params.append(value)
    return " WHERE " + " AND ".join(parts), params
