"""The framework as data: an indicator tree with weights and methods, veto and deduction rules.

Titles are given per locale (``{zh-CN: 网站设计, en: Website design}``) so a report can be
written in another language from the same file.

The tree is dimensions → indicators (as in the 2013 framework), or dimensions → sub-dimensions
→ … → indicators. Every step of the composite-indicator engine (``govlens.scoring``) is named
here by a :class:`MethodSpec` — a method name from one of the engine's registries plus its
parameters — so changing a method is a change of this file, never of code.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from govlens.frameworks.rules import PointsRule, Titled, VetoRule, line_at



@dataclass(frozen=True)
class MethodSpec:
    """A method picked by name from an engine registry, with its parameters."""

    method: str
    params: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"method": self.method, **self.params}


Normalisation = MethodSpec          # how a raw value becomes a score; ``method`` names a scoring.normalise method
NONE = MethodSpec("none")
EXPERT = MethodSpec("expert")


@dataclass(frozen=True)
class IndicatorRef:
    id: str
    weight: float
    normalisation: MethodSpec
    direction: int = 1                      # -1: lower raw values are better (data-driven normalisations)
    denominator: str | None = None          # column the raw value is divided by (per capita, per GDP …)
    denominator_scale: float = 1.0          # … then multiplied by this (per 10,000 people)
    impute: MethodSpec | None = None        # overrides the framework's imputation for this indicator
    treat: MethodSpec | None = None         # overrides the framework's outlier treatment
    path: str = field(default="", compare=False)   # key path in the YAML file, for error messages


@dataclass(frozen=True)
class Dimension(Titled):
    id: str
    titles: dict[str, str]
    weight: float
    indicators: tuple[IndicatorRef, ...]
    dimensions: tuple["Dimension", ...] = ()     # sub-dimensions (a dimension has indicators or sub-dimensions)
    aggregation: MethodSpec | None = None        # how this dimension's children combine (overrides the level's)
    weighting: MethodSpec | None = None          # how its children's weights are set (overrides the framework's)
    path: str = field(default="", compare=False)

    def leaves(self) -> Iterator[IndicatorRef]:
        """Every indicator under this dimension, depth first."""
        yield from self.indicators
        for sub in self.dimensions:
            yield from sub.leaves()

    def children(self) -> list[tuple[str, float]]:
        """(id, weight) of the direct children, in file order."""
        return [(r.id, r.weight) for r in self.indicators] + [(d.id, d.weight) for d in self.dimensions]


@dataclass(frozen=True)
class UncertaintySpec:
    """Monte Carlo over the framework's assumptions; ranks get a median and an interval."""

    replications: int = 1000
    seed: int = 2013
    weight_noise: float = 0.25                      # each weight × U(1 − noise, 1 + noise)
    weight_levels: tuple[int, ...] = ()             # levels whose weights are perturbed (empty: every level)
    normalisation: tuple[MethodSpec, ...] = ()      # alternatives to the nominal normalisation (all indicators)
    aggregation: tuple[MethodSpec, ...] = ()        # alternatives to the nominal aggregation (every level)
    imputation: tuple[MethodSpec, ...] = ()         # alternatives to the nominal imputation
    treatment: tuple[MethodSpec, ...] = ()          # alternatives to the nominal outlier treatment
    sensitivity: bool = True                        # Sobol indices (SALib) of the rank shifts to each assumption
    interval: tuple[float, float] = (0.05, 0.95)
    exact: tuple[str, ...] = ()                     # factors whose list is exactly the choices (no nominal added)


NOMINAL = MethodSpec("nominal")                     # in an exact list of choices: the framework's own method


@dataclass(frozen=True)
class Framework(Titled):
    id: str
    titles: dict[str, str]
    platform_kinds: tuple[str, ...]
    aggregation: str                                # default aggregation method of every level
    dimensions: tuple[Dimension, ...]
    vetoes: tuple[VetoRule, ...]
    scale: tuple[float, float] = (0.0, 100.0)
    source: str = ""
    aggregation_params: dict[str, Any] = field(default_factory=dict)
    aggregation_levels: tuple[MethodSpec, ...] = ()  # per level, level 1 = indicators → their dimension
    weighting: MethodSpec = EXPERT                   # default weighting of every node's children
    index_aggregation: MethodSpec | None = None      # dimensions → index (overrides the level's)
    index_weighting: MethodSpec | None = None
    impute: MethodSpec = NONE
    treat: MethodSpec = NONE
    min_availability: float = 0.0                    # units with a smaller share of indicators get no index
    deductions: tuple[PointsRule, ...] = ()
    bonuses: tuple[PointsRule, ...] = ()
    qualify_min: float | None = None                 # index below this is "unqualified" (不合格)
    uncertainty: UncertaintySpec | None = None
    table: dict[str, str] = field(default_factory=dict)   # column names of an indicator table (id, name, group)
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)  # key path → YAML line
    checks: tuple[str, ...] = ()         # indicators evaluated for their findings only, never scored
    platform_groups: tuple[str, ...] = ()   # only platforms of these registry groups (empty: every group)
    review: Any = None                   # the expert review (govlens.frameworks.review.ReviewSpec), or None
    ties: tuple[str, ...] = ()           # rank of tied units: one method for every level, or one per level
    ties_by_findings: bool = False       # equal indices split by the findings count before they tie
    thresholds: Any = None               # the published thresholds (govlens.frameworks.thresholds.Thresholds)
    aliases: tuple[str, ...] = ()        # former ids: results and campaign files stored under them still match

    def covers(self, kind: str | None, group: str | None) -> bool:
        """Does this framework score a platform of this kind and registry group?"""
        return kind in self.platform_kinds and (not self.platform_groups or (group or "") in self.platform_groups)

    def names(self) -> tuple[str, ...]:
        """Its id, then every former id (``aliases``): the names its results may be stored under."""
        return (self.id, *[a for a in self.aliases if a != self.id])

    def leaves(self) -> list[IndicatorRef]:
        return [ref for d in self.dimensions for ref in d.leaves()]

    def indicator_ids(self) -> list[str]:
        ids = [ref.id for ref in self.leaves()]
        for rid in [v.indicator for v in self.vetoes] + [r.indicator for r in (*self.deductions, *self.bonuses)] \
                + list(self.checks):
            if rid not in ids:
                ids.append(rid)
        return ids

    def scored_indicator_ids(self) -> list[str]:
        return [ref.id for ref in self.leaves()]

    def all_dimensions(self) -> list[Dimension]:
        """Every dimension at every depth, parents before children."""
        out: list[Dimension] = []

        def walk(ds: tuple[Dimension, ...]) -> None:
            for d in ds:
                out.append(d)
                walk(d.dimensions)
        walk(self.dimensions)
        return out

    def dimension(self, dimension_id: str) -> Dimension:
        for d in self.all_dimensions():
            if d.id == dimension_id:
                return d
        raise KeyError(dimension_id)

    def line_of(self, path: str | None) -> int | None:
        """The YAML line of a key path, or of its nearest parent that has one."""
        return line_at(self.lines, path)
