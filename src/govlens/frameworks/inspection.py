"""Inspection schemes: the national checks' "vetoes, then deductions from 100, then a bonus".

The 2019 government-website inspection indicators (政府网站与政务新媒体检查指标) do not
build an index: a site fails outright on any single-veto item; otherwise it starts from
100 and loses points per deduction item, each item capped at its own points; portals that
keep at least ``bonus.min_index`` may earn up to ``bonus.max`` bonus points; below
``pass_mark`` a site is unqualified. Departments without external services are scored
on the other items (75 points) and scaled by 4/3 (a *variant*).

A scheme is a YAML file like a framework (``scheme: inspection`` at the top) and is parsed
here into :class:`InspectionScheme`; :mod:`govlens.scoring.inspection` applies it. Its
``vetoes``, ``deductions`` and ``bonuses`` are the frameworks' rules, in the same words
(:mod:`govlens.frameworks.rules`); a deduction may also say its ``group`` and ``service: true``.
Errors name the file, the line and the key path, like the framework loader's.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govlens.errors import FrameworkError
from govlens.frameworks.fields import (bool_at, number_at, reason, refuse_unknown_keys, text_at, titles_at,
                                       unknown_name)
from govlens.frameworks.rules import PointsRule, Titled, VetoRule, parse_points, parse_vetoes, rule_indicators
from govlens.frameworks.thresholds import rules_of
from govlens.yamlfile import read_yaml, with_line

SCHEME_KEYS = {"id", "scheme", "title", "platform_kinds", "full_marks", "pass_mark", "services_full_marks", "vetoes",
               "deductions", "bonus", "bonuses", "rules"}


@dataclass(frozen=True)
class Bonus:
    """The scheme's bonus: at most ``max`` in all, for (portal) units whose score before it reaches ``min_index``."""

    max: float = 30.0
    min_index: float = 80.0
    portals_only: bool = True
    items: tuple[PointsRule, ...] = ()      # the scheme's ``bonuses``

    def min_index_of(self, rule: PointsRule) -> float:
        return self.min_index if rule.min_index is None else rule.min_index


@dataclass(frozen=True)
class InspectionScheme(Titled):
    id: str
    titles: dict[str, str]
    platform_kinds: tuple[str, ...]
    full_marks: float
    pass_mark: float
    vetoes: tuple[VetoRule, ...]
    deductions: tuple[PointsRule, ...]
    bonus: Bonus = field(default_factory=Bonus)
    services_full_marks: float = 75.0   # the variant for departments without external services
    source: str = ""
    thresholds: Any = None              # the published thresholds (govlens.frameworks.thresholds.Thresholds)

    def indicator_ids(self) -> list[str]:
        ids = [v.indicator for v in self.vetoes] + [d.indicator for d in self.deductions]
        ids += [b.indicator for b in self.bonus.items]
        return list(dict.fromkeys(ids))


def load_inspection_scheme(name_or_path: str | Path) -> InspectionScheme:
    """A shipped scheme by name (``national-check-2019``) or any YAML file by path."""
    doc, source = read_yaml(name_or_path, "govlens.frameworks", FrameworkError, "inspection scheme")
    try:
        return parse_inspection_scheme(doc, source)
    except FrameworkError as exc:
        raise with_line(exc) from None            # the line of the key at fault


def parse_inspection_scheme(doc: Any, source: str = "<scheme>") -> InspectionScheme:
    def err(msg: str, path: str) -> FrameworkError:
        return FrameworkError(msg, file=source, field=path or None)

    if not isinstance(doc, dict):
        raise err(reason("top_mapping"), "")
    if doc.get("scheme") != "inspection":
        raise err(reason("not_inspection"), "scheme")
    refuse_unknown_keys(doc, SCHEME_KEYS, "", err)
    rules = rules_of(doc, source, err)
    limits = rules.values()
    vetoes, deductions = parse_vetoes(doc, err, limits), parse_points(doc, "deductions", err, limits, scheme=True)

    def number(m: dict[str, Any], key: str, path: str, default: float, minimum: float = 0) -> float:
        return number_at(m.get(key, default), f"{path}.{key}" if path else key, err, minimum=minimum)

    b = doc.get("bonus") or {}
    if not isinstance(b, dict):
        raise err(reason("mapping"), "bonus")
    refuse_unknown_keys(b, {"max", "min_index", "portals_only"}, "bonus", err)
    bonus = Bonus(max=number(b, "max", "bonus", 30.0), min_index=number(b, "min_index", "bonus", 80.0),
                  portals_only=bool_at(b.get("portals_only", True), "bonus.portals_only", err),
                  items=parse_points(doc, "bonuses", err, limits))
    kinds = doc.get("platform_kinds", ["website"])
    if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
        raise err(reason("list_of_kinds"), "platform_kinds")
    return InspectionScheme(id=text_at(doc, "id", "", err), titles=titles_at(doc, "", err), platform_kinds=tuple(kinds),
                            full_marks=number(doc, "full_marks", "", 100.0, 1), pass_mark=number(doc, "pass_mark", "", 60.0),
                            vetoes=vetoes, deductions=deductions,
                            bonus=bonus, services_full_marks=number(doc, "services_full_marks", "", 75.0, 1),
                            source=source, thresholds=rules)


def validate_scheme_references(scheme: InspectionScheme, indicator_ids: set[str]) -> None:
    """Every indicator the scheme names must exist."""
    for path, iid in rule_indicators({"vetoes": scheme.vetoes, "deductions": scheme.deductions,
                                      "bonuses": scheme.bonus.items}):
        if iid not in indicator_ids:
            raise with_line(FrameworkError(unknown_name("unknown_indicator", iid, indicator_ids), file=scheme.source,
                                           field=path))
