"""The indicator registry: every indicator module of this package, found by name.

A module of :mod:`govlens.indicators` is an indicator unless its name starts with ``_``
(private helpers) or it is one of :data:`NOT_INDICATORS`. Each indicator's metadata is
checked when the package is first scanned; a broken module or an unknown id raises
:class:`~govlens.errors.FrameworkError` naming it.
"""
from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import govlens.indicators as _package
from govlens import messages
from govlens.errors import FrameworkError

NOT_INDICATORS = frozenset({"base", "registry", "run", "campaign_facts", "newmedia_facts"})
UNITS = ("bool", "count", "days", "ms", "ratio", "hours", "index", "kb", "kib", "rate", "score", "seconds")

_modules: dict[str, ModuleType] | None = None


def _validate(name: str, module: ModuleType) -> str:
    q = messages.quote
    where = q(module.__name__)
    ident = getattr(module, "ID", None)
    if not isinstance(ident, str) or not ident:
        raise FrameworkError(messages.t("indicator_registry.no_id", module=where))
    expected = name.replace("_", "-")
    if ident != expected:
        raise FrameworkError(messages.t("indicator_registry.id_mismatch", module=where, id=q(ident[:100]),
                                        expected=q(expected)))
    requires = getattr(module, "REQUIRES", None)
    if not isinstance(requires, tuple) or not requires or not all(isinstance(k, str) and k for k in requires):
        raise FrameworkError(messages.t("indicator_registry.requires", id=q(ident)))
    unit = getattr(module, "UNIT", None)
    if unit not in UNITS:
        raise FrameworkError(messages.t("indicator_registry.unit", id=q(ident), unit=q(str(unit)[:100]),
                                        units=messages.join(list(UNITS))))
    if not callable(getattr(module, "evaluate", None)) and not callable(getattr(module, "evaluate_batch", None)):
        raise FrameworkError(messages.t("indicator_registry.no_evaluate", id=q(ident)))
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
