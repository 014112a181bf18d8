"""One rule model for the frameworks and the national check: vetoes, deductions, bonuses, published thresholds.

A rule reads one indicator's raw value. The same keys mean the same thing in every framework file
(``website-2013.yaml``) and in the inspection scheme (``national-check-2019.yaml``)::

    vetoes:       # 单项否决: the unit fails when the condition holds
      - {id: homepage-not-updated, title: 首页不更新, indicator: homepage-freshness, op: ">", value: 14, basis: …}
    deductions:   # 扣分: points off when the condition holds, at most `max`
      - {id: no-site-search, indicator: site-search, op: "==", value: 0, points: 5}
      - {id: stale-columns, indicator: stale-columns, per: 1, points: 3, max: 12}      # per whole step
      - {id: homepage-speed, indicator: response-time, per: 1000, above: 3000, points: 1, max: 3}
      - {id: guide-elements, indicator: service-guide-completeness, per: 0.05, below: 1.0, points: 1, max: 10}
      - {id: errors, indicator: wrong-wording, per_unit: true, points: 0.5, max: 10}   # × the raw value
    bonuses:      # 加分: like a deduction, added when the index (score) before it reaches `min_index`
      - {id: ipv6-ready, indicator: ipv6, op: "==", value: 1, points: 3, min_index: 80}

A condition's ``value`` may name a published threshold instead of a number (``value: {threshold:
homepage-days}``): the number is declared once in a rules file (:mod:`govlens.frameworks.thresholds`),
and the indicators get the same number. The inspection scheme's deductions also take ``group`` (the
published item they belong to) and ``service`` (dropped for departments without external services).
Every mistake names the file, the line and the key path, in the process's language.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from govlens import messages
from govlens.errors import FrameworkError

VETO_OPS = (">", ">=", "<", "<=", "==", "!=")
Err = Callable[[str, str], FrameworkError]
#: Keys of the two rule models before they were one: said as what replaced them.
RENAMED = {"cap": "max", "when": "op, value", "requires_base": "min_index", "items": "bonuses"}


class Titled:
    """``title(locale)``: the title in that language, else the first one given, else the id."""

    id: str
    titles: dict[str, str]

    def title(self, locale: str = "zh-CN") -> str:
        return self.titles.get(locale) or next(iter(self.titles.values()), self.id)


def compare(raw: float, op: str, value: float) -> bool:
    return {">": raw > value, ">=": raw >= value, "<": raw < value, "<=": raw <= value,
            "==": raw == value, "!=": raw != value}[op]


@dataclass(frozen=True)
class VetoRule(Titled):
    """Single veto (单项否决): when ``indicator``'s raw value satisfies ``op value``."""

    id: str
    titles: dict[str, str]
    indicator: str
    op: str
    value: float
    basis: str = ""          # where the rule comes from (e.g. the 2015 census rule), shown in reports
    threshold: str = ""      # the published threshold ``value`` was read from, if any

    def triggered(self, raw: float | None) -> bool:
        return raw is not None and compare(raw, self.op, self.value)


@dataclass(frozen=True)
class PointsRule(Titled):
    """A deduction (扣分) or bonus (加分): ``points`` when the condition holds, at most ``max``.

    Without a condition, or beside one, the points are counted per step: for each whole ``per`` of
    the raw value above ``above`` (or below ``below``, for values where less is worse), or per unit
    of the raw value (``per_unit``, fractions counted).
    """

    id: str
    titles: dict[str, str]
    indicator: str
    points: float
    max: float
    op: str | None = None
    value: float | None = None
    per_unit: bool = False
    per: float | None = None
    above: float = 0.0
    below: float | None = None
    min_index: float | None = None        # bonuses: the index (score) the unit must reach first
    group: dict[str, str] = field(default_factory=dict)   # inspection: the published item it belongs to
    service: bool = False                 # inspection: dropped by the "no external services" variant
    basis: str = ""
    threshold: str = ""

    def steps(self, raw: float) -> float:
        """How many times the points are taken for ``raw`` (before the cap)."""
        if self.op is not None and not compare(raw, self.op, float(self.value or 0)):
            return 0.0
        if self.per is not None:
            excess = (self.below - raw) if self.below is not None else (raw - self.above)
            return float(int(excess / self.per + 1e-9)) if excess > 0 else 0.0
        return max(raw, 0.0) if self.per_unit else 1.0

    def points_for(self, raw: float) -> float:
        """Points for ``raw``, capped at ``max``."""
        return min(self.max, max(0.0, self.steps(raw) * self.points))


DeductionRule = PointsRule
BonusRule = PointsRule


# ---------------------------------------------------------------------------- the loader
def line_at(lines: Mapping[str, int], path: str | None) -> int | None:
    """The YAML line of a key path, or of its nearest parent that has one."""
    while path:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return None


def _reason(key: str, **values: Any) -> str:
    return messages.t(f"config.{key}", **values)


def _refuse_keys(m: Mapping[str, Any], keys: set[str], path: str, err: Err) -> None:
    for key in m:
        if key in keys:
            continue
        if key in RENAMED:
            raise err(messages.t("rules.renamed_key", key=key, new=messages.quote(RENAMED[key])), f"{path}.{key}")
        raise err(_reason("unknown_key", key=key, hint=messages.did_you_mean(str(key), keys)), f"{path}.{key}")


def _number(m: Mapping[str, Any], key: str, path: str, err: Err, *, minimum: float | None = None,
            positive: bool = False) -> float | None:
    value = m.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise err(_reason("number"), f"{path}.{key}")
    if (positive and value <= 0) or (minimum is not None and value < minimum):
        raise err(messages.t("rules.number_above" if positive else "number_min", minimum=f"{minimum or 0:g}"), f"{path}.{key}")
    return float(value)


def _text(m: Mapping[str, Any], key: str, path: str, err: Err) -> str:
    value = m.get(key)
    if not isinstance(value, str) or not value.strip():
        raise err(_reason("missing"), f"{path}.{key}")
    return value


def titles_of(value: Any, path: str, err: Err) -> dict[str, str]:
    """``网站设计`` or ``{zh-CN: 网站设计, en: Website design}`` → {locale: text}; {} when absent."""
    if value is None:
        return {}
    if isinstance(value, str):
        return {"zh-CN": value}
    if isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        return dict(value)
    raise err(_reason("titles"), path)


def _condition(m: Mapping[str, Any], path: str, err: Err, thresholds: Mapping[str, float],
               *, required: bool) -> tuple[str | None, float | None, str]:
    """(op, value, threshold name) of a rule; the value is a number or ``{threshold: name}``."""
    op = m.get("op")
    if op is None and "value" not in m and not required:
        return None, None, ""
    if op not in VETO_OPS:
        raise err(_reason("op_one_of", names=messages.join(list(VETO_OPS))), f"{path}.op")
    value = m.get("value")
    if isinstance(value, dict) and set(value) == {"threshold"}:
        name = value["threshold"]
        if name not in thresholds:
            raise err(messages.t("rules.unknown_threshold", name=name, hint=messages.did_you_mean(str(name), sorted(thresholds))),
                      f"{path}.value.threshold")
        return op, float(thresholds[name]), str(name)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise err(messages.t("rules.number_or_threshold"), f"{path}.value")
    return op, float(value), ""


def _entries(doc: Mapping[str, Any], key: str, err: Err) -> list[tuple[str, Mapping[str, Any]]]:
    """(key path, mapping) of each rule under ``key``, every id once."""
    raw = doc.get(key) or []
    if not isinstance(raw, list):
        raise err(_reason("list"), key)
    out, seen = [], set()
    for i, m in enumerate(raw):
        path = f"{key}[{i}]"
        if not isinstance(m, dict):
            raise err(_reason("mapping"), path)
        rid = _text(m, "id", path, err)
        if rid in seen:
            raise err(_reason("duplicate_id", id=rid), f"{path}.id")
        seen.add(rid)
        out.append((path, m))
    return out


VETO_KEYS = {"id", "title", "indicator", "op", "value", "basis"}
POINTS_KEYS = {"id", "title", "indicator", "op", "value", "points", "max", "per", "above", "below", "per_unit",
               "basis"}
SCHEME_KEYS = {"group", "service"}        # the inspection scheme's deductions only


def parse_vetoes(doc: Mapping[str, Any], err: Err, thresholds: Mapping[str, float] | None = None
                 ) -> tuple[VetoRule, ...]:
    rules = []
    for path, m in _entries(doc, "vetoes", err):
        _refuse_keys(m, VETO_KEYS, path, err)
        op, value, name = _condition(m, path, err, thresholds or {}, required=True)
        rules.append(VetoRule(id=m["id"], titles=titles_of(m.get("title"), f"{path}.title", err),
                              indicator=_text(m, "indicator", path, err), op=op or "", value=float(value or 0),
                              basis=str(m.get("basis", "") or ""), threshold=name))
    return tuple(rules)


def parse_points(doc: Mapping[str, Any], key: str, err: Err, thresholds: Mapping[str, float] | None = None,
                 *, scheme: bool = False) -> tuple[PointsRule, ...]:
    """The ``deductions`` or ``bonuses`` of a framework (``scheme``: of an inspection scheme)."""
    keys = POINTS_KEYS | ({"min_index"} if key == "bonuses" else set()) | (
        SCHEME_KEYS if scheme and key == "deductions" else set())
    return tuple(_points_rule(m, path, keys, err, thresholds or {}) for path, m in _entries(doc, key, err))


def _points_rule(m: Mapping[str, Any], path: str, keys: set[str], err: Err,
                 thresholds: Mapping[str, float]) -> PointsRule:
    _refuse_keys(m, keys, path, err)
    op, value, name = _condition(m, path, err, thresholds, required=False)
    per_unit = m.get("per_unit", False)
    if not isinstance(per_unit, bool):
        raise err(_reason("bool"), f"{path}.per_unit")
    per = _number(m, "per", path, err, positive=True)
    if per is not None and per_unit:
        raise err(messages.t("rules.per_or_per_unit"), f"{path}.per_unit")
    if per is None and ("above" in m or "below" in m) or "above" in m and "below" in m:
        raise err(messages.t("rules.above_or_below"), f"{path}.{'below' if 'below' in m else 'above'}")
    if op is None and per is None and not per_unit:
        raise err(_reason("condition"), path)
    points = _number(m, "points", path, err, minimum=0)
    if points is None:
        raise err(_reason("number_min", minimum=0), f"{path}.points")
    stepped = per is not None or per_unit
    cap = _number(m, "max", path, err, minimum=0)
    if cap is None and stepped:
        raise err(_reason("number_min", minimum=0), f"{path}.max")
    service = m.get("service", False)
    if not isinstance(service, bool):
        raise err(_reason("bool"), f"{path}.service")
    group = m.get("group")
    return PointsRule(id=m["id"], titles=titles_of(m.get("title"), f"{path}.title", err),
                      indicator=_text(m, "indicator", path, err), points=points, max=points if cap is None else cap,
                      op=op, value=value, per_unit=per_unit, per=per, above=_number(m, "above", path, err) or 0.0,
                      below=_number(m, "below", path, err), min_index=_number(m, "min_index", path, err),
                      group=titles_of(group, f"{path}.group", err), service=service,
                      basis=str(m.get("basis", "") or ""), threshold=name)


def rule_indicators(rules: Mapping[str, tuple[VetoRule | PointsRule, ...]]) -> list[tuple[str, str]]:
    """(key path of the indicator, indicator id) of every rule, for the reference check."""
    return [(f"{key}[{i}].indicator", r.indicator) for key, rs in rules.items() for i, r in enumerate(rs)]
