"""Method registries: every step of the engine picks its method by name from one of these.

A method is a small function registered under the name the framework YAML uses
(``@NORMALISE.register("minmax")``). A method signals a bad parameter or unusable data with
:class:`ParamError`; the verb that called it adds the framework file, line and key path.
"""
from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from govlens.messages import join, quote, t, word


class ParamError(ValueError):
    """A method's parameter or input is unusable; ``field`` is the parameter (or sub-path) at fault."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def shown(value: Any) -> str:
    """A value from the user's file inside a message: quoted as the language quotes, never a Python repr."""
    text = str(value)
    return quote(text[:100] + ("…" if len(text) > 100 else ""))


def not_number(value: Any) -> str:
    return t("scoring.not_number", value=shown(value))


def no_platforms(kinds: tuple[str, ...] | list[str], groups: tuple[str, ...] | list[str] = ()) -> str:
    """"No platform of these kinds (and groups) in the registry", the kinds in the user's words."""
    named = join([word("kinds", k) for k in kinds])
    if groups:
        return t("scoring.no_platforms_groups", kinds=named, groups=join(list(groups)))
    return t("scoring.no_platforms", kinds=named)


class Registry(dict[str, Callable[..., Any]]):
    """name → method function, with per-method attributes (``directional`` …) kept on the function."""

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind

    def register(self, name: str, **attrs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def add(fn: Callable[..., Any]) -> Callable[..., Any]:
            for key, value in attrs.items():
                setattr(fn, key, value)
            self[name] = fn
            return fn
        return add

    def method(self, name: str) -> Callable[..., Any]:
        try:
            return self[name]
        except KeyError:
            raise ParamError(t("scoring.unknown_method", kind=word("scoring.method_kinds", self.kind),
                               name=quote(str(name)), known=join(sorted(self))), "method") from None


def call(fn: Callable[..., Any], *args: Any, params: dict[str, Any]) -> Any:
    """Call ``fn(*args, **params)``, turning an unknown or missing parameter into a ParamError."""
    sig = inspect.signature(fn)
    accepts_any = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in sig.parameters.values())
    if not accepts_any:
        unknown = [k for k in params if k not in sig.parameters]
        if unknown:
            known = [p for p, v in sig.parameters.items()
                     if v.kind is inspect.Parameter.KEYWORD_ONLY and not p.startswith("_")]
            raise ParamError(t("scoring.unknown_param", name=quote(unknown[0]),
                               known=join(known) or t("scoring.none")), unknown[0])
    missing = [p for p, v in sig.parameters.items()
               if v.kind is inspect.Parameter.KEYWORD_ONLY and v.default is inspect.Parameter.empty and p not in params]
    if missing:
        raise ParamError(t("scoring.missing_param", name=quote(missing[0])), missing[0])
    return fn(*args, **params)
