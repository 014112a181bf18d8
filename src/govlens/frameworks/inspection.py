"""Inspection schemes: the national checks' "vetoes, then deductions from 100, then a bonus".

The 2019 government-website inspection indicators (政府网站与政务新媒体检查指标) do not
build an index: a site fails outright on any single-veto item; otherwise it starts from
100 and loses points per deduction item, each item capped at its own points; portals that
keep at least ``bonus.requires_base`` may earn up to ``bonus.cap`` bonus points; below
``pass_mark`` a site is unqualified. Departments without external services are scored
on the other items (75 points) and scaled by 4/3 (a *variant*).

A scheme is a YAML file like a framework (``scheme: inspection`` at the top) and is parsed
here into :class:`InspectionScheme`; :mod:`govlens.scoring.inspection` applies it. Every
rule reads one indicator's raw value:

- a *veto* (as in a framework): ``indicator``, ``op``, ``value``;
- a *deduction*: either ``when: {op, value}`` and ``points`` (fixed points when the
  condition holds), or ``per`` / ``above`` / ``points`` (``points`` for each whole ``per``
  of the raw value above ``above``; ``below`` instead of ``above`` for values where less is
  worse), always at most ``cap``;
- a *bonus item*: ``when`` and ``points``.

Errors name the file and the key path, like the framework loader's.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govlens.errors import FrameworkError
from govlens.frameworks.fields import listed, reason, text_at, titles_at
from govlens.frameworks.model import VETO_OPS, VetoRule
from govlens.yamlfile import read_yaml, with_line


@dataclass(frozen=True)
class Condition:
    op: str
    value: float

    def holds(self, raw: float) -> bool:
        return VetoRule("", {}, "", self.op, self.value).triggered(raw)


@dataclass(frozen=True)
class Deduction:
    id: str
    titles: dict[str, str]
    group: dict[str, str]
    indicator: str
    cap: float
    points: float
    when: Condition | None = None
    per: float | None = None
    above: float = 0.0
    below: float | None = None
    service: bool = False          # dropped by the "no external services" variant
    basis: str = ""

    def title(self, locale: str = "zh-CN") -> str:
        return self.titles.get(locale) or next(iter(self.titles.values()), self.id)

    def deducted(self, raw: float) -> float:
        """Points lost for ``raw``, capped."""
        if self.when is not None:
            lost = self.points if self.when.holds(raw) else 0.0
        else:
            assert self.per is not None
            excess = (self.below - raw) if self.below is not None else (raw - self.above)
            steps = int(excess / self.per + 1e-9) if excess > 0 else 0
            lost = steps * self.points
        return min(self.cap, max(0.0, lost))


@dataclass(frozen=True)
class BonusItem:
    id: str
    titles: dict[str, str]
    indicator: str
    when: Condition
    points: float

    def title(self, locale: str = "zh-CN") -> str:
        return self.titles.get(locale) or next(iter(self.titles.values()), self.id)


@dataclass(frozen=True)
class Bonus:
    cap: float = 30.0
    requires_base: float = 80.0
    portals_only: bool = True
    items: tuple[BonusItem, ...] = ()


@dataclass(frozen=True)
class InspectionScheme:
    id: str
    titles: dict[str, str]
    platform_kinds: tuple[str, ...]
    full_marks: float
    pass_mark: float
    vetoes: tuple[VetoRule, ...]
    deductions: tuple[Deduction, ...]
    bonus: Bonus = field(default_factory=Bonus)
    services_full_marks: float = 75.0   # the variant for departments without external services
    source: str = ""

    def title(self, locale: str = "zh-CN") -> str:
        return self.titles.get(locale) or next(iter(self.titles.values()), self.id)

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
    full = _number(doc, "full_marks", "", err, 100.0)
    pass_mark = _number(doc, "pass_mark", "", err, 60.0)
    vetoes = []
    for vi, v in enumerate(_list(doc, "vetoes", err)):
        vp = f"vetoes[{vi}]"
        cond = _condition(v, vp, err)
        vetoes.append(VetoRule(id=text_at(v, "id", vp, err), titles=titles_at(v, vp, err),
                               indicator=text_at(v, "indicator", vp, err), op=cond.op, value=cond.value,
                               basis=str(v.get("basis", "") or "")))
    deductions = []
    seen: set[str] = set()
    for di, d in enumerate(_list(doc, "deductions", err)):
        dp = f"deductions[{di}]"
        did = text_at(d, "id", dp, err)
        if did in seen:
            raise err(reason("duplicate_deduction", id=did), dp)
        seen.add(did)
        when = _condition(d["when"], f"{dp}.when", err) if "when" in d else None
        per = None
        if when is None:
            per = _number(d, "per", dp, err, None)
            if per is None or per <= 0:
                raise err(reason("deduction_needs", example="{op, value}"), f"{dp}.per")
        group = d.get("group") or {}
        deductions.append(Deduction(
            id=did, titles=titles_at(d, dp, err), group=group if isinstance(group, dict) else {"zh-CN": str(group)},
            indicator=text_at(d, "indicator", dp, err), cap=_number(d, "cap", dp, err, None) or 0.0,
            points=_number(d, "points", dp, err, None) or 0.0, when=when, per=per,
            above=_number(d, "above", dp, err, 0.0) or 0.0, below=_number(d, "below", dp, err, None),
            service=bool(d.get("service", False)),
            basis=str(d.get("basis", "") or "")))
        if deductions[-1].cap <= 0 or deductions[-1].points <= 0:
            raise err(reason("points_cap_positive"), dp)
    b = doc.get("bonus") or {}
    if not isinstance(b, dict):
        raise err(reason("mapping"), "bonus")
    items = []
    for bi, item in enumerate(_list(b, "items", err, "bonus.")):
        bp = f"bonus.items[{bi}]"
        items.append(BonusItem(id=text_at(item, "id", bp, err), titles=titles_at(item, bp, err),
                               indicator=text_at(item, "indicator", bp, err),
                               when=_condition(item.get("when"), f"{bp}.when", err),
                               points=_number(item, "points", bp, err, None) or 0.0))
    bonus = Bonus(cap=_number(b, "cap", "bonus", err, 30.0) or 0.0,
                  requires_base=_number(b, "requires_base", "bonus", err, 80.0) or 0.0,
                  portals_only=bool(b.get("portals_only", True)), items=tuple(items))
    kinds = doc.get("platform_kinds", ["website"])
    if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
        raise err(reason("list_of_kinds"), "platform_kinds")
    services = _number(doc, "services_full_marks", "", err, 75.0) or 75.0
    return InspectionScheme(id=text_at(doc, "id", "", err), titles=titles_at(doc, "", err), platform_kinds=tuple(kinds),
                            full_marks=full or 100.0, pass_mark=pass_mark or 0.0, vetoes=tuple(vetoes),
                            deductions=tuple(deductions), bonus=bonus, services_full_marks=services, source=source)


def validate_scheme_references(scheme: InspectionScheme, indicator_ids: set[str]) -> None:
    """Every indicator the scheme names must exist."""
    try:
        _validate_scheme_references(scheme, indicator_ids)
    except FrameworkError as exc:
        raise with_line(exc) from None


def _validate_scheme_references(scheme: InspectionScheme, indicator_ids: set[str]) -> None:
    for what, rules in (("vetoes", scheme.vetoes), ("deductions", scheme.deductions),
                        ("bonus.items", scheme.bonus.items)):
        for i, rule in enumerate(rules):
            if rule.indicator not in indicator_ids:
                from govlens.frameworks.fields import unknown_name
                raise FrameworkError(unknown_name("unknown_indicator", rule.indicator, indicator_ids), file=scheme.source,
                                     field=f"{what}[{i}].indicator")


def _list(m: dict[str, Any], key: str, err: Any, prefix: str = "") -> list[dict[str, Any]]:
    value = m.get(key) or []
    if not isinstance(value, list) or not all(isinstance(x, dict) for x in value):
        raise err(reason("list_of_mappings"), f"{prefix}{key}")
    return value


def _number(m: dict[str, Any], key: str, path: str, err: Any, default: float | None) -> float | None:
    value = m.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise err(reason("number"), f"{path}.{key}" if path else key)
    return float(value)


def _condition(v: Any, path: str, err: Any) -> Condition:
    if not isinstance(v, dict):
        raise err(reason("condition_mapping"), path)
    op, value = v.get("op"), v.get("value")
    if op not in VETO_OPS:
        raise err(reason("op_one_of", names=listed(VETO_OPS)), f"{path}.op")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise err(reason("number"), f"{path}.value")
    return Condition(op=op, value=float(value))
