"""A test-only probe that kills its worker process once (test_distributed: a dead worker's shard is run again).

It ends the process (``os._exit``, no clean-up: as the OOM killer would) on the platform named by
``GOVLENS_TEST_KILL_PLATFORM``, the first time only: the marker file ``GOVLENS_TEST_KILL_MARK`` says it
has. It writes no observation, so a scan with it holds the observations of one without it.
"""
from __future__ import annotations

import os
from pathlib import Path

from govlens.contract.observation import Observation
from govlens.probes.base import Probe
from govlens.registry.model import Platform


class KillerProbe(Probe):
    name = "killer"

    async def probe(self, platform: Platform) -> list[Observation]:
        mark = Path(os.environ.get("GOVLENS_TEST_KILL_MARK", ""))
        if platform.id == os.environ.get("GOVLENS_TEST_KILL_PLATFORM") and mark.name and not mark.exists():
            mark.write_text(str(os.getpid()), encoding="utf-8")
            os._exit(1)
        return []
