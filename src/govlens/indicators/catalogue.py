"""The indicator catalogue: every indicator module of this package, found by name.

A module of :mod:`govlens.indicators` is an indicator unless its name starts with ``_``
(private helpers) or it is one of :data:`NOT_INDICATORS`. Each indicator's metadata is
checked when the package is first scanned; a broken module or an unknown id raises
:class:`~govlens.errors.FrameworkError` naming it.
"""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from types import ModuleType
from typing import Any

import govlens.indicators as _package
from govlens import messages
from govlens.errors import FrameworkError
from govlens.indicators.base import Thresholds

NOT_INDICATORS = frozenset({"base", "catalogue", "run", "campaign_facts", "newmedia_facts"})
UNITS = ("bool", "count", "days", "ms", "ratio", "hours", "index", "kb", "kib", "rate", "score", "seconds")

_modules: dict[str, ModuleType] | None = None


def _validate(name: str, module: ModuleType) -> str:
    q = messages.quote
    where = q(module.__name__)
    ident = getattr(module, "ID", None)
    if not isinstance(ident, str) or not ident:
        raise FrameworkError(messages.t("indicator_catalogue.no_id", module=where))
    expected = name.replace("_", "-")
    if ident != expected:
        raise FrameworkError(messages.t("indicator_catalogue.id_mismatch", module=where, id=q(ident[:100]),
                                        expected=q(expected)))
    requires = getattr(module, "REQUIRES", None)
    if not isinstance(requires, tuple) or not requires or not all(isinstance(k, str) and k for k in requires):
        raise FrameworkError(messages.t("indicator_catalogue.requires", id=q(ident)))
    unit = getattr(module, "UNIT", None)
    if unit not in UNITS:
        raise FrameworkError(messages.t("indicator_catalogue.unit", id=q(ident), unit=q(str(unit)[:100]),
                                        units=messages.join(list(UNITS))))
    limits = getattr(module, "THRESHOLDS", None)
    if limits is not None and (not isinstance(limits, Thresholds) or limits.id != ident):
        raise FrameworkError(messages.t("indicator_catalogue.thresholds", id=q(ident)))
    if not callable(getattr(module, "evaluate", None)) and not callable(getattr(module, "evaluate_batch", None)):
        raise FrameworkError(messages.t("indicator_catalogue.no_evaluate", id=q(ident)))
    return ident


def _discover() -> dict[str, ModuleType]:
    global _modules
    if _modules is None:
        found: dict[str, ModuleType] = {}
        for info in pkgutil.iter_modules(_package.__path__):
            if info.ispkg or info.name.startswith("_") or info.name in NOT_INDICATORS:
                continue
            module = importlib.import_module(f"{_package.__name__}.{info.name}")
            found[_validate(info.name, module)] = module
        _modules = dict(sorted(found.items()))
    return _modules


def all_ids() -> list[str]:
    """Every indicator id, sorted."""
    return list(_discover())


def get(indicator_id: str) -> ModuleType:
    """The module of an indicator; an unknown id raises FrameworkError naming it."""
    modules = _discover()
    try:
        return modules[indicator_id]
    except KeyError:
        raise FrameworkError(messages.t("config.unknown_indicator", name=str(indicator_id)[:100],
                                        hint=messages.did_you_mean(str(indicator_id), list(modules)))) from None


def all_modules() -> list[ModuleType]:
    return list(_discover().values())


def threshold_settings() -> dict[str, object]:
    """{setting name: default} of every threshold declared with a setting and a default beside its indicator
    (read by :class:`govlens.settings.Settings`, which accepts these names as campaign settings).

    Two indicators declaring one setting share one :class:`~govlens.indicators.base.Threshold`, so one default.
    """
    found: dict[str, object] = {}
    for module in all_modules():
        for t in getattr(module, "THRESHOLDS", {}).values():
            if t.setting and t.default is not None:
                if found.setdefault(t.setting, t.default) != t.default:
                    raise FrameworkError(messages.t("indicator_catalogue.threshold_defaults", setting=t.setting,
                                                    id=messages.quote(module.ID)))
    return found


def thresholds(settings: Mapping[str, Any], overrides: Mapping[str, Mapping[str, Any]] | None = None,
               ids: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """indicator id → {threshold name: effective value} (for ``IndicatorContext.thresholds``).

    ``overrides`` (indicator id → {name: value}: the rules a framework publishes) beat the defaults declared
    beside the code; a setting the campaign or the command line set explicitly beats both.
    """
    overrides = overrides or {}
    out: dict[str, dict[str, Any]] = {}
    for ident in all_ids() if ids is None else ids:
        declared = getattr(get(ident), "THRESHOLDS", None)
        unknown = set(overrides.get(ident) or {}) - set(declared or {})
        if unknown:
            raise FrameworkError(messages.t("indicator_catalogue.unknown_threshold", id=messages.quote(ident),
                                            name=messages.quote(sorted(unknown)[0][:100]),
                                            names=messages.join(sorted(declared or {}))))
        if declared:
            out[ident] = declared.resolved(settings, overrides.get(ident))
    return out
