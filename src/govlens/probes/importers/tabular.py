"""Importing a data file (CSV, JSON Lines or XLSX) into a typed table of the campaign store.

Every new-media importer (statistics, posts, comments, submissions, expert recommendations,
app-store metadata) is a :class:`TableSpec` handed to :func:`import_table`; this module does
the reading, the checking and the all-or-nothing write, so that each importer module only
declares its schema and its own rules.

Why not pandas or the ``csv`` module: the account statistics of a national campaign are
200,000 accounts × 90 days = 18 million rows. DuckDB's own readers (``read_csv`` and
``read_json`` with explicit types) load them straight into the store in seconds without a
Python object per row, and record every row they cannot parse with its line and column
(``store_rejects``). The few rules a type cannot express (a known platform, a unique key,
``original_posts <= posts``, no date after the check date) are then one SQL query over the
staged rows (the statements are the store's: :mod:`govlens.store.staging`). Only XLSX (at most a million rows by the format) and the diagnosis of a broken
JSON Lines file go through Python.

Two policies, declared per spec:

- ``file`` (all-or-nothing): any bad row refuses the whole file with
  :class:`~govlens.errors.ImportFileError`, listing the first :data:`MAX_REPORTED` problems
  (file, line, field) and the number of bad rows. Used for time series (statistics, posts,
  comments): a series with holes would pass for a dormant account or an unanswered question.
- ``row``: bad rows are reported (:class:`~govlens.errors.ImportRowError`) and the good rows
  kept. Used where each row stands alone (submissions, expert recommendations, app stores):
  one unit's bad figure must not erase another unit's recommendation.

Either way the store's table is replaced in one transaction, so nothing is ever half imported.
"""
from __future__ import annotations

import csv
import json
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from govlens import messages
from govlens.errors import ImportFileError, ImportRowError, InputError
from govlens.registry.model import Platform
from govlens.store.campaign_store import CampaignStore
from govlens.store.staging import (SEP, TableSpec, count_rule_errors, drop_staged, lines_of_records, observe_imported,
                                   stage_csv, stage_frame, stage_jsonl, staged_lines, staging, write_staged)
from govlens.store.staging import rule_errors as store_rules

MAX_REPORTED = 50            # problems listed in an ImportFileError
FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".xlsx": "xlsx", ".xlsm": "xlsx"}
SQL_TYPES = ("VARCHAR", "DATE", "TIMESTAMP", "INTEGER", "BIGINT", "DOUBLE", "BOOLEAN")
_TRUE = {"true", "t", "1", "yes", "y"}
_FALSE = {"false", "f", "0", "no", "n"}


@dataclass
class ImportReport:
    """What one import did: rows kept, platforms covered, bad rows (``row`` policy)."""

    file: str
    what: str
    rows: int = 0
    platforms: int = 0
    errors: list[ImportRowError] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "what": self.what, "rows": self.rows, "platforms": self.platforms,
                "bad_rows": len(self.errors), "seconds": round(self.seconds, 3)}


# ---------------------------------------------------------------------------------------------- entry

def import_table(store: CampaignStore, path: str | Path, spec: TableSpec, platforms: Iterable[Platform],
                 *, check_date: date | None = None) -> ImportReport:
    """Read ``path`` against ``spec`` and replace ``spec.table`` with its rows (see the module doc)."""
    t0 = time.perf_counter()
    path = Path(path)
    fmt = _format(path, spec)
    report = ImportReport(file=str(path), what=spec.what)
    with staging(store.con, (p.id for p in platforms if p.kind in spec.platform_kinds)) as con:
        if fmt == "csv":
            header = _csv_header(path, spec)
            parse_errors = _stage_csv(con, path, spec, header)
        elif fmt == "jsonl":
            parse_errors = _stage_jsonl(con, path, spec)
        else:
            parse_errors = _stage_python(con, spec, _xlsx_records(path, spec), str(path))
        skip = {e.line for e in parse_errors if e.line is not None}
        rule_errors = store_rules(con, spec, check_date, limit=MAX_REPORTED if spec.policy == "file" else None)
        if (rule_errors or parse_errors) and spec.policy == "file":
            total = len(parse_errors) + (count_rule_errors(con, spec, check_date) if rule_errors else 0)
            raise _refuse(path, spec, parse_errors + _with_lines(con, path, fmt, rule_errors, skip), total)
        bad_recs = {rec for rec, _, _ in rule_errors}
        errors = parse_errors + _with_lines(con, path, fmt, rule_errors, skip)
        report.errors = sorted(errors, key=lambda e: (e.line or 0, e.field or ""))
        report.rows, report.platforms = write_staged(con, spec, path, fmt, bad_recs)
    report.seconds = time.perf_counter() - t0
    return report


def check_file(path: str | Path, spec: TableSpec) -> None:
    """What can be checked before a campaign touches its store, cheaply: the file exists, has a
    known format, and (CSV) a readable UTF-8 header with every required column. Raises InputError.
    The rows are checked by :func:`import_table` itself (for 18 million rows, twice would cost)."""
    path = Path(path)
    if _format(path, spec) == "csv":
        _csv_header(path, spec)


def _format(path: Path, spec: TableSpec) -> str:
    if not path.is_file():
        raise InputError(_t("file_not_found", what=_what(spec.what)), file=str(path))
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(_t("bad_format", what=_what(spec.what)), file=str(path))
    return fmt


def _refuse(path: Path, spec: TableSpec, errors: list[ImportRowError], total: int | None = None) -> ImportFileError:
    errors = sorted(errors, key=lambda e: (e.line or 0, e.field or ""))
    return ImportFileError(_t("refused", what=_what(spec.what)), file=str(path),
                           errors=errors[:MAX_REPORTED], total=max(total or 0, len(errors)))


# ---------------------------------------------------------------------------------------------- CSV

def _csv_header(path: Path, spec: TableSpec) -> list[str]:
    try:
        with open(path, "rb") as fh:
            first = fh.readline(1 << 20)
    except OSError as exc:
        raise InputError(_t("cannot_read", errno=exc.errno or "—"), file=str(path)) from None
    try:
        text = first.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(_t("header_not_utf8", byte=exc.start), file=str(path), line=1) from None
    if not text.strip():
        raise InputError(_t("empty", header=",".join(spec.names)), file=str(path), line=1)
    try:
        header = next(csv.reader([text.rstrip("\r\n")]))
    except csv.Error:
        raise InputError(_t("bad_header"), file=str(path), line=1) from None
    return _check_header(header, spec, str(path))


def _check_header(header: Sequence[Any], spec: TableSpec, source: str) -> list[str]:
    names = [str(h or "").strip().lower() for h in header]
    missing = [c.name for c in spec.columns if c.name not in names and c.required]
    if missing:
        raise InputError(_t("header_lacks", missing=messages.join(missing), columns=",".join(spec.names)),
                         file=source, line=1, field=missing[0])
    dup = sorted({n for n in names if n and names.count(n) > 1})
    if dup:
        raise InputError(_t("duplicate_column", column=dup[0]), file=source, line=1, field=dup[0])
    return names


def _stage_csv(con: Any, path: Path, spec: TableSpec, header: list[str]) -> list[ImportRowError]:
    rows = stage_csv(con, path, spec, header)
    errors = []
    for line, column, kind, message in rows:
        errors.append(ImportRowError(_reject_message(kind, message, column, spec), file=str(path),
                                     line=int(line) if line is not None else None,
                                     field=column if isinstance(column, str) and kind not in
                                     ("MISSING COLUMNS", "TOO MANY COLUMNS") else None))
    return errors


def _reject_message(kind: str, message: str, column: Any, spec: TableSpec) -> str:
    if kind == "CAST" and isinstance(column, str) and column in spec.names:
        value = ""
        if 'string "' in message:
            value = message.split('string "', 1)[1].rsplit('" to', 1)[0]
        return _not_valid(spec.column(column).sql, value)
    if kind == "MISSING COLUMNS":
        return _t("too_few_columns")
    if kind == "TOO MANY COLUMNS":
        return _t("too_many_columns")
    if kind == "INVALID UNICODE":
        return _t("not_utf8")
    return _t("unreadable_row")     # DuckDB's own wording stays out of a user's report


def _t(code: str, /, **values: Any) -> str:
    return messages.t(f"import.{code}", **values)


def _what(what: str) -> str:
    """The data file's name (``hotline test calls`` → 热线拨测记录) in the process's language."""
    return messages.word("import_what", what)


def _not_valid(sql: str, value: Any) -> str:
    """``not a valid whole number: 'x'`` in the process's language."""
    kind = {"INTEGER": "integer", "BIGINT": "integer", "DOUBLE": "number", "DATE": "date",
            "TIMESTAMP": "timestamp", "BOOLEAN": "boolean"}.get(sql, "text")
    return _t("not_valid", type=messages.word("import_types", kind), value=str(value)[:40])


# A rule's message is made in SQL (govlens.store.staging) as a code and its arguments, separated by SEP, and
# worded here (:func:`_word_rule`): the query stays the same in every language.


def _word_rule(message: str, lines: dict[int, int]) -> str:
    code, *args = message.split(SEP)
    if code == "duplicate":
        first = lines.get(int(args[1])) if args[1].isdigit() else None
        return _t("duplicate", key=args[0], line=first if first is not None else "?")
    if code == "check":
        return messages.word("import_checks", args[0])
    if code == "unknown_platform":
        kinds = messages.join([messages.word("kinds", k) for k in args[1].split("/") if k])
        return _t("unknown_platform", value=args[0], kinds=kinds)
    names = {"missing": (), "below": ("limit", "value"), "above": ("limit", "value"),
             "choice": ("value", "choices"), "too_long": ("n",)}.get(code)
    if names is None:
        return message
    return _t(code, **dict(zip(names, args)))


def _csv_lines(path: Path, records: set[int], skip: set[int]) -> dict[int, int]:
    """Line where each wanted staged record starts (rows DuckDB rejected, at ``skip`` lines, were not
    staged): a rescan, only on the error path."""
    out: dict[int, int] = {}
    if not records:
        return out
    last = max(records)
    with open(path, encoding="utf-8-sig", newline="", errors="replace") as fh:
        reader = csv.reader(fh)
        next(reader, None)
        start = reader.line_num + 1
        rec = 0
        for cells in reader:
            if start not in skip and any(c.strip() for c in cells):
                if rec in records:
                    out[rec] = start
                rec += 1
                if rec > last:
                    break
            start = reader.line_num + 1
    return out


# ---------------------------------------------------------------------------------------------- JSON Lines

def _stage_jsonl(con: Any, path: Path, spec: TableSpec) -> list[ImportRowError]:
    try:
        stage_jsonl(con, path, spec)
        return []
    except Exception as exc:  # noqa: BLE001 - DuckDB's message names no field: diagnose in Python
        drop_staged(con)
        if type(exc).__module__.split(".")[0] not in ("duckdb", "_duckdb"):
            raise
        return _stage_python(con, spec, _jsonl_records(path), str(path), fallback=str(exc))


def _jsonl_records(path: Path) -> Iterator[tuple[int, dict[str, Any] | ImportRowError]]:
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise InputError(_t("cannot_read", errno=exc.errno or "—"), file=str(path)) from None
    with fh:
        for line_no, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                doc = json.loads(raw.decode("utf-8-sig" if line_no == 1 else "utf-8"))
            except UnicodeDecodeError as exc:
                yield line_no, ImportRowError(_t("not_utf8_byte", byte=exc.start), file=str(path), line=line_no)
                continue
            except ValueError as exc:
                yield line_no, ImportRowError(_t("not_json", column=exc.colno), file=str(path), line=line_no)
                continue
            if not isinstance(doc, dict):
                yield line_no, ImportRowError(_t("not_object"), file=str(path), line=line_no)
                continue
            yield line_no, {str(k).strip().lower(): v for k, v in doc.items()}


def _jsonl_lines(path: Path, records: set[int]) -> dict[int, int]:
    out: dict[int, int] = {}
    if not records:
        return out
    last, rec = max(records), 0
    with open(path, "rb") as fh:
        for line_no, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            if rec in records:
                out[rec] = line_no
            rec += 1
            if rec > last:
                break
    return out


# ---------------------------------------------------------------------------------------------- XLSX

def _xlsx_records(path: Path, spec: TableSpec) -> Iterator[tuple[int, dict[str, Any] | ImportRowError]]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, KeyError, OSError):
        raise InputError(_t("not_xlsx"), file=str(path)) from None
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        try:
            header = _check_header([("" if c is None else c) for c in next(rows)], spec, str(path))
        except StopIteration:
            raise InputError(_t("empty_workbook", header=",".join(spec.names)), file=str(path), line=1) from None
        for line_no, cells in enumerate(rows, 2):
            if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
                continue
            if len(cells) > len(header) and any(c not in (None, "") for c in cells[len(header):]):
                yield line_no, ImportRowError(_t("too_many_columns"), file=str(path), line=line_no)
                continue
            yield line_no, {h: v for h, v in zip(header, cells) if h}
    finally:
        book.close()


# ---------------------------------------------------------------------------------------------- Python staging

def _stage_python(con: Any, spec: TableSpec, records: Iterable[tuple[int, dict[str, Any] | ImportRowError]],
                  source: str, *, fallback: str | None = None) -> list[ImportRowError]:
    """Convert records cell by cell (XLSX, or a JSON Lines file DuckDB refused) and stage the good ones."""
    errors: list[ImportRowError] = []
    data: dict[str, list[Any]] = {c.name: [] for c in spec.columns}
    lines: list[int] = []
    for line_no, rec in records:
        if isinstance(rec, ImportRowError):
            errors.append(rec)
            continue
        row, err = {}, None
        for c in spec.columns:
            try:
                row[c.name] = _convert(rec.get(c.name), c.sql)
            except (TypeError, ValueError) as exc:
                err = ImportRowError(str(exc), file=source, line=line_no, field=c.name)
                break
        if err is not None:
            errors.append(err)
            continue
        for k, v in row.items():
            data[k].append(v)
        lines.append(line_no)
    if fallback and not errors:     # DuckDB refused what we accept: report its reason, not silence
        raise InputError(_t("unreadable_jsonl"), file=source)
    frame = pd.DataFrame({**data, "_line": lines})
    for c in spec.columns:
        frame[c.name] = frame[c.name].astype(object)
    stage_frame(con, spec, frame)
    return errors


def _convert(value: Any, sql: str) -> Any:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if sql == "VARCHAR":
        return value if isinstance(value, str) else (str(value) if not isinstance(value, (dict, list)) else
                                                     json.dumps(value, ensure_ascii=False))
    if sql in ("INTEGER", "BIGINT"):
        if isinstance(value, bool):
            raise ValueError(_not_valid("INTEGER", value))
        if isinstance(value, float):
            if not value.is_integer():
                raise ValueError(_not_valid("INTEGER", value))
            return int(value)
        if isinstance(value, int):
            return value
        try:
            return int(str(value).strip())
        except ValueError:
            raise ValueError(_not_valid("INTEGER", value)) from None
    if sql == "DOUBLE":
        if isinstance(value, bool):
            raise ValueError(_not_valid("DOUBLE", value))
        try:
            return float(value)
        except (TypeError, ValueError):
            raise ValueError(_not_valid("DOUBLE", value)) from None
    if sql == "BOOLEAN":
        if isinstance(value, bool):
            return value
        low = str(value).strip().lower()
        if low in _TRUE:
            return True
        if low in _FALSE:
            return False
        raise ValueError(_not_valid("BOOLEAN", value))
    if sql == "DATE":
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValueError(_not_valid("DATE", value)) from None
    if sql == "TIMESTAMP":
        if isinstance(value, datetime):
            return value
        if isinstance(value, date):
            return datetime(value.year, value.month, value.day)
        try:
            return datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise ValueError(_not_valid("TIMESTAMP", value)) from None
    raise ValueError(f"unsupported type {sql}")


def _with_lines(con: Any, path: Path, fmt: str, errors: list[tuple[int, str, str]],
                skip: set[int] | None = None) -> list[ImportRowError]:
    """Record numbers → file lines: staged lines (XLSX, diagnosed JSON Lines), else a rescan (error path only)."""
    if not errors:
        return []
    recs = {r for r, _, _ in errors} | {int(msg.split(SEP)[2]) for _, _, msg in errors
                                        if msg.startswith("duplicate" + SEP)}
    if staged_lines(con):
        lines = lines_of_records(con, recs)
    elif fmt == "csv":
        lines = _csv_lines(path, recs, skip or set())
    elif fmt == "jsonl":
        lines = _jsonl_lines(path, recs)
    else:
        lines = {}
    return [ImportRowError(_word_rule(message, lines), file=str(path), line=lines.get(rec), field=field_)
            for rec, field_, message in errors]


# ---------------------------------------------------------------------------------------------- provenance

def record_observations(store: CampaignStore, *, probe: str, kind: str, table: str, report: ImportReport,
                        facts: dict[str, str]) -> int:
    """One observation per platform of ``table`` (kind ``kind``): where its rows came from and a few facts.

    ``facts`` maps a JSON key to an SQL aggregate over the platform's rows. The typed table
    holds the rows themselves; these observations are the per-platform evidence that the data
    was imported (file, row count, span), so a scorecard can cite its source.
    """
    from govlens.contract.observation import utcnow

    return observe_imported(store, probe=probe, kind=kind, table=table, source=Path(report.file).name, facts=facts,
                            observed_at=utcnow())
