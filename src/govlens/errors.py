"""The one exception tree of govlens.

Every error govlens raises on purpose derives from :class:`GovlensError` and carries
the place it is about (file and line, platform, URL or indicator id), so the CLI can
print one clear line instead of a traceback. Foreign errors (aiohttp, DuckDB, YAML,
openpyxl) are translated into these at the boundary where they happen.

    GovlensError
    ├── LocatedError                prefixes its message with the file, line and field it names
    │   ├── ConfigError                 a settings, campaign, framework or awards file is wrong
    │   │   ├── SettingsError           unknown or ill-typed setting
    │   │   ├── CampaignFileError       campaign TOML
    │   │   ├── FrameworkError          framework YAML
    │   │   └── AwardsError             awards YAML
    │   └── InputError                  a data file a user gave us is wrong
    │       ├── RegistryError           the registry as a whole is unusable
    │       ├── RegistryRowError        one registry row (file, line, field)
    │       ├── ImportRowError          one row of an imported data file (file, line, field)
    │       ├── ImportFileError         an imported data file refused whole; lists its bad rows
    │       └── ReviewSheetError        one cell or row of an expert's review workbook (file, sheet, row, column)
    ├── ProbeError                  a probe could not gather (mapped to a visit status)
    │   ├── FetchTimeout
    │   ├── FetchFailed
    │   ├── DecodeError
    │   └── BrowserUnavailable      no headless browser to render with (the scan goes on HTTP-only)
    ├── StoreError                  the campaign store is missing a stage's output
    └── ScoringError                scoring cannot proceed (indicator, platform)
"""
from __future__ import annotations


class GovlensError(Exception):
    """Root of every error govlens raises on purpose."""


class LocatedError(GovlensError):
    """An error in a file the user gave: its message is prefixed with the file, line and field it names."""

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None,
                 field: str | None = None) -> None:
        self.file, self.line, self.field = file, line, field
        self.reason = message
        where = _where(file, line, field)
        super().__init__(f"{where}{message}" if where else message)


class ConfigError(LocatedError):
    """A configuration file (settings, campaign, framework, awards) is wrong."""


class SettingsError(ConfigError):
    """An unknown setting, or a value of the wrong type."""


class CampaignFileError(ConfigError):
    """The campaign TOML file is missing, unreadable or has a wrong value."""


class FrameworkError(ConfigError):
    """A framework YAML file is malformed or names an unknown indicator or method."""


class AwardsError(ConfigError):
    """An awards YAML file is malformed."""


class InputError(LocatedError):
    """A data file given by the user is wrong."""


class RegistryError(InputError):
    """The registry file as a whole cannot be used (unreadable, no header, no good row)."""


class RegistryRowError(InputError):
    """One registry row is bad; the other rows are kept."""


class ImportRowError(InputError):
    """One row of an imported data file (external signals, statistics …) is bad."""


class ImportFileError(InputError):
    """An imported data file is refused whole (all-or-nothing importers); ``errors`` are its bad rows.

    The message names the file, the first problem (line and field) and how many rows were bad;
    ``errors`` holds up to the importer's limit of :class:`ImportRowError`, ``total`` the count.
    """

    def __init__(self, message: str, *, file: str | None = None, errors: list[ImportRowError] | None = None,
                 total: int | None = None) -> None:
        self.errors = list(errors or [])
        self.total = total if total is not None else len(self.errors)
        first = self.errors[0] if self.errors else None
        detail = ""
        if first is not None:
            where = _where(None, first.line, first.field)
            from govlens.messages import t
            detail = t("where.import_detail", total=self.total, where=where, reason=first.reason)
        super().__init__(message + detail, file=file)
        self.line, self.field = (first.line, first.field) if first else (None, None)


class ReviewSheetError(InputError):
    """A bad cell, row or header of an expert's review workbook: names the file, sheet, row and column."""

    def __init__(self, message: str, *, file: str, sheet: str, row: int | None = None, column: str | None = None,
                 item: str = "") -> None:
        self.sheet, self.row, self.column, self.item = sheet, row, column, item
        from govlens.messages import t

        parts = [t("where.sheet", sheet=sheet)] + ([t("where.row", row=row)] if row is not None else []) + \
            ([t("where.column", column=column)] if column else [])
        where = t("where.sep").join(parts) + (t("where.item", item=item) if item else "")
        super().__init__(f"{where}{t('where.end')}{message}", file=file, line=None, field=None)
        self.reason = message


class ProbeError(GovlensError):
    """A probe could not gather an observation; carries the URL and a visit status."""

    status = "error"

    def __init__(self, message: str, *, url: str | None = None, platform_id: str | None = None) -> None:
        self.url, self.platform_id = url, platform_id
        super().__init__(f"{url}: {message}" if url else message)


class FetchTimeout(ProbeError):
    """The request did not complete within its time bound."""

    status = "timeout"


class FetchFailed(ProbeError):
    """The request failed (DNS, connection, TLS, size or redirect bound)."""

    def __init__(self, message: str, *, status: str, url: str | None = None,
                 platform_id: str | None = None) -> None:
        self.status = status
        super().__init__(message, url=url, platform_id=platform_id)


class DecodeError(ProbeError):
    """The body could not be decoded as text in any plausible charset."""

    status = "decode_error"


class BrowserUnavailable(ProbeError):
    """No browser can be started (not installed, or it will not launch); browser indicators are skipped."""

    status = "browser_unavailable"


class StoreError(GovlensError):
    """The campaign store lacks what a stage needs (e.g. scoring before scanning)."""


class ScoringError(GovlensError):
    """Scoring cannot proceed; names the indicator or platform."""


def _where(file: str | None, line: int | None, field: str | None) -> str:
    """``file:line, field 'x': `` in the process's language (:mod:`govlens.messages`)."""
    from govlens.messages import t

    parts = []
    if file:
        parts.append(f"{file}:{line}" if line is not None else str(file))
    elif line is not None:
        parts.append(t("where.line", line=line))
    if field:
        parts.append(t("where.field", field=field))
    return (t("where.sep").join(parts) + t("where.end")) if parts else ""
