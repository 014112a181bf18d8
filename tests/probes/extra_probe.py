"""A probe from outside govlens's own gatherers, added to a scan by its dotted path (test_components)."""
from __future__ import annotations

from govlens.contract.observation import Observation
from govlens.probes.base import Probe
from govlens.registry.model import Platform


class ExtraProbe(Probe):
    name = "extra"

    async def probe(self, platform: Platform) -> list[Observation]:
        return [Observation(platform_id=platform.id, probe=self.name, kind="extra", url=platform.url)]
