"""The indicator catalogue: every indicator module of this package, found by name.

A module of :mod:`govlens.indicators` or of its topic subpackages (``freshness/``, ``render/``,
``foreign_site/`` …) is an indicator unless its name starts with ``_`` (private helpers) or it is one
of :data:`NOT_INDICATORS`; its id is its file name's, whichever folder holds it. Each indicator's metadata is
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
from govlens.text import LOCALES

NOT_INDICATORS = frozenset({"base", "catalogue", "run", "campaign_facts", "newmedia_facts"})
#: What an indicator may be to the stages around it (its ``ROLE``): "campaign-links" reads the campaign's link
#: facts, "improvement" is the change since the previous campaign, "services" tells a department with services.
ROLES = ("campaign-links", "improvement", "services")
#: The units a value may be in, each with the label a report writes after such a value unless the module's
#: ``UNIT_LABEL`` says otherwise (a count names what it counts: 个, 条, 次 …; a unit whose label is always
#: the same is said here once, not in every module).
UNITS: dict[str, tuple[str, str]] = {
    "bool": ("", ""), "count": ("", ""), "days": ("天", "days"), "ms": ("毫秒", "ms"), "ratio": ("%", "%"),
    "hours": ("小时", "hours"), "index": ("", ""), "kb": ("KB", "KB"), "kib": ("KiB", "KiB"), "rate": ("", ""),
    "score": ("", ""), "seconds": ("秒", "s"),
}

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
    if not _pair(getattr(module, "TITLE", None), empty=False) or not _pair(getattr(module, "UNIT_LABEL", ("", ""))):
        raise FrameworkError(messages.t("indicator_catalogue.title", id=q(ident)))
    said = getattr(module, "EVIDENCE", None)
    if said is not None and not (_pair(said, empty=False) or isinstance(said, Mapping) and set(said) == {"yes", "no"}
                                 and all(_pair(v, empty=False) for v in said.values())):
        raise FrameworkError(messages.t("indicator_catalogue.evidence", id=q(ident)))
    if getattr(module, "ROLE", None) not in (None, *ROLES) or not _pair(getattr(module, "HIGHLIGHT", ("", ""))):
        raise FrameworkError(messages.t("indicator_catalogue.role", id=q(ident), roles=messages.join(list(ROLES))))
    limits = getattr(module, "THRESHOLDS", None)
    if limits is not None and (not isinstance(limits, Thresholds) or limits.id != ident):
        raise FrameworkError(messages.t("indicator_catalogue.thresholds", id=q(ident)))
    if not callable(getattr(module, "evaluate", None)) and not callable(getattr(module, "evaluate_batch", None)):
        raise FrameworkError(messages.t("indicator_catalogue.no_evaluate", id=q(ident)))
    return ident


def _pair(value: Any, empty: bool = True) -> bool:
    """A text per locale (zh-CN, en), as a TITLE or UNIT_LABEL is given."""
    return (isinstance(value, tuple) and len(value) == len(LOCALES) and all(isinstance(v, str) for v in value)
            and (empty or all(v.strip() for v in value)))


def _discover() -> dict[str, ModuleType]:
    global _modules
    if _modules is None:
        found: dict[str, ModuleType] = {}
        for info in pkgutil.walk_packages(_package.__path__, prefix=_package.__name__ + "."):
            name = info.name.rpartition(".")[2]
            if info.ispkg or name.startswith("_") or name in NOT_INDICATORS:
                continue
            module = importlib.import_module(info.name)
            ident = _validate(name, module)
            if ident in found:
                raise FrameworkError(messages.t("indicator_catalogue.twice", id=messages.quote(ident),
                                                first=found[ident].__name__, second=info.name))
            found[ident] = module
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


def _in(pair: tuple[str, ...], locale: str) -> str:
    return pair[LOCALES.index(locale)] if locale in LOCALES and pair[LOCALES.index(locale)] else pair[0]


def _module(indicator_id: str) -> ModuleType | None:
    return _discover().get(indicator_id)


def title(indicator_id: str, locale: str) -> str | None:
    """The indicator's title in ``locale`` (its ``TITLE``); None for an id that is no indicator of this package."""
    module = _module(indicator_id)
    return None if module is None else _in(module.TITLE, locale)


def unit_label(indicator_id: str, locale: str) -> str:
    """What follows its value in ``locale``: its ``UNIT_LABEL`` (个 / columns), else its unit's (天 / days)."""
    module = _module(indicator_id)
    return "" if module is None else _in(getattr(module, "UNIT_LABEL", UNITS[module.UNIT]), locale)


def value_kind(indicator_id: str) -> str:
    """What its raw value counts (its ``UNIT``: ratio, bool, ms, days …); "" for an unknown id."""
    module = _module(indicator_id)
    return "" if module is None else module.UNIT


def evidence_sentence(indicator_id: str, locale: str, verdict: str | None = None) -> str:
    """The template an award reason states its value with (its ``EVIDENCE``; a yes/no indicator's ``verdict``
    is "yes" or "no"); "" when it declares none."""
    module = _module(indicator_id)
    said = None if module is None else getattr(module, "EVIDENCE", None)
    if isinstance(said, Mapping):
        said = said.get(verdict or "")
    return _in(said, locale) if isinstance(said, tuple) else ""


def with_role(role: str) -> list[str]:
    """The ids of the indicators whose ``ROLE`` is ``role``."""
    return [ident for ident, module in _discover().items() if getattr(module, "ROLE", None) == role]


def campaign_wide() -> frozenset[str]:
    """Indicators that compare a platform with the rest of its campaign (``CAMPAIGN_WIDE``): none for one site."""
    return frozenset(ident for ident, module in _discover().items() if getattr(module, "CAMPAIGN_WIDE", False))


def highlight(indicator_id: str, locale: str) -> str:
    """The heading under which a scorecard lists this indicator's evidence (its ``HIGHLIGHT``); "" for none."""
    module = _module(indicator_id)
    return "" if module is None else _in(getattr(module, "HIGHLIGHT", ("", "")), locale)


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
