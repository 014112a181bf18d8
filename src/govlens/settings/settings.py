"""Layered, typed, freezable settings in the manner of Scrapy's ``Settings``.

Each key remembers the priority it was set at (default < campaign < cmdline); a lower
priority never overwrites a higher one. Unknown keys and ill-typed values are refused
with :class:`~govlens.errors.SettingsError`, and so are values out of their bounds
(:mod:`govlens.settings.validate`: a zero timeout, a negative concurrency, an allow-list entry
that is no network), so a typo in a campaign file is caught
before a national scan starts, not after.
"""
from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

from govlens.errors import SettingsError
from govlens.messages import did_you_mean, t
from govlens.settings import default_settings
from govlens.settings.validate import check

PRIORITIES = {"default": 0, "campaign": 20, "cmdline": 40}

#: Settings declared beside the code that reads them, not in default_settings: dotted paths of functions
#: returning {name: default} (an indicator's thresholds under their setting names; the published ones
#: from the rules file that states them). Loaded by name, the Scrapy
#: way, so this layer imports no later stage.
DECLARED_ELSEWHERE = ("govlens.indicators.catalogue:threshold_settings",
                      "govlens.frameworks.thresholds:published_settings")   # published rules: their YAML


@lru_cache(maxsize=1)
def _declared_elsewhere() -> tuple[tuple[str, Any], ...]:
    found: dict[str, Any] = {}
    for path in DECLARED_ELSEWHERE:
        module, _, name = path.partition(":")
        found.update(getattr(importlib.import_module(module), name)())
    return tuple(sorted(found.items()))


def _defaults() -> dict[str, Any]:
    values = {k: getattr(default_settings, k) for k in dir(default_settings) if k.isupper()}
    values.update(_declared_elsewhere())
    return values


class Settings(Mapping[str, Any]):
    """All settings of one run."""

    def __init__(self, values: Mapping[str, Any] | None = None, priority: str = "campaign") -> None:
        self._values: dict[str, Any] = _defaults()
        self._priority: dict[str, int] = {k: PRIORITIES["default"] for k in self._values}
        self._frozen = False
        if values:
            self.update(values, priority)

    # -- writing
    def set(self, name: str, value: Any, priority: str = "campaign", *, source: str | None = None) -> None:
        if self._frozen:
            raise SettingsError(t("settings.frozen"), field=name)
        if name not in self._values:       # a typo: the nearest known names (the whole list is 150 long)
            raise SettingsError(t("settings.unknown", hint=did_you_mean(name, list(self._values))),
                                file=source, field=name)
        level = PRIORITIES[priority]
        if level < self._priority[name]:
            return
        coerced = _coerce(name, value, self._values[name], source)
        problem = check(name, coerced)
        if problem:
            raise SettingsError(problem, file=source, field=name)
        self._values[name] = coerced
        self._priority[name] = level

    def update(self, values: Mapping[str, Any], priority: str = "campaign", *, source: str | None = None) -> None:
        for name, value in values.items():
            self.set(name, value, priority, source=source)

    def freeze(self) -> "Settings":
        self._frozen = True
        return self

    def copy(self) -> "Settings":
        clone = Settings()
        clone._values, clone._priority = dict(self._values), dict(self._priority)
        return clone

    # -- reading
    def __getitem__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise SettingsError(t("settings.unknown", hint=""), field=name) from None

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._values))

    def __len__(self) -> int:
        return len(self._values)

    def is_set(self, name: str) -> bool:
        """Was ``name`` set above its default (by a campaign file or the command line)?"""
        return self._priority.get(name, 0) > PRIORITIES["default"]

    def getint(self, name: str) -> int:
        return int(self[name])

    def getfloat(self, name: str) -> float:
        return float(self[name])

    def getbool(self, name: str) -> bool:
        return bool(self[name])

    def getlist(self, name: str) -> list[str]:
        """A comma-separated setting as a list of its non-empty, stripped parts."""
        return [part.strip() for part in str(self[name] or "").split(",") if part.strip()]

    def as_dict(self) -> dict[str, Any]:
        return dict(sorted(self._values.items()))


def _coerce(name: str, value: Any, default: Any, source: str | None) -> Any:
    """Coerce ``value`` to the type of the default, refusing what does not fit."""
    kind = type(default)
    try:
        if kind is bool:
            if isinstance(value, str):
                low = value.strip().lower()
                if low in ("1", "true", "yes", "on"):
                    return True
                if low in ("0", "false", "no", "off"):
                    return False
                raise ValueError(value)
            if isinstance(value, (bool, int)):
                return bool(value)
            raise ValueError(value)
        if kind is int:
            if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                raise ValueError(value)
            return int(value)
        if kind is float:
            if isinstance(value, bool):
                raise ValueError(value)
            return float(value)
        if kind is str:
            if isinstance(value, (list, tuple)):      # TOML lists of names: kept as "a, b, c"
                return ", ".join(str(v) for v in value)
            return str(value)
        if kind is tuple:               # a TOML list, or a comma-separated string on the command line
            if isinstance(value, str):
                return tuple(v.strip() for v in value.split(",") if v.strip())
            if isinstance(value, (list, tuple)) and all(isinstance(v, (str, int, float)) for v in value):
                return tuple(str(v).strip() for v in value if str(v).strip())
            raise ValueError(value)
    except (TypeError, ValueError):
        shown = str(value)[:80] if isinstance(value, (str, int, float)) else type(value).__name__
        raise SettingsError(t("settings.expected", type=t(f"settings.types.{kind.__name__}"), value=shown),
                            file=source, field=name) from None
    return value
