"""Importer of external signals: indexed pages, inbound links, media mentions.

The seed's 搜索引擎 / 信息传播 / 社会舆情 dimensions rest on numbers a scanner cannot
measure itself (search-engine index counts, inbound links, media mentions); they arrive
as a CSV (``platform_id,indexed_pages,inbound_links,media_mentions``, UTF-8 with or without
BOM) and become ``signals`` observations of probe ``external_signals``.

Like the registry import, a bad row never sinks the file: rows are read and checked by
:mod:`govlens.probes.importers.count_csv` (each bad row an error naming file, line and field, the good
rows kept); only a file that cannot be read, or whose header lacks a column, raises.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from govlens.contract.observation import Observation
from govlens.errors import ImportRowError
from govlens.probes.importers.count_csv import ID_FIELD, import_counts
from govlens.registry.model import Platform

NAME = "external_signals"
COUNT_FIELDS = ("indexed_pages", "inbound_links", "media_mentions")
FIELDS = (ID_FIELD, *COUNT_FIELDS)


def import_signals(path: str | Path,
                   platforms: Iterable[Platform]) -> tuple[list[Observation], list[ImportRowError]]:
    """Read the signals CSV at ``path``; return the good rows' observations and the bad rows' errors."""
    return import_counts(path, platforms, probe=NAME, kind="signals", count_fields=COUNT_FIELDS,
                         what="signals file")
