"""Read a CSV of non-negative counts per platform (``platform_id,<count>,<count>,…``) into observations.

External signals (indexed pages, inbound links, media mentions) and the foreign-language editions'
overseas-influence signals arrive this way from analytics and media monitoring. A bad row never
sinks the file: each one (unknown platform, a platform of a kind the file is not for, missing field,
non-integer or negative number, duplicate id) becomes an :class:`~govlens.errors.ImportRowError`
naming file, line and field, returned beside the good rows' observations. Only a file that cannot be
read, or whose header lacks a column, raises :class:`~govlens.errors.InputError`.

Written by hand: the rows are a few checks on top of :mod:`csv`; a schema library would not name the
file's line for each bad cell.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from govlens.contract.observation import Observation
from govlens.errors import ImportRowError, InputError
from govlens.registry.model import Platform

ID_FIELD = "platform_id"


def import_counts(path: str | Path, platforms: Iterable[Platform], *, probe: str, kind: str,
                  count_fields: tuple[str, ...], what: str,
                  platform_kinds: tuple[str, ...] = ()) -> tuple[list[Observation], list[ImportRowError]]:
    """Read the CSV at ``path``; return the good rows' observations and the bad rows' errors.

    ``platform_kinds`` limits the rows to platforms of those kinds (empty: any kind); ``what`` names
    the file in messages ("signals file").
    """
    path = Path(path)
    fields = (ID_FIELD, *count_fields)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read {what}: {exc.strerror or exc}", file=str(path)) from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 (byte {exc.start})", file=str(path)) from exc
    if "\x00" in text:
        raise InputError("not a text file (NUL bytes)", file=str(path))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("empty file, expected header " + ",".join(fields), file=str(path)) from None
    except csv.Error as exc:
        raise InputError(f"unreadable CSV: {exc}", file=str(path), line=1) from exc
    columns = [h.strip().lower() for h in header]
    missing = [f for f in fields if f not in columns]
    if missing:
        raise InputError(f"header lacks {', '.join(missing)} (expected {','.join(fields)})",
                         file=str(path), line=1, field=missing[0])
    index = {f: columns.index(f) for f in fields}
    known = {p.id: p for p in platforms}
    observations: list[Observation] = []
    errors: list[ImportRowError] = []
    seen: dict[str, int] = {}
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            cells = {f: (row[i].strip() if i < len(row) else "") for f, i in index.items()}
            checked = _check_row(cells, count_fields, known, seen, platform_kinds)
            if isinstance(checked, tuple):
                message, field = checked
                errors.append(ImportRowError(message, file=str(path), line=line, field=field))
                continue
            pid = cells[ID_FIELD]
            seen[pid] = line
            observations.append(Observation(platform_id=pid, probe=probe, kind=kind, url=known[pid].url,
                                            data={**checked, "source": f"{path.name}:{line}"}))
    except csv.Error as exc:
        errors.append(ImportRowError(f"unreadable CSV row: {exc}", file=str(path), line=reader.line_num))
    return observations, errors


def _check_row(cells: dict[str, str], count_fields: tuple[str, ...], known: dict[str, Platform],
               seen: dict[str, int], platform_kinds: tuple[str, ...]) -> dict[str, int] | tuple[str, str]:
    """The row's counts, or (message, field) of its first bad cell."""
    pid = cells[ID_FIELD]
    if not pid:
        return "missing platform id", ID_FIELD
    platform = known.get(pid)
    if platform is None:
        return f"unknown platform id {pid!r}", ID_FIELD
    if platform_kinds and platform.kind not in platform_kinds:
        return f"platform {pid!r} is a {platform.kind}, not a {' or '.join(platform_kinds)}", ID_FIELD
    if pid in seen:
        return f"duplicate platform id {pid!r} (first on line {seen[pid]})", ID_FIELD
    values: dict[str, int] = {}
    for f in count_fields:
        raw = cells[f]
        if not raw:
            return "missing value", f
        try:
            number = int(raw)
        except ValueError:
            return f"not an integer: {raw[:40]!r}", f
        if number < 0:
            return f"negative count: {number}", f
        values[f] = number
    return values
