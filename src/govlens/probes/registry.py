"""Probes by name: the ``--probes`` / campaign ``probes = [...]`` vocabulary.

A new probe is one module plus one line here (STYLE, rule 6).
"""
from __future__ import annotations

from govlens.probes.base import Probe
from govlens.probes.browser import BrowserProbe
from govlens.probes.http_site import HttpSiteProbe
from govlens.probes.noop import NoopProbe

PROBES: dict[str, type[Probe]] = {
    BrowserProbe.name: BrowserProbe,
    HttpSiteProbe.name: HttpSiteProbe,
    NoopProbe.name: NoopProbe,
}


def get_probe(name: str) -> Probe:
    """A fresh instance of the probe called ``name``."""
    from govlens.errors import ConfigError

    try:
        return PROBES[name]()
    except KeyError:
        raise ConfigError(f"unknown probe {name!r} (known: {', '.join(sorted(PROBES))})",
                          field="probes") from None
