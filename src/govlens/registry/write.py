"""Write platforms back out as a registry CSV (the demo writes the registry it evaluates)."""
from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from govlens.registry.model import FIELDS, Platform


def write_registry_csv(platforms: Iterable[Platform], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(FIELDS)
        for p in platforms:
            writer.writerow([getattr(p, f) for f in FIELDS])
