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
from govlens.messages import did_you_mean, join, t
from govlens.registry.model import (FIELDS, KINDS, LEVELS, ORG_TYPES, PROVINCE_REGION, REGIONS, REQUIRED_FIELDS,
                                    Platform, region_of)

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_HOST = re.compile(r"^[a-z0-9\u00a1-\uffff]([a-z0-9\u00a1-\uffff-]{0,62}[a-z0-9\u00a1-\uffff])?"
                   r"(\.[a-z0-9\u00a1-\uffff]([a-z0-9\u00a1-\uffff-]{0,62}[a-z0-9\u00a1-\uffff])?)+$")
_ASCII_HOST = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$")
MAX_ID_LENGTH = 128
MAX_FIELD = 131_072          # characters in one cell (the csv module's own default bound)


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
        raise RegistryError(t("registry.not_found", path=path.resolve()), file=str(path))
    suffix = path.suffix.lower()
    problems: list[RegistryRowError] = []
    if suffix == ".csv":
        header, rows, problems = _read_csv(path)
    elif suffix in (".xlsx", ".xlsm"):
        header, rows = _read_xlsx(path)
    else:
        raise RegistryError(t("registry.not_csv_xlsx"), file=str(path))
    result = parse_rows(header, rows, str(path))
    if problems:
        result.errors = sorted(result.errors + problems, key=lambda e: e.line or 0)
    if not result.platforms:
        detail = t("registry.first_problem", problem=result.errors[0]) if result.errors else ""
        raise RegistryError(t("registry.no_usable", n=len(result.errors), detail=detail), file=str(path))
    return result


def parse_rows(header: list[str], rows: list[tuple[int, list[str]]], source: str) -> RegistryLoad:
    """Validate rows given as (line number, cells) under ``header``."""
    result = RegistryLoad(source=source)
    names = [h.strip().lower() for h in header]
    missing = [f for f in REQUIRED_FIELDS if f not in names]
    if missing:
        raise RegistryError(t("registry.header_lacks", columns=join(missing), expected=",".join(FIELDS)),
                            file=source, line=1)
    unknown = [h for h in names if h and h not in FIELDS]
    if unknown:
        result.warnings.append(t("registry.unknown_columns", source=source, columns=join(unknown)))
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
            result.errors.append(RegistryRowError(t("registry.duplicate_id", id=platform.id, first=seen[platform.id]),
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
            raise bad(t("registry.missing_value"), name)
    for name, value in r.items():
        if len(value) > MAX_FIELD:
            raise bad(t("registry.too_long", limit=f"{MAX_FIELD:,}", n=f"{len(value):,}"), name)
        if "\x00" in value:
            raise bad(t("registry.nul"), name)
        if _CONTROL.search(value):
            raise bad(t("registry.control"), name)
    if len(r["id"]) > MAX_ID_LENGTH:
        raise bad(t("registry.too_long", limit=MAX_ID_LENGTH, n=len(r["id"])), "id")
    kind = r["kind"].lower()
    if kind not in KINDS:
        raise bad(t("registry.unknown_kind", value=r["kind"], hint=did_you_mean(kind, KINDS)), "kind")
    url = _check_url(r["url"], bad)
    org_type = r.get("org_type", "").lower()
    if org_type and org_type not in ORG_TYPES:
        raise bad(t("registry.unknown_org_type", value=org_type, hint=did_you_mean(org_type, ORG_TYPES)), "org_type")
    level = r.get("level", "").lower()
    if level and level not in LEVELS:
        raise bad(t("registry.unknown_level", value=level, hint=did_you_mean(level, LEVELS)), "level")
    province = r.get("province", "")
    if province and province not in PROVINCE_REGION:
        raise bad(t("registry.unknown_province", value=province), "province")
    region = r.get("region", "").lower() or region_of(province, level)
    if region and region not in REGIONS:
        raise bad(t("registry.unknown_region", value=region, hint=did_you_mean(region, REGIONS)), "region")
    if province and region and region != PROVINCE_REGION[province]:
        raise bad(t("registry.region_contradicts", region=region, province=province,
                    expected=PROVINCE_REGION[province]), "region")
    return Platform(id=r["id"], name=r["name"], kind=kind, org_type=org_type, level=level, province=province,
                    region=region, url=url, group=r.get("group", ""))


def _check_url(url: str, bad) -> str:  # type: ignore[no-untyped-def]
    if " " in url:
        raise bad(t("registry.url_spaces"), "url")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise bad(t("registry.url_invalid"), "url") from None
    if parts.scheme not in ("http", "https"):
        raise bad(t("registry.url_scheme"), "url")
    host = (parts.hostname or "").lower()
    # judged as the connection will use it (govlens.hosts): an address in any spelling is an address,
    # a name must be a name once IDNA/UTS-46-mapped
    if not host or not (_valid_name(host) or is_literal(host)):
        raise bad(t("registry.url_host", url=url), "url")
    if port is not None and not (0 < port < 65536):
        raise bad(t("registry.url_port"), "url")
    return url if parts.path else url + "/"


def _valid_name(host: str) -> bool:
    """A host name as written (letters, digits, hyphens, at least two labels) and as connected to."""
    if host.isascii():                      # as connected to already (yarl only lower-cases it)
        return bool(_ASCII_HOST.match(host.rstrip(".")))
    if not _HOST.match(host.rstrip(".")):
        return False
    try:
        return bool(_ASCII_HOST.match(connection_host(host).rstrip(".")))
    except ValueError:
        return False


class _Lines:
    """The file's physical lines, fed to ``csv.reader`` one at a time; ``pos`` can be moved back."""

    def __init__(self, lines: list[str]) -> None:
        self.lines, self.pos = lines, 0

    def __iter__(self) -> "_Lines":
        return self

    def __next__(self) -> str:
        if self.pos >= len(self.lines):
            raise StopIteration
        self.pos += 1
        return self.lines[self.pos - 1]


def _read_csv(path: Path) -> tuple[list[str], list[tuple[int, list[str]]], list[RegistryRowError]]:
    """Header, rows (line, cells) and the rows that are broken as CSV, each with its line and field.

    Read strictly: a quote left open (or closed by a later row's quote) swallows the lines after
    it, so it is reported at the line where it starts, with the field where the quote opened, and
    reading goes on from the next line: the rows it swallowed are evaluated. A quoted value that
    spans lines and closes properly is still a row (refused for its line break, a control character). A field over :data:`MAX_FIELD` characters and NUL bytes are reported for
    their row and field (not for the file); only a header that is not text stops the file.
    """
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise RegistryError(t("registry.not_decodable"), file=str(path))
    lines = _Lines(list(io.StringIO(text, newline="")))
    if not lines.lines:
        raise RegistryError(t("registry.empty"), file=str(path))
    if "\x00" in lines.lines[0]:
        raise RegistryError(t("registry.binary"), file=str(path), line=1)
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))       # long fields are judged per row, below
    try:
        reader = csv.reader(lines, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            raise RegistryError(t("registry.empty"), file=str(path)) from None
        except csv.Error as exc:
            raise RegistryError(t("registry.malformed", detail=exc), file=str(path), line=1) from None
        if lines.pos > 1:
            raise RegistryError(t("registry.header_quote"), file=str(path), line=1)
        rows: list[tuple[int, list[str]]] = []
        problems: list[RegistryRowError] = []
        names = [h.strip().lower() for h in header]
        while lines.pos < len(lines.lines):
            start = lines.pos
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                problems.append(_broken(path, lines, start, names, str(exc)))
                lines.pos = start + 1            # the lines it swallowed are rows of their own
                reader = csv.reader(lines, strict=True)
                continue
            if lines.pos - start > 1 and len(cells) != len(header):   # closed, but by another row's quote
                problems.append(_broken(path, lines, start, names, t("registry.quote_later")))
                lines.pos = start + 1
                continue
            rows.append((start + 1, cells))
    finally:
        csv.field_size_limit(limit)
    return header, rows, problems


def _broken(path: Path, lines: _Lines, start: int, names: list[str], why: str) -> RegistryRowError:
    """The error of a record that is not CSV, at its first line and the field where it goes wrong."""
    first = next(csv.reader([lines.lines[start]]), [])     # lenient: the cells up to the open quote
    column = max(0, len(first) - 1)
    field = names[column] if column < len(names) else t("registry.column", n=column + 1)
    spans = lines.pos - start
    what = t("registry.unterminated", n=spans, detail=why) if spans > 1 else t("registry.malformed", detail=why)
    return RegistryRowError(what, file=str(path), line=start + 1, field=field)


def _read_xlsx(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException
    from zipfile import BadZipFile
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, KeyError, OSError):
        raise RegistryError(t("registry.not_xlsx"), file=str(path)) from None
    sheet = book.worksheets[0]
    rows_iter = sheet.iter_rows(values_only=True)
    try:
        header = ["" if c is None else str(c) for c in next(rows_iter)]
    except StopIteration:
        raise RegistryError(t("registry.empty_workbook"), file=str(path)) from None
    rows = [(i, ["" if c is None else str(c) for c in cells]) for i, cells in enumerate(rows_iter, start=2)]
    book.close()
    return header, rows
