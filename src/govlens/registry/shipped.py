"""The registry that ships with govlens: every platform the 2013 notice names (sandbox URLs)."""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def shipped_registry() -> Path:
    return Path(str(resources.files("govlens.registry").joinpath("notice-2013.csv")))
