"""Importer of overseas-influence signals of foreign-language editions (海外传播影响力, series 7).

The seed judges editions on 信息公开, 公共服务, 互动交流 and 网站管理 "结合海外传播的影响力": numbers no
scanner measures from China — visits from abroad, inbound links from foreign domains, mentions in
foreign media — that arrive from analytics and media monitoring as a CSV
(``platform_id,overseas_visits,overseas_inlinks,foreign_media_mentions``, UTF-8 with or without BOM)
and become ``overseas_signals`` observations of probe ``overseas_signals``, as the external signals
of :mod:`govlens.probes.importers.external_signals` do.

Rows are read and checked by :mod:`govlens.probes.importers.count_csv` (a bad row is an error naming file,
line and field; the good rows are kept); only ``foreign_site`` platforms may appear.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from govlens.contract.observation import Observation
from govlens.errors import ImportRowError
from govlens.probes.importers.count_csv import ID_FIELD, import_counts
from govlens.registry.model import Platform

NAME = "overseas_signals"
KIND = "overseas_signals"
COUNT_FIELDS = ("overseas_visits", "overseas_inlinks", "foreign_media_mentions")
FIELDS = (ID_FIELD, *COUNT_FIELDS)
PLATFORM_KINDS = ("foreign_site",)


def import_overseas_signals(path: str | Path,
                            platforms: Iterable[Platform]) -> tuple[list[Observation], list[ImportRowError]]:
    """Read the CSV at ``path``; return the good rows' observations and the bad rows' errors."""
    return import_counts(path, platforms, probe=NAME, kind=KIND, count_fields=COUNT_FIELDS,
                         what="overseas signals", platform_kinds=PLATFORM_KINDS)
