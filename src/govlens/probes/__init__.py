"""Probes stage: gatherers that visit platforms and write observations; they never score.

Lifecycle of a probe (see :mod:`govlens.probes.base`): ``setup`` once per scan,
``prepare(platform)``, ``probe(platform) -> list[Observation]``. Probes by name are in
:data:`govlens.probes.components.PROBES`; :func:`govlens.probes.scan.scan` runs them over a
registry into the campaign store.
"""
from govlens.contract.observation import COMPLETED, VISIT_STATUSES, Observation

__all__ = ["COMPLETED", "VISIT_STATUSES", "Observation", "PROBES", "run_scan"]


def __getattr__(name: str):  # lazy: importing observations must not pull in aiohttp
    if name == "PROBES":
        from govlens.probes.components import PROBES
        return PROBES
    if name == "run_scan":
        from govlens.probes.scan import run_scan
        return run_scan
    raise AttributeError(name)
