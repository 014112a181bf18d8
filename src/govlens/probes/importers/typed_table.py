"""The ``import_file`` of an importer that is one typed table and one observation per platform.

Most importers are a :class:`~govlens.store.staging.TableSpec` and a few per-platform facts: the
rows go into the spec's table (:func:`~govlens.probes.importers.tabular.import_table`), then each
platform gets one observation citing the file and the facts (SQL aggregates over its rows).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from govlens.probes.importers.tabular import ImportReport, import_table, record_observations
from govlens.registry.model import Platform
from govlens.store.campaign_store import CampaignStore
from govlens.store.staging import TableSpec

ImportFile = Callable[..., ImportReport]


def table_importer(name: str, kind: str, spec: TableSpec, facts: dict[str, str]) -> ImportFile:
    """``import_file(store, path, platforms, *, check_date=None)`` for ``spec``: its rows, then the
    observations (probe ``name``, kind ``kind``) with ``facts`` (JSON key → SQL aggregate)."""

    def import_file(store: CampaignStore, path: str | Path, platforms: Iterable[Platform], *,
                    check_date: date | None = None) -> ImportReport:
        report = import_table(store, path, spec, platforms, check_date=check_date)
        record_observations(store, probe=name, kind=kind, table=spec.table, report=report, facts=facts)
        return report

    import_file.__doc__ = f"Import a {spec.what} file into the table ``{spec.table}`` and observe each platform."
    return import_file
