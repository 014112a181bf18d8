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

from govlens import messages
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
        raise InputError(_t("cannot_read_what", what=messages.word("import_what", what), errno=exc.errno or "—"),
                         file=str(path)) from None
    except UnicodeDecodeError as exc:
        raise InputError(_t("not_utf8_byte", byte=exc.start), file=str(path)) from None
    if "\x00" in text:
        raise InputError(_t("not_text"), file=str(path))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(_t("empty", header=",".join(fields)), file=str(path)) from None
    except csv.Error:
        raise InputError(_t("bad_header"), file=str(path), line=1) from None
    columns = [h.strip().lower() for h in header]
    missing = [f for f in fields if f not in columns]
    if missing:
        raise InputError(_t("header_lacks", missing=messages.join(missing), columns=",".join(fields)),
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
    except csv.Error:
        errors.append(ImportRowError(_t("unreadable_row"), file=str(path), line=reader.line_num))
    return observations, errors


def _check_row(cells: dict[str, str], count_fields: tuple[str, ...], known: dict[str, Platform],
               seen: dict[str, int], platform_kinds: tuple[str, ...]) -> dict[str, int] | tuple[str, str]:
    """The row's counts, or (message, field) of its first bad cell."""
    pid = cells[ID_FIELD]
    if not pid:
        return _t("missing_id"), ID_FIELD
    platform = known.get(pid)
    if platform is None:
        return _t("unknown_id", value=pid), ID_FIELD
    if platform_kinds and platform.kind not in platform_kinds:
        return _t("wrong_kind", value=pid, kind=messages.word("kinds", platform.kind),
                  kinds=messages.join([messages.word("kinds", k) for k in platform_kinds])), ID_FIELD
    if pid in seen:
        return _t("duplicate", key=ID_FIELD, line=seen[pid]), ID_FIELD
    values: dict[str, int] = {}
    for f in count_fields:
        raw = cells[f]
        if not raw:
            return _t("missing"), f
        try:
            number = int(raw)
        except ValueError:
            return _t("not_valid", type=messages.word("import_types", "integer"), value=raw[:40]), f
        if number < 0:
            return _t("negative", value=number), f
        values[f] = number
    return values


def _t(code: str, /, **values: object) -> str:
    return messages.t(f"import.{code}", **values)
