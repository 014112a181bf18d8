"""Import a campaign registry from CSV or XLSX.

Every bad row is reported with the file, its line number and the field at fault, and the
good rows are kept: a national registry of 100,000 rows always has a few broken ones, and
a scan should not wait for them. Only a registry with no usable row is an error.
CSV files may be UTF-8 (with or without BOM) or GB18030/GBK, as Excel in China saves them.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from govlens.errors import RegistryError, RegistryRowError
from govlens.hosts import connection_host, is_literal
from govlens.registry.model import (FIELDS, KINDS, LEVELS, ORG_TYPES, PROVINCE_REGION, REGIONS, REQUIRED_FIELDS,
                                    Platform, region_of)

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_HOST = re.compile(r"^[a-z0-9\u00a1-\uffff]([a-z0-9\u00a1-\uffff-]{0,62}[a-z0-9\u00a1-\uffff])?"
                   r"(\.[a-z0-9\u00a1-\uffff]([a-z0-9\u00a1-\uffff-]{0,62}[a-z0-9\u00a1-\uffff])?)+$")
_ASCII_HOST = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$")
MAX_ID_LENGTH = 128


@dataclass
class RegistryLoad:
    """The usable platforms, the rows refused (each with file, line and field) and warnings."""

    source: str
    platforms: list[Platform] = field(default_factory=list)
    errors: list[RegistryRowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def load_registry(path: str | Path) -> RegistryLoad:
    """Read a registry; raise :class:`RegistryError` only when no row is usable."""
    path = Path(path)
    if not path.is_file():
        raise RegistryError("registry file not found", file=str(path))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        header, rows = _read_csv(path)
    elif suffix in (".xlsx", ".xlsm"):
        header, rows = _read_xlsx(path)
    else:
        raise RegistryError("registry must be a .csv or .xlsx file", file=str(path))
    result = parse_rows(header, rows, str(path))
    if not result.platforms:
        detail = f"; first problem: {result.errors[0]}" if result.errors else ""
        raise RegistryError(f"no usable platform in the registry ({len(result.errors)} bad rows){detail}",
                            file=str(path))
    return result


def parse_rows(header: list[str], rows: list[tuple[int, list[str]]], source: str) -> RegistryLoad:
    """Validate rows given as (line number, cells) under ``header``."""
    result = RegistryLoad(source=source)
    names = [h.strip().lower() for h in header]
    missing = [f for f in REQUIRED_FIELDS if f not in names]
    if missing:
        raise RegistryError(f"header lacks required column(s) {', '.join(missing)} "
                            f"(expected: {','.join(FIELDS)})", file=source, line=1)
    unknown = [h for h in names if h and h not in FIELDS]
    if unknown:
        result.warnings.append(f"{source}:1: ignoring unknown column(s) {', '.join(unknown)}")
    seen: dict[str, int] = {}
    for line, cells in rows:
        if not any(c.strip() for c in cells):
            continue
        record = {name: (cells[i].strip() if i < len(cells) and cells[i] is not None else "")
                  for i, name in enumerate(names) if name in FIELDS}
        try:
            platform = _platform(record, source, line)
        except RegistryRowError as exc:
            result.errors.append(exc)
            continue
        if platform.id in seen:
            result.errors.append(RegistryRowError(f"duplicate id '{platform.id}' (first on line {seen[platform.id]})",
                                                  file=source, line=line, field="id"))
            continue
        seen[platform.id] = line
        result.platforms.append(platform)
    return result


def _platform(r: dict[str, str], source: str, line: int) -> Platform:
    def bad(msg: str, fld: str) -> RegistryRowError:
        return RegistryRowError(msg, file=source, line=line, field=fld)

    for name in REQUIRED_FIELDS:
        if not r.get(name):
            raise bad("missing value", name)
    for name, value in r.items():
        if _CONTROL.search(value):
            raise bad("contains control characters", name)
    if len(r["id"]) > MAX_ID_LENGTH:
        raise bad(f"longer than {MAX_ID_LENGTH} characters", "id")
    kind = r["kind"].lower()
    if kind not in KINDS:
        raise bad(f"unknown kind '{r['kind']}' (known: {', '.join(KINDS)})", "kind")
    url = _check_url(r["url"], bad)
    org_type = r.get("org_type", "").lower()
    if org_type and org_type not in ORG_TYPES:
        raise bad(f"unknown organisation type '{org_type}' (known: {', '.join(ORG_TYPES)})", "org_type")
    level = r.get("level", "").lower()
    if level and level not in LEVELS:
        raise bad(f"unknown level '{level}' (known: {', '.join(LEVELS)})", "level")
    province = r.get("province", "")
    if province and province not in PROVINCE_REGION:
        raise bad(f"unknown province '{province}'", "province")
    region = r.get("region", "").lower() or region_of(province, level)
    if region and region not in REGIONS:
        raise bad(f"unknown region '{region}' (known: {', '.join(REGIONS)})", "region")
    if province and region and region != PROVINCE_REGION[province]:
        raise bad(f"region '{region}' contradicts province '{province}' ({PROVINCE_REGION[province]})", "region")
    return Platform(id=r["id"], name=r["name"], kind=kind, org_type=org_type, level=level, province=province,
                    region=region, url=url, group=r.get("group", ""))


def _check_url(url: str, bad) -> str:  # type: ignore[no-untyped-def]
    if " " in url:
        raise bad("URL contains spaces", "url")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise bad(f"not a valid URL: {exc}", "url") from None
    if parts.scheme not in ("http", "https"):
        raise bad("URL must start with http:// or https://", "url")
    host = (parts.hostname or "").lower()
    # judged as the connection will use it (govlens.hosts): an address in any spelling is an address,
    # a name must be a name once IDNA/UTS-46-mapped
    if not host or not (is_literal(host) or _valid_name(host)):
        raise bad(f"URL has no valid host name: '{url}'", "url")
    if port is not None and not (0 < port < 65536):
        raise bad("URL port out of range", "url")
    return url if parts.path else url + "/"


def _valid_name(host: str) -> bool:
    """A host name as written (letters, digits, hyphens, at least two labels) and as connected to."""
    if not _HOST.match(host.rstrip(".")):
        return False
    try:
        return bool(_ASCII_HOST.match(connection_host(host).rstrip(".")))
    except ValueError:
        return False


def _read_csv(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise RegistryError("cannot decode as UTF-8 or GB18030", file=str(path))
    if "\x00" in text:
        raise RegistryError("not a text file (NUL bytes)", file=str(path))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise RegistryError("empty file", file=str(path)) from None
    except csv.Error as exc:
        raise RegistryError(f"malformed CSV: {exc}", file=str(path), line=1) from None
    rows: list[tuple[int, list[str]]] = []
    try:
        start = reader.line_num + 1          # a quoted cell may span lines: report where the row starts
        for cells in reader:
            rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise RegistryError(f"malformed CSV: {exc}", file=str(path), line=reader.line_num) from None
    return header, rows


def _read_xlsx(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException
    from zipfile import BadZipFile
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, KeyError, OSError) as exc:
        raise RegistryError(f"not a readable XLSX workbook: {exc}", file=str(path)) from None
    sheet = book.worksheets[0]
    rows_iter = sheet.iter_rows(values_only=True)
    try:
        header = ["" if c is None else str(c) for c in next(rows_iter)]
    except StopIteration:
        raise RegistryError("empty workbook", file=str(path)) from None
    rows = [(i, ["" if c is None else str(c) for c in cells]) for i, cells in enumerate(rows_iter, start=2)]
    book.close()
    return header, rows
