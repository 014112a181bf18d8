"""Load and validate framework YAML files (shipped by name, or any file by path).

Every mistake is reported with the file and the key path (``dimensions[2].indicators[0].weight``),
before any scoring starts. Indicator ids are checked against the indicator registry and
normalisation methods against the scoring method registry by the caller that has both
(:func:`validate_references`), so this module stays below those stages.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from govlens.errors import FrameworkError
from govlens.yamlfile import read_yaml, shipped_names
from govlens.frameworks.model import VETO_OPS, Dimension, Framework, IndicatorRef, Normalisation, VetoRule

AGGREGATIONS = ("weighted_arithmetic", "weighted_geometric")


def builtin_frameworks() -> list[str]:
    return shipped_names("govlens.frameworks")


def load_framework(name_or_path: str | Path) -> Framework:
    """Load a shipped framework by name (``website-2013``) or any YAML file by path."""
    doc, source = read_yaml(name_or_path, "govlens.frameworks", FrameworkError, "framework")
    return parse_framework(doc, source)


def parse_framework(doc: Any, source: str = "<framework>") -> Framework:
    def err(msg: str, path: str) -> FrameworkError:
        return FrameworkError(msg, file=source, field=path or None)

    if not isinstance(doc, dict):
        raise err("expected a mapping at the top", "")
    fid = _text(doc, "id", "", err)
    dims_raw = doc.get("dimensions")
    if not isinstance(dims_raw, list) or not dims_raw:
        raise err("expected a non-empty list", "dimensions")
    seen_dims: set[str] = set()
    seen_inds: set[str] = set()
    dimensions = []
    for di, d in enumerate(dims_raw):
        dp = f"dimensions[{di}]"
        if not isinstance(d, dict):
            raise err("expected a mapping", dp)
        did = _text(d, "id", dp, err)
        if did in seen_dims:
            raise err(f"duplicate dimension id '{did}'", dp)
        seen_dims.add(did)
        inds_raw = d.get("indicators")
        if not isinstance(inds_raw, list) or not inds_raw:
            raise err("expected a non-empty list", f"{dp}.indicators")
        refs = []
        for ii, ind in enumerate(inds_raw):
            ip = f"{dp}.indicators[{ii}]"
            if not isinstance(ind, dict):
                raise err("expected a mapping", ip)
            iid = _text(ind, "id", ip, err)
            if iid in seen_inds:
                raise err(f"indicator '{iid}' appears twice", ip)
            seen_inds.add(iid)
            norm = ind.get("normalise", {"method": "bounded_linear", "worst": 0, "best": 1})
            if not isinstance(norm, dict) or not isinstance(norm.get("method"), str):
                raise err("expected a mapping with a 'method'", f"{ip}.normalise")
            params = {k: v for k, v in norm.items() if k != "method"}
            refs.append(IndicatorRef(id=iid, weight=_weight(ind, ip, err),
                                     normalisation=Normalisation(method=norm["method"], params=params)))
        dimensions.append(Dimension(id=did, titles=_titles(d, dp, err), weight=_weight(d, dp, err),
                                    indicators=tuple(refs)))
    vetoes = []
    for vi, v in enumerate(doc.get("vetoes") or []):
        vp = f"vetoes[{vi}]"
        if not isinstance(v, dict):
            raise err("expected a mapping", vp)
        op = v.get("op")
        if op not in VETO_OPS:
            raise err(f"op must be one of {', '.join(VETO_OPS)}", f"{vp}.op")
        value = v.get("value")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise err("expected a number", f"{vp}.value")
        vetoes.append(VetoRule(id=_text(v, "id", vp, err), titles=_titles(v, vp, err),
                               indicator=_text(v, "indicator", vp, err), op=op, value=float(value),
                               basis=str(v.get("basis", "") or "")))
    aggregation = doc.get("aggregation", "weighted_arithmetic")
    if aggregation not in AGGREGATIONS:
        raise err(f"must be one of {', '.join(AGGREGATIONS)}", "aggregation")
    kinds = doc.get("platform_kinds", ["website"])
    if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
        raise err("expected a list of platform kinds", "platform_kinds")
    checks = doc.get("checks") or []
    if not isinstance(checks, list) or not all(isinstance(c, str) and c for c in checks):
        raise err("expected a list of indicator ids", "checks")
    return Framework(id=fid, titles=_titles(doc, "", err), platform_kinds=tuple(kinds), aggregation=aggregation,
                     dimensions=tuple(dimensions), vetoes=tuple(vetoes), source=source, checks=tuple(checks))


def validate_references(framework: Framework, indicator_ids: set[str], methods: set[str]) -> None:
    """Check that every indicator and normalisation method the framework names exists."""
    for di, d in enumerate(framework.dimensions):
        for ii, ref in enumerate(d.indicators):
            path = f"dimensions[{di}].indicators[{ii}]"
            if ref.id not in indicator_ids:
                raise FrameworkError(f"unknown indicator '{ref.id}'", file=framework.source, field=f"{path}.id")
            if ref.normalisation.method not in methods:
                raise FrameworkError(f"unknown normalisation method '{ref.normalisation.method}' "
                                     f"(known: {', '.join(sorted(methods))})",
                                     file=framework.source, field=f"{path}.normalise.method")
    for ci, c in enumerate(framework.checks):
        if c not in indicator_ids:
            raise FrameworkError(f"unknown indicator '{c}'", file=framework.source, field=f"checks[{ci}]")
    for vi, v in enumerate(framework.vetoes):
        if v.indicator not in indicator_ids:
            raise FrameworkError(f"unknown indicator '{v.indicator}'", file=framework.source,
                                 field=f"vetoes[{vi}].indicator")


def _text(m: dict[str, Any], key: str, path: str, err: Any) -> str:
    value = m.get(key)
    if not isinstance(value, str) or not value.strip():
        raise err("missing or empty", f"{path}.{key}" if path else key)
    return value


def _weight(m: dict[str, Any], path: str, err: Any) -> float:
    value = m.get("weight", 1)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise err("expected a number ≥ 0", f"{path}.weight")
    return float(value)


def _titles(m: dict[str, Any], path: str, err: Any) -> dict[str, str]:
    value = m.get("title")
    if value is None:
        return {}
    if isinstance(value, str):
        return {"zh-CN": value}
    if isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        return dict(value)
    raise err("expected a string or a mapping of locale to string", f"{path}.title" if path else "title")
