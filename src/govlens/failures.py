"""Failures of the machine, not of the input — a full disk, a read-only folder — as one clear line (zh-CN, en with --locale en).

Why one place: the same full disk reaches the CLI as an ``OSError`` (ENOSPC from a report
file), as a DuckDB ``IOException`` or ``TransactionException`` ("Failed to commit: … No space
left on device"), possibly behind a second error raised while rolling back, or inside the
``ExceptionGroup`` of the scan's task group. :func:`describe_failure` looks through all of
that for the cause and says what happened, to which file, and what is kept.
"""
from __future__ import annotations

import errno
import re
from pathlib import Path

from govlens import messages
from govlens.errors import GovlensError


class OutputError(GovlensError):
    """A file or folder cannot be written (full disk, read-only, no permission, not a folder)."""

    def __init__(self, message: str, *, file: str | None = None) -> None:
        self.file = file
        super().__init__(f"{file}: {message}" if file else message)


_NO_SPACE = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
_READ_ONLY = (errno.EROFS, errno.EACCES, errno.EPERM)
_DUCKDB_FILE = re.compile(r'file "([^"]+)"')


def _causes(exc: BaseException) -> list[BaseException]:
    """``exc``, the exceptions of its groups and its causes/contexts, depth first."""
    out: list[BaseException] = []
    todo = [exc]
    while todo and len(out) < 32:
        e = todo.pop(0)
        if any(e is seen for seen in out):
            continue
        out.append(e)
        if isinstance(e, BaseExceptionGroup):
            todo += list(e.exceptions)
        todo += [x for x in (e.__cause__, e.__context__) if x is not None]
    return out


def _kind(e: BaseException) -> tuple[str, str | None] | None:
    """("full" | "readonly" | "notdir", file) for a failure this module explains, else None."""
    if isinstance(e, OSError) and not isinstance(e, (ConnectionError, TimeoutError)):
        name = e.filename if isinstance(e.filename, str) else None
        if e.errno in _NO_SPACE:
            return "full", name
        if e.errno in _READ_ONLY:
            return "readonly", name
        if e.errno in (errno.ENOTDIR, errno.EEXIST):
            return "notdir", name
        return None
    if type(e).__module__.split(".")[0] in ("duckdb", "_duckdb"):
        text = str(e)
        m = _DUCKDB_FILE.search(text)
        name = m.group(1) if m else None
        low = text.lower()
        if "no space left" in low or "disk quota" in low or "file too large" in low:
            return "full", name
        if "read-only file system" in low or "operation not permitted" in low or "permission denied" in low:
            return "readonly", name
    return None


def describe_failure(exc: BaseException, *, store: str | Path | None = None,
                     file: str | Path | None = None) -> OutputError | None:
    """The :class:`OutputError` for ``exc`` (a full disk, a read-only or missing folder), or None.

    The file named is ``file`` if given, else the one the error names, else ``store``."""
    for e in _causes(exc):
        found = _kind(e)
        if found is None:
            continue
        kind, name = found
        name = str(file) if file is not None else name or (str(store) if store is not None else None)
        if kind == "full":
            return OutputError(messages.t("failures.disk_full"), file=name)
        if kind == "readonly":
            return OutputError(messages.t("failures.read_only"), file=name)
        return OutputError(messages.t("failures.not_a_folder"), file=name)
    return None


def check_output_folder(folder: Path) -> None:
    """Make sure ``folder`` is (or can be made) a folder we can write in, before a store is opened.

    Writes and removes one empty probe file: permission bits do not stop root, and a read-only
    mount or an immutable folder shows itself only to a real write.
    """
    import os
    import tempfile

    if folder.exists() and not folder.is_dir():
        raise OutputError(messages.t("failures.not_a_folder"), file=str(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".govlens-write-check-", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise describe_failure(exc, file=folder) or OutputError(
            messages.t("failures.unwritable", reason=messages.os_reason(exc)), file=str(folder)) from None
