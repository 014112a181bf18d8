"""The indicator contract (Lighthouse's *audit*).

An indicator is one module in this package whose file name is its id with ``_`` for
``-`` (``homepage_freshness.py`` → ``homepage-freshness``). It declares, as data:

- ``ID``: the id a framework file refers to (a noun, e.g. ``stale-columns``);
- ``REQUIRES``: observation kinds it reads (e.g. ``("page",)``);
- ``UNIT``: what the raw value counts (``"days"``, ``"ratio"``, ``"count"``, ``"ms"``, ``"bool"``);

and one pure function ``evaluate(obs, ctx) -> IndicatorResult``. It never fetches.
Its titles and descriptions for people live in the report's locale files, keyed by ID.
Missing and not-applicable are statuses, never zero.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from govlens.probes.observation import Observation
from govlens.registry.model import Platform

OK, MISSING, NOT_APPLICABLE = "ok", "missing", "not_applicable"
STATUSES = (OK, MISSING, NOT_APPLICABLE)


@dataclass(slots=True)
class Evidence:
    """Where a value comes from: the URL, and what was seen there."""

    url: str
    detail: str = ""
    snippet: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"url": self.url, "detail": self.detail, "snippet": self.snippet}


@dataclass(slots=True)
class Finding:
    """A defect found on a platform; ``kind`` is one of :data:`govlens.defects.ALL_KINDS`."""

    kind: str
    url: str
    detail: str = ""
    snippet: str = ""
    evidence_url: str = ""


@dataclass(slots=True)
class IndicatorResult:
    value: float | None
    status: str = OK
    detail: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @classmethod
    def missing(cls, detail: str) -> "IndicatorResult":
        return cls(value=None, status=MISSING, detail=detail)

    @classmethod
    def not_applicable(cls, detail: str) -> "IndicatorResult":
        return cls(value=None, status=NOT_APPLICABLE, detail=detail)


class PlatformObservations:
    """A platform's observations, grouped by kind, with the helpers most indicators need."""

    def __init__(self, platform: Platform, observations: Iterable[Observation]) -> None:
        self.platform = platform
        self.by_kind: dict[str, list[Observation]] = defaultdict(list)
        for o in observations:
            self.by_kind[o.kind].append(o)

    def of(self, kind: str) -> list[Observation]:
        return self.by_kind.get(kind, [])

    def one(self, kind: str) -> Observation | None:
        found = self.by_kind.get(kind)
        return found[0] if found else None

    def pages(self, role: str | None = None) -> list[Observation]:
        return [o for o in self.of("page") if role is None or o.data.get("role") == role]

    def homepage(self) -> Observation | None:
        """The completed homepage page observation, or None when the homepage never loaded."""
        for o in self.pages("home"):
            if o.status == "completed":
                return o
        return None


@dataclass(slots=True)
class CampaignFacts:
    """Facts about the whole campaign that some indicators need (computed once per run)."""

    inlinks: Mapping[str, int] = field(default_factory=dict)           # platform id → campaign sites linking to it
    inlink_sources: Mapping[str, list[str]] = field(default_factory=dict)


@dataclass(slots=True)
class IndicatorContext:
    check_date: date
    settings: Mapping[str, Any]
    campaign: CampaignFacts = field(default_factory=CampaignFacts)


class IndicatorModule(Protocol):
    ID: str
    REQUIRES: tuple[str, ...]
    UNIT: str

    def evaluate(self, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult: ...
