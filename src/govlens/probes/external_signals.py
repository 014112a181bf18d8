"""Importer of external signals: indexed pages, inbound links, media mentions.

The seed's 搜索引擎 / 信息传播 / 社会舆情 dimensions rest on numbers a scanner cannot
measure itself (search-engine index counts, inbound links, media mentions); they arrive
as a CSV (``platform_id,indexed_pages,inbound_links,media_mentions``, UTF-8 with or without
BOM) and become ``signals`` observations of probe ``external_signals``.

Like the registry import, a bad row never sinks the file: each bad row (unknown platform,
missing field, non-integer or negative number, duplicate id) becomes an
:class:`~govlens.errors.ImportRowError` naming file, line and field, collected and
returned beside the observations of the good rows. Only a file that cannot be read, or
whose header is not the expected one, raises :class:`~govlens.errors.InputError`.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from govlens.errors import ImportRowError, InputError
from govlens.probes.observation import Observation
from govlens.registry.model import Platform

NAME = "external_signals"
ID_FIELD = "platform_id"
COUNT_FIELDS = ("indexed_pages", "inbound_links", "media_mentions")
FIELDS = (ID_FIELD, *COUNT_FIELDS)


def import_signals(path: str | Path,
                   platforms: Iterable[Platform]) -> tuple[list[Observation], list[ImportRowError]]:
    """Read the signals CSV at ``path``; return the good rows' observations and the bad rows' errors."""
    path = Path(path)
    name = path.name
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read signals file: {exc.strerror or exc}", file=str(path)) from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 (byte {exc.start})", file=str(path)) from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("empty file, expected header " + ",".join(FIELDS), file=str(path)) from None
    except csv.Error as exc:
        raise InputError(f"unreadable CSV: {exc}", file=str(path), line=1) from exc
    columns = [h.strip().lower() for h in header]
    missing = [f for f in FIELDS if f not in columns]
    if missing:
        raise InputError(f"header lacks {', '.join(missing)} (expected {','.join(FIELDS)})",
                         file=str(path), line=1, field=missing[0])
    index = {f: columns.index(f) for f in FIELDS}
    known = {p.id: p for p in platforms}
    observations: list[Observation] = []
    errors: list[ImportRowError] = []
    seen: dict[str, int] = {}
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            error = _check_row(row, index, known, seen, str(path), line)
            if error is not None:
                errors.append(error)
                continue
            pid = row[index[ID_FIELD]].strip()
            seen[pid] = line
            values = {f: int(row[index[f]].strip()) for f in COUNT_FIELDS}
            platform = known[pid]
            observations.append(Observation(platform_id=pid, probe=NAME, kind="signals", url=platform.url,
                                            data={**values, "source": f"{name}:{line}"}))
    except csv.Error as exc:
        errors.append(ImportRowError(f"unreadable CSV row: {exc}", file=str(path), line=reader.line_num))
    return observations, errors


def _check_row(row: list[str], index: dict[str, int], known: dict[str, Platform], seen: dict[str, int],
               name: str, line: int) -> ImportRowError | None:
    def cell(f: str) -> str:
        i = index[f]
        return row[i].strip() if i < len(row) else ""

    pid = cell(ID_FIELD)
    if not pid:
        return ImportRowError("missing platform id", file=name, line=line, field=ID_FIELD)
    if pid not in known:
        return ImportRowError(f"unknown platform id {pid!r}", file=name, line=line, field=ID_FIELD)
    if pid in seen:
        return ImportRowError(f"duplicate platform id {pid!r} (first on line {seen[pid]})",
                              file=name, line=line, field=ID_FIELD)
    for f in COUNT_FIELDS:
        value = cell(f)
        if not value:
            return ImportRowError("missing value", file=name, line=line, field=f)
        try:
            number = int(value)
        except ValueError:
            return ImportRowError(f"not an integer: {value[:40]!r}", file=name, line=line, field=f)
        if number < 0:
            return ImportRowError(f"negative count: {number}", file=name, line=line, field=f)
    return None
