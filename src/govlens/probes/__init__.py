"""Probes stage: gatherers that visit platforms and write observations; they never score.

Lifecycle of a probe (see :mod:`govlens.probes.base`): ``setup`` once per scan,
``prepare(platform)``, ``probe(platform) -> list[Observation]``. The probes are in ``gatherers/``,
the HTTP stack they share in ``net/``, page reading in ``extract/``, the data-file importers in
``importers/``, WARC archives in ``warc/``; :mod:`govlens.probes.components` switches probes and
importers by settings, and :func:`govlens.probes.scan.scan` runs them over a registry into the store.
"""
from govlens.contract.observation import COMPLETED, VISIT_STATUSES, Observation

__all__ = ["COMPLETED", "VISIT_STATUSES", "Observation", "run_scan"]


def __getattr__(name: str):  # lazy: importing observations must not pull in aiohttp
    if name == "run_scan":
        from govlens.probes.scan import run_scan
        return run_scan
    raise AttributeError(name)
