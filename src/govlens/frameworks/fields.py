"""The small readers every framework-like YAML shares: a key's line, a method spec, a number, a share, titles.

Each reader takes the value, its key path and ``err`` (a function making the loader's error with the file and
line), so the framework loader (:mod:`govlens.frameworks.load`) and the national inspection scheme
(:mod:`govlens.frameworks.inspection`) refuse a bad value in the same words, from the message catalogue
(``config.*``).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any

from govlens.frameworks.model import MethodSpec
from govlens.frameworks.rules import Err, titles_of

AGGREGATIONS = ("weighted_arithmetic", "weighted_geometric", "weighted_harmonic", "generalised_mean", "copeland",
                "kemeny")


def reason(key: str, **values: Any) -> str:
    """The reason of a load error in the process's language (govlens.messages ``config.<key>``)."""
    from govlens.messages import t
    return t(f"config.{key}", **values)


def listed(names: Iterable[str]) -> str:
    from govlens.messages import join
    return join(list(names))


def unknown_name(key: str, name: str, known: Iterable[str], **values: Any) -> str:
    """``unknown indicator 'x'; did you mean 'y'?`` (govlens.messages: the nearest known names)."""
    from govlens.messages import did_you_mean, t
    return t(f"config.{key}", name=name, hint=did_you_mean(str(name), sorted(known)), **values)


def refuse_unknown_keys(m: Mapping[str, Any], keys: set[str], path: str, err: Err) -> None:
    unknown = sorted(set(m) - keys)
    if unknown:
        from govlens.messages import did_you_mean, t
        raise err(t("config.unknown_key", key=unknown[0], hint=did_you_mean(str(unknown[0]), keys)),
                  f"{path}.{unknown[0]}")


def method_spec(value: Any, path: str, err: Err) -> MethodSpec | None:
    """``minmax`` or ``{method: minmax, l: 0, u: 100}`` → MethodSpec; None when absent."""
    if value is None:
        return None
    if isinstance(value, str) and value.strip():
        return MethodSpec(value.strip())
    if isinstance(value, dict) and isinstance(value.get("method"), str) and value["method"].strip():
        return MethodSpec(value["method"].strip(), {str(k): v for k, v in value.items() if k != "method"})
    raise err(reason("method_spec"), path)


def aggregation_spec(value: Any, path: str, err: Err) -> MethodSpec | None:
    spec = method_spec(value, path, err)
    if spec is not None and spec.method not in AGGREGATIONS:
        raise err(reason("one_of", names=listed(AGGREGATIONS)), path)
    return spec


def aggregation_levels(value: Any, path: str, err: Err) -> tuple[MethodSpec, tuple[MethodSpec, ...]]:
    """The top-level ``aggregation``: one method for every level, or a list with one per level."""
    if isinstance(value, list):
        if not value:
            raise err(reason("agg_levels"), path)
        levels = tuple(aggregation_spec(v, f"{path}[{i}]", err) or MethodSpec("weighted_arithmetic")
                       for i, v in enumerate(value))
        return levels[0], levels
    spec = aggregation_spec(value, path, err)
    return spec or MethodSpec("weighted_arithmetic"), ()


def number_at(value: Any, path: str, err: Err, minimum: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise err(reason("number"), path)
    if minimum is not None and value < minimum:
        raise err(reason("number_min", minimum=f"{minimum:g}"), path)
    return float(value)


def share_at(value: Any, path: str, err: Err) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise err(reason("share"), path)
    return float(value)


def bool_at(value: Any, path: str, err: Err) -> bool:
    if not isinstance(value, bool):
        raise err(reason("bool"), path)
    return value


def text_at(m: dict[str, Any], key: str, path: str, err: Err) -> str:
    value = m.get(key)
    if not isinstance(value, str) or not value.strip():
        raise err(reason("missing"), f"{path}.{key}" if path else key)
    return value


def weight_at(m: dict[str, Any], path: str, err: Err) -> float:
    value = m.get("weight", 1)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise err(reason("number_min", minimum=0), f"{path}.weight")
    return float(value)


def titles_at(m: dict[str, Any], path: str, err: Err) -> dict[str, str]:
    return titles_of(m.get("title"), f"{path}.title" if path else "title", err)


def number_or_fraction(value: Any) -> float:
    """``3``, ``0.5`` or ``"1/3"`` (as judgements are written in AHP matrices) → float; ValueError otherwise."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        return float(Fraction(value.strip()))
    raise ValueError(value)
