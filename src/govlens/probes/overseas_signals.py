"""Importer of overseas-influence signals of foreign-language editions (海外传播影响力, series 7).

The seed judges editions on 信息公开, 公共服务, 互动交流 and 网站管理 "结合海外传播的影响力": numbers no
scanner measures from China — visits from abroad, inbound links from foreign domains, mentions in
foreign media — that arrive from analytics and media monitoring as a CSV
(``platform_id,overseas_visits,overseas_inlinks,foreign_media_mentions``, UTF-8 with or without BOM)
and become ``overseas_signals`` observations of probe ``overseas_signals``, as the external signals
of :mod:`govlens.probes.external_signals` do.

A bad row never sinks the file: each one (unknown platform, a platform that is not a ``foreign_site``,
missing field, non-integer or negative number, duplicate id) becomes an
:class:`~govlens.errors.ImportRowError` naming file, line and field, returned beside the good rows'
observations. Only a file that cannot be read, or whose header lacks a column, raises
:class:`~govlens.errors.InputError`.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from govlens.errors import ImportRowError, InputError
from govlens.probes.observation import Observation
from govlens.registry.model import Platform

NAME = "overseas_signals"
KIND = "overseas_signals"
ID_FIELD = "platform_id"
COUNT_FIELDS = ("overseas_visits", "overseas_inlinks", "foreign_media_mentions")
FIELDS = (ID_FIELD, *COUNT_FIELDS)
PLATFORM_KINDS = ("foreign_site",)


def import_overseas_signals(path: str | Path,
                            platforms: Iterable[Platform]) -> tuple[list[Observation], list[ImportRowError]]:
    """Read the CSV at ``path``; return the good rows' observations and the bad rows' errors."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read overseas signals: {exc.strerror or exc}", file=str(path)) from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 (byte {exc.start})", file=str(path)) from exc
    if "\x00" in text:
        raise InputError("not a text file (NUL bytes)", file=str(path))
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

            def cell(f: str) -> str:
                i = index[f]
                return row[i].strip() if i < len(row) else ""

            def bad(message: str, field: str) -> None:
                errors.append(ImportRowError(message, file=str(path), line=line, field=field))

            pid = cell(ID_FIELD)
            if not pid:
                bad("missing platform id", ID_FIELD)
                continue
            platform = known.get(pid)
            if platform is None:
                bad(f"unknown platform id {pid!r}", ID_FIELD)
                continue
            if platform.kind not in PLATFORM_KINDS:
                bad(f"platform {pid!r} is a {platform.kind}, not a foreign_site", ID_FIELD)
                continue
            if pid in seen:
                bad(f"duplicate platform id {pid!r} (first on line {seen[pid]})", ID_FIELD)
                continue
            values: dict[str, int] = {}
            for f in COUNT_FIELDS:
                raw = cell(f)
                if not raw:
                    bad("missing value", f)
                    break
                try:
                    number = int(raw)
                except ValueError:
                    bad(f"not an integer: {raw[:40]!r}", f)
                    break
                if number < 0:
                    bad(f"negative count: {number}", f)
                    break
                values[f] = number
            if len(values) < len(COUNT_FIELDS):
                continue
            seen[pid] = line
            observations.append(Observation(platform_id=pid, probe=NAME, kind=KIND, url=platform.url,
                                            data={**values, "source": f"{path.name}:{line}"}))
    except csv.Error as exc:
        errors.append(ImportRowError(f"unreadable CSV row: {exc}", file=str(path), line=reader.line_num))
    return observations, errors
