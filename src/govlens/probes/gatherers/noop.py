"""The example probe: the whole contract, doing nothing useful.

Copy it to start a probe (18F domain-scan's ``scanners/noop.py``). ``setup`` runs once per
scan, ``prepare`` once per platform (False skips it), ``probe`` returns the platform's
observations; the scan runner stores them. Its one observation, kind ``noop``, records
that the platform was seen, with the registry URL and an empty payload.
"""
from __future__ import annotations

from govlens.contract.observation import Observation
from govlens.probes.base import Probe, ProbeContext
from govlens.registry.model import Platform


class NoopProbe(Probe):
    name = "noop"

    async def setup(self, ctx: ProbeContext) -> None:
        self.ctx = ctx

    def prepare(self, platform: Platform) -> bool:
        return bool(platform.id)

    async def probe(self, platform: Platform) -> list[Observation]:
        return [Observation(platform_id=platform.id, probe=self.name, kind="noop", url=platform.url)]
