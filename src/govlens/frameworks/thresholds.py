"""Published thresholds: the numbers a national rule states, declared once in a rules file.

A framework or an inspection scheme names its rules file (``rules: census-2015``, a shipped file in
``frameworks/published/``, or a path relative to the framework file). Its rules read a threshold by
name (``value: {threshold: homepage-days}``, :mod:`govlens.frameworks.rules`), and the pipeline runs the
indicator named beside it with the same number (:meth:`Thresholds.overrides`, for
``run_indicators(thresholds=…)``). So a published number lives in the YAML only: no Python default
restates it. The setting named beside a threshold is the campaign's way to change it; its default is
the shipped rules file's number (:func:`published_settings`, read by :mod:`govlens.settings`).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govlens.errors import FrameworkError
from govlens.frameworks.fields import number_at, reason, refuse_unknown_keys, text_at, titles_at
from govlens.yamlfile import read_yaml, with_line

DEFAULT_RULES = "census-2015"
PACKAGE = "govlens.frameworks.published"


@dataclass(frozen=True)
class PublishedThreshold:
    name: str                 # as the rules name it (homepage-days)
    value: int | float        # as written (14 stays a whole number of days)
    indicator: str            # the indicator that takes it …
    key: str                  # … under this name of its THRESHOLDS (days)
    setting: str = ""         # the campaign setting that changes it (FRESHNESS_HOMEPAGE_DAYS)
    basis: str = ""


@dataclass(frozen=True)
class Thresholds:
    """A rules file's thresholds by name."""

    id: str = ""
    source: str = ""
    by_name: dict[str, PublishedThreshold] | None = None

    def values(self) -> dict[str, int | float]:
        return {n: t.value for n, t in (self.by_name or {}).items()}

    def overrides(self) -> dict[str, dict[str, int | float]]:
        """indicator id → {threshold name: value}, as ``run_indicators(thresholds=…)`` takes them."""
        out: dict[str, dict[str, int | float]] = {}
        for t in (self.by_name or {}).values():
            out.setdefault(t.indicator, {})[t.key] = t.value
        return out


def load_thresholds(name_or_path: Any, relative_to: str = "") -> Thresholds:
    """A shipped rules file by name (``census-2015``) or a YAML path (relative to ``relative_to``'s folder)."""
    where = name_or_path
    if isinstance(name_or_path, str) and name_or_path.endswith((".yaml", ".yml")) and relative_to:
        path = Path(name_or_path)
        if not path.is_absolute() and Path(relative_to).suffix in (".yaml", ".yml"):
            where = Path(relative_to).parent / path
    doc, source = read_yaml(where, PACKAGE, FrameworkError, "rules file")
    try:
        return parse_thresholds(doc, source)
    except FrameworkError as exc:
        raise with_line(exc) from None


def parse_thresholds(doc: Any, source: str = "<rules>") -> Thresholds:
    def err(msg: str, path: str) -> FrameworkError:
        return FrameworkError(msg, file=source, field=path or None)

    if not isinstance(doc, dict):
        raise err(reason("top_mapping"), "")
    refuse_unknown_keys(doc, {"id", "title", "thresholds"}, "", err)
    titles_at(doc, "", err)
    raw = doc.get("thresholds") or {}
    if not isinstance(raw, dict):
        raise err(reason("mapping"), "thresholds")
    found = {}
    for name, m in raw.items():
        path = f"thresholds.{name}"
        if not isinstance(m, dict):
            raise err(reason("mapping"), path)
        refuse_unknown_keys(m, {"value", "indicator", "name", "setting", "basis"}, path, err)
        found[str(name)] = PublishedThreshold(
            name=str(name), value=m["value"] if number_at(m.get("value"), f"{path}.value", err) is not None else 0,
            indicator=text_at(m, "indicator", path, err), key=text_at(m, "name", path, err),
            setting=str(m.get("setting") or ""), basis=str(m.get("basis") or ""))
    return Thresholds(id=text_at(doc, "id", "", err), source=source, by_name=found)


def rules_of(doc: dict[str, Any], source: str, err: Any) -> Thresholds:
    """The ``rules`` a framework or scheme names (the shipped census rules when it names none)."""
    value = doc.get("rules", DEFAULT_RULES)
    if not isinstance(value, str) or not value.strip():
        raise err(reason("missing"), "rules")
    return load_thresholds(value.strip(), source)


def published_settings() -> dict[str, Any]:
    """{setting: value} of the shipped rules' thresholds: the settings' defaults (``govlens.settings``
    accepts these names as campaign settings and reads their defaults here, not from default_settings)."""
    out: dict[str, Any] = {}
    for t in (load_thresholds(DEFAULT_RULES).by_name or {}).values():
        if t.setting:
            out[t.setting] = t.value
    return out
