"""Probes and importers as components switched by settings, the way Scrapy switches its middlewares.

``PROBES_BASE`` and ``IMPORTERS_BASE`` (:mod:`govlens.settings.default_settings`) map a component's
dotted path to its order; a campaign's ``PROBES`` / ``IMPORTERS`` table is merged over them (Scrapy's
``DOWNLOADER_MIDDLEWARES`` over ``DOWNLOADER_MIDDLEWARES_BASE``): a new path adds a component, a
known one moves it, ``None`` (``false`` in TOML, which has no null) disables it. Lower orders run
first; follow-up probes must come after the probes whose observations they read. A key may also
be a probe's short name (:data:`PROBE_NAMES`). ``PROBES`` given as a list of short names (the
command line's ``--set PROBES=http_site,tls``, a campaign's ``PROBES = [...]``) runs exactly those,
in that order, as it always has.

A new probe is one module plus one line here and one in ``PROBES_BASE`` (STYLE, rule 6); a
campaign adds its own without either.
"""
from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from types import ModuleType
from typing import Any

from govlens.probes.base import Probe
from govlens.settings import Settings

_G = "govlens.probes.gatherers."
#: The ``--probes`` / campaign ``PROBES = [...]`` vocabulary: short name → dotted path of the class.
PROBE_NAMES: dict[str, str] = {
    "browser": _G + "browser.BrowserProbe", "http_site": _G + "http_site.HttpSiteProbe",
    "search_query": _G + "search_query.SearchQueryProbe", "interaction": _G + "interaction.InteractionProbe",
    "service_guides": _G + "service_guides.ServiceGuidesProbe", "not_found": _G + "not_found.NotFoundProbe",
    "page_weight": _G + "page_weight.PageWeightProbe", "tls": _G + "tls.TlsProbe",
    "dns": _G + "dns_records.DnsProbe", "noop": _G + "noop.NoopProbe",
    "mobile_portal": _G + "mobile_portal.MobilePortalProbe", "civilization": _G + "civilization.CivilizationProbe",
    "foreign_site": _G + "foreign_site.ForeignSiteProbe", "cn_domain": _G + "cn_domain.CnDomainProbe",
    "column": _G + "column.ColumnProbe", "mailbox": _G + "mailbox.MailboxProbe",
}
#: Names the probes had before they took their platform kind's spelling (still accepted, never written).
PROBE_ALIASES: dict[str, str] = {"featured_column": "column", "foreign_edition": "foreign_site",
                                 "mobile_site": "mobile_portal"}


def load_object(path: str, setting: str) -> Any:
    """The class or module a dotted path names; a path that imports nothing is a SettingsError at ``setting``."""
    from govlens import messages
    from govlens.errors import SettingsError

    module_name, _, attr = str(path).rpartition(".")
    try:
        return importlib.import_module(str(path))
    except ImportError:
        pass
    try:
        return getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError, ValueError) as exc:
        raise SettingsError(messages.t("components.unknown_path", setting=setting, path=str(path)[:200],
                                       reason=type(exc).__name__), field=setting) from None


def build_component_list(base: Mapping[str, Any], custom: Mapping[str, Any] | Sequence[str] | str | None,
                         setting: str, names: Mapping[str, str] | None = None,
                         aliases: Mapping[str, str] | None = None) -> list[str]:
    """The dotted paths enabled by ``custom`` over ``base``, in order (Scrapy's ``build_component_list``).

    A mapping is merged over ``base`` (``None`` or ``False`` disables); a list (or a comma-separated
    string) replaces it, in its own order. Short ``names`` (and old names, ``aliases``) are turned
    into their paths first.
    """
    from govlens import messages
    from govlens.errors import SettingsError

    names, aliases = names or {}, aliases or {}

    def path(key: Any) -> str:
        key = str(key).strip()
        key = names.get(aliases.get(key, key), key)
        if "." not in key:          # a short name that is none of ours, and no dotted path either
            known = [*names, *aliases]
            if aliases:             # a probe's name: the words the command line has always used
                raise SettingsError(messages.t("probe_errors.unknown_probe", name=key[:100],
                                               hint=messages.did_you_mean(key, known)), field=setting)
            raise SettingsError(messages.t("components.unknown_name", setting=setting, name=key[:100],
                                           hint=messages.did_you_mean(key, known)), field=setting)
        return key

    if custom is None or isinstance(custom, str) and not custom.strip():
        custom = {}
    if isinstance(custom, str):
        custom = [part for part in custom.split(",") if part.strip()]
    if isinstance(custom, (list, tuple)):
        return list(dict.fromkeys(path(entry) for entry in custom))
    if not isinstance(custom, Mapping):
        raise SettingsError(messages.t("components.bad_value", setting=setting), field=setting)
    orders: dict[str, float] = {}
    for key, order in [*base.items(), *custom.items()]:
        key = path(key)
        if order is None or order is False:
            orders.pop(key, None)
        elif isinstance(order, bool) or not isinstance(order, (int, float)):
            raise SettingsError(messages.t("components.bad_order", setting=setting, key=key[:200]), field=setting)
        else:
            orders.pop(key, None)
            orders[key] = order
    return sorted(orders, key=orders.__getitem__)      # stable: equal orders keep the order written


def probe_class(entry: str, setting: str = "PROBES") -> type[Probe]:
    """The probe class of a short name (or an old one) or a dotted path."""
    from govlens import messages
    from govlens.errors import SettingsError

    path = build_component_list({}, [entry], setting, PROBE_NAMES, PROBE_ALIASES)[0]
    cls = load_object(path, setting)
    if not (isinstance(cls, type) and issubclass(cls, Probe)):
        raise SettingsError(messages.t("components.not_a_probe", setting=setting, path=path[:200]), field=setting)
    return cls


def probe_classes(settings: Settings | Mapping[str, Any], probes: Sequence[str] | None = None) -> list[type[Probe]]:
    """The probes a scan runs, in order: ``probes`` when given, else ``PROBES`` over ``PROBES_BASE``."""
    if probes is not None:
        return [probe_class(entry) for entry in probes]
    paths = build_component_list(settings["PROBES_BASE"], settings["PROBES"], "PROBES", PROBE_NAMES, PROBE_ALIASES)
    return [probe_class(path) for path in paths]


def get_probe(name: str) -> Probe:
    """A fresh instance of the probe called ``name`` (a short name or a dotted path)."""
    return probe_class(name, "probes")()


def importers(settings: Settings | Mapping[str, Any]) -> list[ModuleType]:
    """The importer modules enabled by ``IMPORTERS`` over ``IMPORTERS_BASE``, in order (dependencies first).

    An importer module declares ``CAMPAIGN_KEY`` (the campaign key naming its file) and ``import_file``.
    """
    from govlens import messages
    from govlens.errors import SettingsError

    base = settings["IMPORTERS_BASE"]
    names = {str(path).rpartition(".")[2]: str(path) for path in base}      # a module's own name is short enough
    out = []
    for path in build_component_list(base, settings["IMPORTERS"], "IMPORTERS", names):
        module = load_object(path, "IMPORTERS")
        if not (isinstance(getattr(module, "CAMPAIGN_KEY", None), str) and callable(getattr(module, "import_file",
                                                                                             None))):
            raise SettingsError(messages.t("components.not_an_importer", setting="IMPORTERS", path=path[:200]),
                                field="IMPORTERS")
        out.append(module)
    return out


def importers_by_key(settings: Settings | Mapping[str, Any]) -> dict[str, ModuleType]:
    """The enabled importers by the campaign key that names their file."""
    return {module.CAMPAIGN_KEY: module for module in importers(settings)}
