"""Staging a data file in DuckDB, checking its rows in SQL and replacing its store table in one transaction.

The importers (:mod:`govlens.probes.importers.tabular`) read a file's header and diagnose what DuckDB cannot; the
statements are here, because the store owns every statement (tests/test_sql_in_store.py). A file is staged
as the temporary table ``_govlens_import`` (DuckDB's ``read_csv`` / ``read_json`` with explicit types, or a
frame the importer converted cell by cell); :func:`rule_errors` is one query of every rule a staged row
breaks, as a code and its arguments separated by :data:`SEP` (worded by the importer in the user's
language, so the query is the same in every language); :func:`write_staged` replaces the table.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from govlens.store.campaign_store import CampaignStore

SEP = "\x1f"                 # between a rule message's code and its arguments


@dataclass(frozen=True)
class Column:
    """One column of a data file: its SQL type and the value rules a type cannot say."""

    name: str
    sql: str
    required: bool = True
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    max_length: int | None = None
    doc: str = ""


@dataclass(frozen=True)
class Check:
    """A rule over a row: ``sql`` must be true (NULLs pass); ``field`` is blamed when it is not."""

    field: str
    sql: str
    message: str


@dataclass(frozen=True)
class TableSpec:
    """What an importer reads: columns, key, rules, policy and the store table it fills."""

    what: str                                   # "account statistics", for messages
    table: str                                  # store table
    columns: tuple[Column, ...]
    policy: Literal["file", "row"]
    platform_kinds: tuple[str, ...]             # platform_id must name a registry platform of these kinds
    key: tuple[str, ...] = ()                   # unique within the file
    checks: tuple[Check, ...] = ()
    provenance: bool = False                    # store source_file, source_line with each row

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


@contextmanager
def staging(con: Any, allowed_platforms: Iterable[str]) -> Iterator[Any]:
    """A connection ready to stage one file: the registry's platforms of the file's kinds as
    ``_govlens_allowed``, no staged table before or after."""
    # typed: an empty list (no platform of these kinds in the registry) must still be VARCHAR, not DOUBLE
    allowed = pd.DataFrame({"platform_id": pd.Series(sorted(allowed_platforms), dtype="string")})
    con.register("_govlens_allowed", allowed)
    try:
        drop_staged(con)
        yield con
    finally:
        drop_staged(con)
        con.unregister("_govlens_allowed")


def drop_staged(con: Any) -> None:
    con.execute("DROP TABLE IF EXISTS _govlens_import")


def stage_csv(con: Any, path: Path, spec: TableSpec, header: list[str]) -> list[tuple[Any, Any, str, str]]:
    """Stage a CSV file with DuckDB's reader (``header`` as the importer read it); returns the rows it rejected
    as (line, column, error kind, DuckDB's message)."""
    types = {}
    for i, name in enumerate(header):
        col = name if name else f"_unnamed_{i}"
        types[col] = spec.column(name).sql if name in spec.names else "VARCHAR"
    con.execute("DROP TABLE IF EXISTS _govlens_rejects")
    con.execute("DROP TABLE IF EXISTS _govlens_scans")
    cols = ", ".join(f"'{k}': '{v}'" for k, v in types.items())
    select = ", ".join(f'"{c}"' if c in header else f'CAST(NULL AS {spec.column(c).sql}) AS "{c}"'
                       for c in spec.names)
    con.execute(f"""CREATE TEMP TABLE _govlens_import AS SELECT {select} FROM read_csv(?, header = true,
                    auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {{{cols}}},
                    store_rejects = true, rejects_table = '_govlens_rejects', rejects_scan = '_govlens_scans',
                    strict_mode = true)""", [str(path)])
    rows = con.execute("SELECT line, column_name, error_type, error_message FROM _govlens_rejects "
                       "ORDER BY line").fetchall()
    con.execute("DROP TABLE IF EXISTS _govlens_rejects")
    con.execute("DROP TABLE IF EXISTS _govlens_scans")
    return rows


def stage_jsonl(con: Any, path: Path, spec: TableSpec) -> None:
    """Stage a JSON Lines file with DuckDB's reader; DuckDB's error propagates (the importer diagnoses it)."""
    cols = ", ".join(f"'{c.name}': '{c.sql}'" for c in spec.columns)
    names = ", ".join(f'"{n}"' for n in spec.names)
    con.execute(f"CREATE TEMP TABLE _govlens_import AS SELECT {names} "
                f"FROM read_json(?, format = 'newline_delimited', columns = {{{cols}}})", [str(path)])


def stage_frame(con: Any, spec: TableSpec, frame: pd.DataFrame) -> None:
    """Stage rows the importer converted itself (``frame``: the spec's columns and ``_line``), cast to the types."""
    con.register("_govlens_py", frame)
    try:
        casts = ", ".join(f'CAST("{c.name}" AS {c.sql}) AS "{c.name}"' for c in spec.columns)
        con.execute(f"CREATE TEMP TABLE _govlens_import AS SELECT {casts}, _line FROM _govlens_py")
    finally:
        con.unregister("_govlens_py")


def rule_sql(spec: TableSpec, check_date: date | None) -> tuple[str, list[Any]]:
    """One query of (record, field, message) for every rule a staged row breaks."""
    parts: list[str] = []
    params: list[Any] = []
    rec = "rowid"

    def add(field_: str, where: str, message_sql: str) -> None:
        parts.append(f"SELECT {rec} AS rec, '{field_}' AS field, {message_sql} AS message "
                     f"FROM _govlens_import WHERE {where}")

    for c in spec.columns:
        q = f'"{c.name}"'
        if c.required:
            add(c.name, f"{q} IS NULL", "'missing'")
        if c.minimum is not None:
            add(c.name, f"{q} < {c.minimum!r}", f"'below{SEP}{c.minimum:g}{SEP}' || CAST({q} AS VARCHAR)")
        if c.maximum is not None:
            add(c.name, f"{q} > {c.maximum!r}", f"'above{SEP}{c.maximum:g}{SEP}' || CAST({q} AS VARCHAR)")
        if c.choices:
            allowed = ", ".join("'" + v.replace("'", "''") + "'" for v in c.choices)
            add(c.name, f"{q} NOT IN ({allowed})",
                f"'choice{SEP}' || {q} || '{SEP}{'/'.join(c.choices)}'")
        if c.max_length:
            add(c.name, f"length({q}) > {c.max_length}", f"'too_long{SEP}{c.max_length}'")
    add("platform_id", "platform_id IS NOT NULL AND platform_id NOT IN (SELECT platform_id FROM _govlens_allowed)",
        f"'unknown_platform{SEP}' || platform_id || '{SEP}{'/'.join(spec.platform_kinds)}'")
    for chk in spec.checks:
        sql = chk.sql
        if "{check_date}" in sql:
            if check_date is None:
                continue
            sql = sql.replace("{check_date}", f"DATE '{check_date.isoformat()}'")
        add(chk.field, f"NOT coalesce(({sql}), true)", f"'check{SEP}" + chk.message.replace("'", "''") + "'")
    if spec.key:
        # duplicates are rare: find the duplicated keys with a cheap GROUP BY, and number only their rows
        keys = ", ".join(f'"{k}"' for k in spec.key)
        not_null = " AND ".join(f'"{k}" IS NOT NULL' for k in spec.key)
        parts.append(f"""SELECT rec, '{spec.key[-1]}' AS field, 'duplicate{SEP}{"/".join(spec.key)}{SEP}'
                                || CAST(first_rec AS VARCHAR) AS message
                         FROM (SELECT {rec} AS rec, min({rec}) OVER (PARTITION BY {keys}) AS first_rec
                               FROM _govlens_import
                               WHERE ({keys}) IN (SELECT ({keys}) FROM _govlens_import WHERE {not_null}
                                                   GROUP BY ALL HAVING count(*) > 1))
                         WHERE rec > first_rec""")
    return " UNION ALL ".join(parts), params


def rule_errors(con: Any, spec: TableSpec, check_date: date | None,
                 limit: int | None) -> list[tuple[int, str, str]]:
    sql, params = rule_sql(spec, check_date)
    lim = f" LIMIT {int(limit)}" if limit else ""
    rows = con.execute(f"SELECT rec, field, message FROM ({sql}) ORDER BY rec, field{lim}", params).fetchall()
    return [(int(r), f, m) for r, f, m in rows]


def count_rule_errors(con: Any, spec: TableSpec, check_date: date | None) -> int:
    sql, params = rule_sql(spec, check_date)
    return int(con.execute(f"SELECT count(DISTINCT rec) FROM ({sql})", params).fetchone()[0])


def staged_lines(con: Any) -> bool:
    """Whether the staged rows carry their file lines (``_line``: XLSX, a diagnosed JSON Lines file)."""
    return "_line" in [r[0] for r in con.execute("DESCRIBE _govlens_import").fetchall()]


def lines_of_records(con: Any, recs: set[int]) -> dict[int, int]:
    """Staged record number → file line, for rows staged with their lines."""
    con.register("_govlens_recs", pd.DataFrame({"rec": sorted(recs)}, dtype="int64"))
    try:
        return dict(con.execute("SELECT rowid, _line FROM _govlens_import "
                                "WHERE rowid IN (SELECT rec FROM _govlens_recs)").fetchall())
    finally:
        con.unregister("_govlens_recs")


def write_staged(con: Any, spec: TableSpec, path: Path, fmt: str, bad: set[int]) -> tuple[int, int]:
    """Replace the store table with the staged rows (minus ``bad`` records), in one transaction."""
    cols = [f'"{n}"' for n in spec.names]
    select = list(cols)
    if spec.provenance:
        cols += ["source_file", "source_line"]
        if staged_lines(con):
            line_sql = "_line"
        elif fmt == "jsonl":
            line_sql = "CAST(rowid + 1 AS INTEGER)"      # exact unless the file has blank lines
        else:
            line_sql = "CAST(rowid + 2 AS INTEGER)"      # exact unless a quoted cell spans lines
        select += [f"'{path.name}'", line_sql]
    con.register("_govlens_bad", pd.DataFrame({"rec": sorted(bad)}, dtype="int64"))
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"DELETE FROM {spec.table}")
        con.execute(f"INSERT INTO {spec.table} ({', '.join(cols)}) SELECT {', '.join(select)} "
                    "FROM _govlens_import WHERE rowid NOT IN (SELECT rec FROM _govlens_bad)")
        rows, platforms = con.execute(f"SELECT count(*), count(DISTINCT platform_id) FROM {spec.table}").fetchone()
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("_govlens_bad")
    return int(rows), int(platforms)


def observe_imported(store: CampaignStore, *, probe: str, kind: str, table: str, source: str,
                     facts: dict[str, str], observed_at: Any) -> int:
    """One observation per platform of ``table``: ``source`` (the file's name), its row count and ``facts``
    (JSON key → SQL aggregate over the platform's rows), replacing the probe's earlier ones."""
    pairs = ", ".join(f"'{k}', {v}" for k, v in facts.items())
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM observations WHERE probe = ?", [probe])
        con.execute(f"""INSERT INTO observations
            SELECT t.platform_id, ?, ?, p.url, 'completed', NULL, NULL, ?,
                   json_object('source', ?, 'rows', count(*){', ' + pairs if pairs else ''})
            FROM {table} t JOIN platforms p ON p.id = t.platform_id
            GROUP BY t.platform_id, p.url""", [probe, kind, observed_at, source])
        n = con.execute("SELECT count(*) FROM observations WHERE probe = ?", [probe]).fetchone()[0]
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return int(n)
