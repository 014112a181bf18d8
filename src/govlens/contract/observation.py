"""The observation record (Lighthouse's *artifact*) and the closed set of visit statuses.

A probe writes observations; it never scores. Every observation says what was visited,
when, how the visit ended (``status``, exactly one of :data:`VISIT_STATUSES`) and carries a
kind-specific JSON payload in ``data``. The payloads of the HTTP site probe are documented
in :mod:`govlens.probes.gatherers.http_site`; indicators read only these records.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

# How a visit ended: the shared vocabulary of :mod:`govlens.contract.statuses` (GSA Site Scanning's statuses).
from govlens.contract.statuses import COMPLETED, VISIT_STATUSES  # re-exported


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


@dataclass(slots=True)
class Observation:
    """One fact gathered by a probe, with its evidence."""

    platform_id: str
    probe: str
    kind: str
    url: str
    status: str = COMPLETED
    http_status: int | None = None
    elapsed_ms: float | None = None
    observed_at: datetime = field(default_factory=utcnow)
    data: dict[str, Any] = field(default_factory=dict)

    def as_row(self) -> dict[str, Any]:
        return {"platform_id": self.platform_id, "probe": self.probe, "kind": self.kind, "url": self.url,
                "status": self.status, "http_status": self.http_status, "elapsed_ms": self.elapsed_ms,
                "observed_at": self.observed_at, "data": self.data}

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "Observation":
        return cls(platform_id=row["platform_id"], probe=row["probe"], kind=row["kind"], url=row["url"],
                   status=row["status"], http_status=row["http_status"], elapsed_ms=row["elapsed_ms"],
                   observed_at=row["observed_at"], data=row["data"] or {})
