"""The indicator tree as the engine walks it: nodes bottom-up, each with its children, weights and methods.

Levels count from the indicators (COINr's convention): level 1 aggregates indicators into
their dimension, the index is the top level. A node's method is its own (``aggregation:`` on a
dimension, ``index.aggregation``), else the level's (``aggregation: [ …one per level… ]``), else
the framework's default.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from govlens.errors import FrameworkError
from govlens.frameworks.model import Dimension, Framework, IndicatorRef, MethodSpec
from govlens.messages import t

ROOT = "index"


@dataclass(frozen=True)
class Node:
    id: str
    level: int
    children: tuple[str, ...]
    expert_weights: np.ndarray          # as written in the YAML, not normalised
    aggregation: MethodSpec
    weighting: MethodSpec
    path: str                           # YAML key path of the node ("index" for the root)
    parent: str | None
    leaf_parent: bool                   # children are indicators
    aggregation_path: str = "aggregation"   # where the node's aggregation method is set in the YAML
    weighting_path: str = "weighting"


@dataclass(frozen=True)
class Tree:
    indicators: tuple[IndicatorRef, ...]
    nodes: tuple[Node, ...]             # children before parents; the root is last

    @property
    def root(self) -> Node:
        return self.nodes[-1]

    @property
    def levels(self) -> int:
        return self.root.level

    def node(self, node_id: str) -> Node:
        for n in self.nodes:
            if n.id == node_id:
                return n
        raise KeyError(node_id)

    def indicator_ids(self) -> list[str]:
        return [r.id for r in self.indicators]

    def parent_of(self) -> dict[str, str]:
        return {c: n.id for n in self.nodes for c in n.children}

    def dimension_ids(self) -> list[str]:
        return [n.id for n in self.nodes if n.id != ROOT]


def build_tree(framework: Framework, aggregation: MethodSpec | None = None) -> Tree:
    """The framework's tree; ``aggregation`` replaces every node's method (an uncertainty alternative)."""
    default = MethodSpec(framework.aggregation, dict(framework.aggregation_params))
    nodes: list[Node] = []

    def height(d: Dimension) -> int:
        return 1 if d.indicators else 1 + max(height(s) for s in d.dimensions)

    top = 1 + max(height(d) for d in framework.dimensions)
    if framework.aggregation_levels and len(framework.aggregation_levels) != top:
        raise FrameworkError(t("scoring.tree_levels", methods=len(framework.aggregation_levels), levels=top),
                             file=framework.source, line=framework.line_of("aggregation"), field="aggregation")

    def level_method(level: int) -> MethodSpec:
        return framework.aggregation_levels[level - 1] if framework.aggregation_levels else default

    def level_path(level: int) -> str:
        return f"aggregation[{level - 1}]" if framework.aggregation_levels else "aggregation"

    def visit(d: Dimension, parent: str) -> int:
        level = 1 if d.indicators else 1 + max(visit(s, d.id) for s in d.dimensions)
        children = d.children()
        nodes.append(Node(id=d.id, level=level, children=tuple(c for c, _ in children),
                          expert_weights=np.array([w for _, w in children], dtype=float),
                          aggregation=aggregation or d.aggregation or level_method(level),
                          weighting=d.weighting or framework.weighting, path=d.path or d.id, parent=parent,
                          leaf_parent=bool(d.indicators),
                          aggregation_path="uncertainty.aggregation" if aggregation else
                          f"{d.path}.aggregation" if d.aggregation else level_path(level),
                          weighting_path=f"{d.path}.weighting" if d.weighting else "weighting"))
        return level

    for d in framework.dimensions:
        visit(d, ROOT)
    nodes.append(Node(id=ROOT, level=top, children=tuple(d.id for d in framework.dimensions),
                      expert_weights=np.array([d.weight for d in framework.dimensions], dtype=float),
                      aggregation=aggregation or framework.index_aggregation or level_method(top),
                      weighting=framework.index_weighting or framework.weighting, path="index", parent=None,
                      leaf_parent=False,
                      aggregation_path="uncertainty.aggregation" if aggregation else
                      "index.aggregation" if framework.index_aggregation else level_path(top),
                      weighting_path="index.weighting" if framework.index_weighting else "weighting"))
    return Tree(indicators=tuple(framework.leaves()), nodes=tuple(nodes))
