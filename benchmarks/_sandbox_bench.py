"""Pieces the sandbox benchmarks share: the sandbox web served from its own process, and a bare client's way in.

``scan_throughput.py`` and ``national_scale.py`` both serve a sandbox web of N websites (the shipped
registry's, then generated ones beyond it) from a separate process, so the server has a core of its
own as a real web would, and reach it with a bare aiohttp client that maps every host to loopback.
"""
from __future__ import annotations

import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from aiohttp.abc import AbstractResolver


class LoopbackResolver(AbstractResolver):
    """The minimum a bare client needs to reach sandbox hosts: host → 127.0.0.1, 80/443 → sandbox ports."""

    def __init__(self, state: dict) -> None:
        self.ports = {80: state["http_port"], 443: state["https_port"]}

    async def resolve(self, host: str, port: int = 0, family: int = 0):  # type: ignore[override]
        return [{"hostname": host, "host": "127.0.0.1", "port": self.ports.get(port, port), "family": 2,
                 "proto": 0, "flags": 0}]

    async def close(self) -> None:
        return None


def sandbox_ssl(state: dict) -> ssl.SSLContext:
    """A client TLS context that trusts the sandbox's CA (verification on, as govlens's own fetcher has it)."""
    return ssl.create_default_context(cafile=state["ca_file"])


def sandbox_websites(sites: int, seed: int) -> list[Any]:
    """``sites`` websites: the shipped registry's first, then generated ones (the demo's ``SITES``)."""
    from govlens.pipeline.demo import sandbox_platforms
    return [p for p in sandbox_platforms(None, sites, seed) if p.kind == "website"]


@contextmanager
def served_sandbox(platforms: list[Any], work: Path, seed: int, sites: int | None = None) -> Iterator[dict[str, Any]]:
    """Write ``platforms`` as ``work/registry.csv`` and serve their sandbox web from its own process
    (``sites``: the server's ``--sites``, by default as many as ``platforms``).

    Yields the server's state (ports, CA file, hosts) with ``state_file`` and ``registry`` added.
    """
    from govlens.pipeline.demo import DEMO_CHECK_DATE
    from govlens.registry.write import write_registry_csv
    from govlens.sandbox.process import sandbox_process

    registry = work / "registry.csv"
    write_registry_csv(platforms, registry)
    with sandbox_process(registry, sites=len(platforms) if sites is None else sites, seed=seed, as_of=DEMO_CHECK_DATE,
                         state_dir=work / "sandbox") as state:
        yield {**state, "state_file": str(work / "sandbox" / "sandbox.json"), "registry": str(registry)}
