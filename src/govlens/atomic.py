"""Write output files whole or not at all.

A report or state file written in place and interrupted (Ctrl-C, a kill, a full disk) leaves a
truncated file that looks finished: a notice cut in the middle of a group, a ``sandbox.json``
that is half JSON. Writing to a temporary file beside the target and renaming it over the
target (``os.replace`` is atomic on POSIX and Windows) means readers see the old file or the
new one, never a mix.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path beside ``path``; renamed over ``path`` when the block ends without error."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def atomic_write_text(path: str | Path, text: str, encoding: str = "utf-8", *, durable: bool = True) -> Path:
    """Write ``text`` to ``path`` atomically (flushed to disk before the rename unless ``durable=False``)."""
    return atomic_write_bytes(path, text.encode(encoding), durable=durable)


def atomic_write_bytes(path: str | Path, data: bytes, *, durable: bool = True) -> Path:
    """Write ``data`` to ``path`` atomically.

    ``durable=False`` skips the ``fsync``: the file is still whole or absent for every reader and
    after a crash of the process (the rename is atomic), only not across a power cut. Scorecards,
    one per platform (100,000 in a national campaign), use it: an fsync each would cost minutes.
    """
    path = Path(path)
    with atomic_path(path) as tmp:
        with open(tmp, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
    return path
