"""The framework as data: dimensions → indicators with weights and normalisation, and veto rules.

Titles are given per locale (``{zh-CN: 网站设计, en: Website design}``) so a report can be
written in another language from the same file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

VETO_OPS = (">", ">=", "<", "<=", "==", "!=")


@dataclass(frozen=True)
class Normalisation:
    """How a raw value becomes a 0–100 score. ``method`` names a function in scoring.normalise."""

    method: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class IndicatorRef:
    id: str
    weight: float
    normalisation: Normalisation


@dataclass(frozen=True)
class Dimension:
    id: str
    titles: dict[str, str]
    weight: float
    indicators: tuple[IndicatorRef, ...]

    def title(self, locale: str = "zh-CN") -> str:
        return self.titles.get(locale) or next(iter(self.titles.values()), self.id)


@dataclass(frozen=True)
class VetoRule:
    """Single veto (单项否决): when ``indicator``'s raw value satisfies ``op value``."""

    id: str
    titles: dict[str, str]
    indicator: str
    op: str
    value: float
    basis: str = ""          # where the rule comes from (e.g. the 2015 census rule), shown in reports

    def title(self, locale: str = "zh-CN") -> str:
        return self.titles.get(locale) or next(iter(self.titles.values()), self.id)

    def triggered(self, raw: float | None) -> bool:
        if raw is None:
            return False
        v = self.value
        return {">": raw > v, ">=": raw >= v, "<": raw < v, "<=": raw <= v,
                "==": raw == v, "!=": raw != v}[self.op]


@dataclass(frozen=True)
class Framework:
    id: str
    titles: dict[str, str]
    platform_kinds: tuple[str, ...]
    aggregation: str
    dimensions: tuple[Dimension, ...]
    vetoes: tuple[VetoRule, ...]
    scale: tuple[float, float] = (0.0, 100.0)
    source: str = ""
    checks: tuple[str, ...] = ()         # indicators evaluated for their findings only, never scored

    def title(self, locale: str = "zh-CN") -> str:
        return self.titles.get(locale) or next(iter(self.titles.values()), self.id)

    def indicator_ids(self) -> list[str]:
        ids = [ref.id for d in self.dimensions for ref in d.indicators]
        ids += [v.indicator for v in self.vetoes if v.indicator not in ids]
        ids += [c for c in self.checks if c not in ids]
        return ids

    def dimension(self, dimension_id: str) -> Dimension:
        for d in self.dimensions:
            if d.id == dimension_id:
                return d
        raise KeyError(dimension_id)
