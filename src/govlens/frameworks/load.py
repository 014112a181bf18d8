"""Load and validate framework YAML files (shipped by name, or any file by path).

Every mistake is reported with the file, the line and the key path
(``dimensions[2].indicators[0].weight``), before any scoring starts. Indicator ids are checked
against the indicator registry, and method names against the scoring registries, by the caller
that has both (:func:`validate_references`, :func:`validate_methods`), so this module stays
below those stages.

Keys beyond the 2013 file's (all optional; see docs/methodology.md for what each method does)::

    aggregation: weighted_arithmetic      # or {method: generalised_mean, p: 0.5}, or a list: one per level
    weighting: {method: expert}           # expert | equal | ahp | entropy | critic | pca | budget
    impute: {method: none}                # none | indicator_mean | indicator_median | group_mean | group_median
    treat: {method: none}                 # none | winsorise (COINr defaults) | log_ct | log
    screen: {min_availability: 0.5}       # units with fewer indicators than this share get no index
    index: {aggregation: …, weighting: …} # how the top dimensions combine into the index
    deductions: [...]                     # points off the index (2019 scheme), bonuses: [...], qualify: {min_index: 60}
    rules: census-2015                    # the published thresholds the rules name (frameworks/thresholds.py)
    aliases: [foreign-2013]               # former ids: load_framework finds it by them, stores under them match
    uncertainty: {replications: 1000, weights: {noise: 0.25}, normalisation: [minmax], …}
                                          # a list: alternatives beside the nominal; {choices: [...]}: exactly these
    table: {id: code, name: name, group: group}   # columns of an indicator table for `govlens index`
    rank: {ties: min}                     # min | max | average | dense | first, or a list: one per level
                                          # by_findings: true — equal indices split by fewer findings first
    dimensions[i]: aggregation, weighting, dimensions (sub-dimensions)
    indicators[j]: direction (1 / -1), denominate: {by: population, scale: 10000}, impute, treat
"""
from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from govlens import messages
from govlens.errors import FrameworkError
from govlens.frameworks.fields import (Err, aggregation_levels, aggregation_spec, bool_at, listed,
                                       method_spec, number_at, reason, refuse_unknown_keys, share_at, text_at,
                                       titles_at, unknown_name, weight_at)
from govlens.frameworks.model import (EXPERT, NOMINAL, NONE, Dimension, Framework, IndicatorRef, MethodSpec,
                                      UncertaintySpec)
from govlens.frameworks.rules import line_at, parse_points, parse_vetoes, rule_indicators
from govlens.frameworks.thresholds import rules_of
from govlens.frameworks.review import parse_review
from govlens.yamlfile import read_yaml, read_yaml_lines, shipped_names, with_line

TIES = ("min", "max", "average", "dense", "first")     # as pandas names them (govlens.scoring.rank)


def builtin_frameworks() -> list[str]:
    return shipped_names("govlens.frameworks")


@lru_cache(maxsize=1)
def shipped_aliases() -> dict[str, str]:
    """Former id → current id of the shipped frameworks (their ``aliases``), so a renamed framework is
    still found by the name older campaign files, awards files and stores give it."""
    out: dict[str, str] = {}
    shipped = set(builtin_frameworks())
    for name in sorted(shipped):
        doc, source = read_yaml(name, "govlens.frameworks", FrameworkError, "framework")
        aliases = doc.get("aliases") if isinstance(doc, dict) else None
        for alias in aliases if isinstance(aliases, list) else ():
            if not isinstance(alias, str) or alias == name:
                continue
            if alias in shipped or alias in out:
                raise FrameworkError(messages.t("framework_alias.taken", alias=messages.quote(alias),
                                                id=messages.quote(out.get(alias, alias))),
                                     file=source, field="aliases")
            out[alias] = name
    return out


def canonical_name(name_or_path: str | Path) -> str | Path:
    """The current id of a shipped framework named by a former id; anything else unchanged."""
    if (isinstance(name_or_path, str) and not name_or_path.endswith((".yaml", ".yml"))
            and name_or_path not in builtin_frameworks()):        # the aliases are read only for a name not shipped
        return shipped_aliases().get(name_or_path, name_or_path)
    return name_or_path


def former_ids(name: str) -> tuple[str, ...]:
    """Every id the shipped framework ``name`` (a current or former id) goes by, the current first."""
    current = canonical_name(name)
    return (str(current), *[a for a, c in shipped_aliases().items() if c == current])


def load_framework(name_or_path: str | Path) -> Framework:
    """Load a shipped framework by name (``website-2013``) or former id (``foreign-2013``: the framework
    under its current id), or any YAML file by path."""
    name_or_path = canonical_name(name_or_path)
    doc, source, lines = read_yaml_lines(name_or_path, "govlens.frameworks", FrameworkError, "framework")
    try:
        return parse_framework(doc, source, lines)
    except FrameworkError as exc:
        raise with_line(exc) from None


def parse_framework(doc: Any, source: str = "<framework>", lines: Mapping[str, int] | None = None) -> Framework:
    lines = dict(lines or {})

    def err(msg: str, path: str) -> FrameworkError:
        return FrameworkError(msg, file=source, line=line_at(lines, path), field=path or None)

    if not isinstance(doc, dict):
        raise err(reason("top_mapping"), "")
    if doc.get("scheme") == "inspection":
        raise err(reason("inspection_not_index"), "scheme")
    fid = text_at(doc, "id", "", err)
    dims_raw = doc.get("dimensions")
    if not isinstance(dims_raw, list) or not dims_raw:
        raise err(reason("non_empty_list"), "dimensions")
    seen_nodes: set[str] = set()
    seen_inds: set[str] = set()
    dimensions = tuple(_dimension(d, f"dimensions[{i}]", err, seen_nodes, seen_inds) for i, d in enumerate(dims_raw))

    rules = rules_of(doc, source, err)
    limits = rules.values()
    vetoes = parse_vetoes(doc, err, limits)
    deductions, bonuses = parse_points(doc, "deductions", err, limits), parse_points(doc, "bonuses", err, limits)

    agg_default, agg_levels = aggregation_levels(doc.get("aggregation", "weighted_arithmetic"), "aggregation", err)
    kinds = doc.get("platform_kinds", ["website"])
    if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
        raise err(reason("list_of_kinds"), "platform_kinds")
    groups = doc.get("platform_groups", [])
    if not isinstance(groups, list) or not all(isinstance(g, str) and g for g in groups):
        raise err(reason("list_of_groups"), "platform_groups")
    index = doc.get("index") or {}
    if not isinstance(index, dict):
        raise err(reason("index_mapping"), "index")
    refuse_unknown_keys(index, {"aggregation", "weighting"}, "index", err)
    screen = doc.get("screen") or {}
    if not isinstance(screen, dict):
        raise err(reason("mapping_like", example="{min_availability: 0.5}"), "screen")
    refuse_unknown_keys(screen, {"min_availability"}, "screen", err)
    qualify = doc.get("qualify") or {}
    if not isinstance(qualify, dict):
        raise err(reason("mapping_like", example="{min_index: 60}"), "qualify")
    refuse_unknown_keys(qualify, {"min_index"}, "qualify", err)
    table = doc.get("table") or {}
    if not isinstance(table, dict) or not all(isinstance(v, str) and v for v in table.values()):
        raise err(reason("table_mapping"), "table")
    refuse_unknown_keys(table, {"id", "name", "group"}, "table", err)
    ties = _ties(doc.get("rank"), dimensions, err)
    by_findings = _by_findings(doc.get("rank"), err)
    checks = doc.get("checks") or []
    if not isinstance(checks, list) or not all(isinstance(c, str) and c for c in checks):
        raise err(reason("list_of_indicators"), "checks")
    aliases = doc.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
        raise err(messages.t("framework_alias.list"), "aliases")
    return Framework(
        id=fid, titles=titles_at(doc, "", err), platform_kinds=tuple(kinds), aggregation=agg_default.method,
        dimensions=dimensions, vetoes=vetoes, source=source, aggregation_params=dict(agg_default.params),
        aggregation_levels=agg_levels,
        weighting=method_spec(doc.get("weighting"), "weighting", err) or EXPERT,
        index_aggregation=aggregation_spec(index.get("aggregation"), "index.aggregation", err),
        index_weighting=method_spec(index.get("weighting"), "index.weighting", err),
        impute=method_spec(doc.get("impute"), "impute", err) or NONE,
        treat=method_spec(doc.get("treat"), "treat", err) or NONE,
        min_availability=share_at(screen.get("min_availability", 0.0), "screen.min_availability", err),
        deductions=deductions, bonuses=bonuses,
        qualify_min=None if qualify.get("min_index") is None else number_at(qualify["min_index"], "qualify.min_index", err),
        uncertainty=_uncertainty(doc.get("uncertainty"), "uncertainty", err),
        table=dict(table), lines=lines, checks=tuple(checks),
        platform_groups=tuple(groups), review=parse_review(doc.get("review"), err), ties=ties,
        ties_by_findings=by_findings, thresholds=rules, aliases=tuple(aliases))


def _by_findings(value: Any, err: Err) -> bool:
    """``rank: {by_findings: true}``: equal indices are split by the findings count (fewer ranks higher)."""
    if not isinstance(value, dict) or "by_findings" not in value:
        return False
    if not isinstance(value["by_findings"], bool):
        raise err(reason("bool"), "rank.by_findings")
    return value["by_findings"]


def _ties(value: Any, dimensions: tuple[Dimension, ...], err: Err) -> tuple[str, ...]:
    """``rank: {ties: min}`` (every level) or ``{ties: [dense, min]}`` (one per level, the index last)."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise err(reason("mapping_like", example="{ties: min}"), "rank")
    refuse_unknown_keys(value, {"ties", "by_findings"}, "rank", err)
    ties = value.get("ties", "min")
    items = ties if isinstance(ties, list) else [ties]
    for i, t in enumerate(items):
        if t not in TIES:
            raise err(reason("one_of", names=listed(TIES)), f"rank.ties[{i}]" if isinstance(ties, list) else "rank.ties")

    def height(d: Dimension) -> int:
        return 1 if d.indicators else 1 + max(height(s) for s in d.dimensions)

    levels = 1 + max(height(d) for d in dimensions)
    if isinstance(ties, list) and len(items) != levels:
        raise err(reason("ties_levels", given=len(items), levels=levels), "rank.ties")
    return tuple(items)


def _dimension(d: Any, dp: str, err: Err, seen_nodes: set[str], seen_inds: set[str]) -> Dimension:
    if not isinstance(d, dict):
        raise err(reason("mapping"), dp)
    did = text_at(d, "id", dp, err)
    if did in seen_nodes or did in seen_inds or did == "index":
        raise err(reason("duplicate_id", id=did) if did != "index" else reason("index_reserved"), f"{dp}.id")
    seen_nodes.add(did)
    inds_raw, subs_raw = d.get("indicators"), d.get("dimensions")
    if (inds_raw is None) == (subs_raw is None):
        raise err(reason("dimension_either"), dp)
    refs: list[IndicatorRef] = []
    subs: list[Dimension] = []
    if inds_raw is not None:
        if not isinstance(inds_raw, list) or not inds_raw:
            raise err(reason("non_empty_list"), f"{dp}.indicators")
        for ii, ind in enumerate(inds_raw):
            refs.append(_indicator(ind, f"{dp}.indicators[{ii}]", err, seen_nodes, seen_inds))
    else:
        if not isinstance(subs_raw, list) or not subs_raw:
            raise err(reason("non_empty_list"), f"{dp}.dimensions")
        subs = [_dimension(s, f"{dp}.dimensions[{si}]", err, seen_nodes, seen_inds) for si, s in enumerate(subs_raw)]
    return Dimension(id=did, titles=titles_at(d, dp, err), weight=weight_at(d, dp, err), indicators=tuple(refs),
                     dimensions=tuple(subs), aggregation=aggregation_spec(d.get("aggregation"), f"{dp}.aggregation", err),
                     weighting=method_spec(d.get("weighting"), f"{dp}.weighting", err), path=dp)


def _indicator(ind: Any, ip: str, err: Err, seen_nodes: set[str], seen_inds: set[str]) -> IndicatorRef:
    if not isinstance(ind, dict):
        raise err(reason("mapping"), ip)
    iid = text_at(ind, "id", ip, err)
    if iid in seen_inds:
        raise err(reason("indicator_twice", id=iid), ip)
    if iid in seen_nodes or iid == "index":
        raise err(reason("indicator_is_dimension", id=iid), f"{ip}.id")
    seen_inds.add(iid)
    norm = ind.get("normalise", {"method": "bounded_linear", "worst": 0, "best": 1})
    if not isinstance(norm, dict) or not isinstance(norm.get("method"), str):
        raise err(reason("method_mapping"), f"{ip}.normalise")
    direction = ind.get("direction", 1)
    if direction not in (1, -1) or isinstance(direction, bool):
        raise err(reason("direction"), f"{ip}.direction")
    denominator, scale = None, 1.0
    den = ind.get("denominate")
    if den is not None:
        if isinstance(den, str):
            den = {"by": den}
        if not isinstance(den, dict) or not isinstance(den.get("by"), str) or not den["by"]:
            raise err(reason("denominate", example="{by: column, scale: number}"), f"{ip}.denominate")
        refuse_unknown_keys(den, {"by", "scale"}, f"{ip}.denominate", err)
        denominator = den["by"]
        scale = number_at(den.get("scale", 1), f"{ip}.denominate.scale", err)
        if scale == 0:
            raise err(reason("not_zero"), f"{ip}.denominate.scale")
    return IndicatorRef(id=iid, weight=weight_at(ind, ip, err),
                        normalisation=MethodSpec(norm["method"], {k: v for k, v in norm.items() if k != "method"}),
                        direction=int(direction), denominator=denominator, denominator_scale=scale,
                        impute=method_spec(ind.get("impute"), f"{ip}.impute", err),
                        treat=method_spec(ind.get("treat"), f"{ip}.treat", err), path=ip)


def _uncertainty(u: Any, up: str, err: Err) -> UncertaintySpec | None:
    if u is None or u is False:
        return None
    if u is True:
        return UncertaintySpec()
    if not isinstance(u, dict):
        raise err(reason("mapping_or_false"), up)
    refuse_unknown_keys(u, {"replications", "seed", "weights", "normalisation", "aggregation", "imputation", "treatment",
               "sensitivity", "interval"}, up, err)
    reps = u.get("replications", 1000)
    if isinstance(reps, bool) or not isinstance(reps, int) or reps < 1:
        raise err(reason("whole_number_min", minimum=1), f"{up}.replications")
    seed = u.get("seed", 2013)
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise err(reason("whole_number"), f"{up}.seed")
    weights = u.get("weights", {}) or {}
    if not isinstance(weights, dict):
        raise err(reason("mapping_like", example="{noise: 0.25, levels: [1, 2]}"), f"{up}.weights")
    refuse_unknown_keys(weights, {"noise", "levels"}, f"{up}.weights", err)
    noise = share_at(weights.get("noise", 0.25), f"{up}.weights.noise", err)
    levels = weights.get("levels", [])
    if not isinstance(levels, list) or not all(isinstance(x, int) and not isinstance(x, bool) and x >= 1
                                               for x in levels):
        raise err(reason("levels_list"), f"{up}.weights.levels")
    interval = u.get("interval", [0.05, 0.95])
    if (not isinstance(interval, list) or len(interval) != 2
            or not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in interval)
            or not 0 <= interval[0] < interval[1] <= 1):
        raise err(reason("quantiles"), f"{up}.interval")

    exact: list[str] = []

    def alternatives(key: str, agg: bool = False) -> tuple[MethodSpec, ...]:
        """A list: alternatives drawn beside the nominal method. ``{choices: [...]}``: exactly these
        (``nominal`` among them stands for the framework's own method)."""
        raw = u.get(key, []) or []
        path = f"{up}.{key}"
        if isinstance(raw, dict):
            refuse_unknown_keys(raw, {"choices"}, path, err)
            raw = raw.get("choices")
            path = f"{path}.choices"
            if not isinstance(raw, list) or not raw:
                raise err(reason("choices_list"), path)
            exact.append(key)
        elif not isinstance(raw, list):
            raise err(reason("alternatives", example="{choices: [...]}"), path)
        out = []
        for i, item in enumerate(raw):
            if item == NOMINAL.method and key in exact:
                out.append(NOMINAL)
                continue
            spec = (aggregation_spec if agg else method_spec)(item, f"{path}[{i}]", err)
            if spec is not None:
                out.append(spec)
        return tuple(out)

    normalisation, aggregation = alternatives("normalisation"), alternatives("aggregation", True)
    imputation, treatment = alternatives("imputation"), alternatives("treatment")
    return UncertaintySpec(replications=reps, seed=seed, weight_noise=noise, weight_levels=tuple(levels),
                           normalisation=normalisation, aggregation=aggregation,
                           imputation=imputation, treatment=treatment,
                           sensitivity=bool_at(u.get("sensitivity", True), f"{up}.sensitivity", err),
                           interval=(float(interval[0]), float(interval[1])), exact=tuple(exact))


def validate_references(framework: Framework, indicator_ids: set[str], methods: set[str]) -> None:
    """Check that every indicator and normalisation method the framework names exists."""
    def err(msg: str, path: str) -> FrameworkError:
        return FrameworkError(msg, file=framework.source, line=framework.line_of(path), field=path)

    for ref in framework.leaves():
        if ref.id not in indicator_ids:
            raise err(unknown_name("unknown_indicator", ref.id, indicator_ids), f"{ref.path}.id")
        if ref.normalisation.method not in methods:
            raise err(unknown_name("unknown_method", ref.normalisation.method, methods, registry="normalise"),
                      f"{ref.path}.normalise.method")
    for path, iid in rule_indicators({"vetoes": framework.vetoes, "deductions": framework.deductions,
                                      "bonuses": framework.bonuses}):
        if iid not in indicator_ids:
            raise err(unknown_name("unknown_indicator", iid, indicator_ids), path)
    for ci, c in enumerate(framework.checks):
        if c not in indicator_ids:
            raise err(unknown_name("unknown_indicator", c, indicator_ids), f"checks[{ci}]")


def method_fields(framework: Framework) -> list[tuple[str, str, MethodSpec]]:
    """Every method the framework names, as (registry, key path, spec): for :func:`validate_methods`."""
    out: list[tuple[str, str, MethodSpec]] = [("aggregate", "aggregation", MethodSpec(framework.aggregation)),
                                             ("weight", "weighting", framework.weighting),
                                             ("impute", "impute", framework.impute),
                                             ("treat", "treat", framework.treat)]
    out += [("aggregate", f"aggregation[{i}]", s) for i, s in enumerate(framework.aggregation_levels)]
    if framework.index_aggregation:
        out.append(("aggregate", "index.aggregation", framework.index_aggregation))
    if framework.index_weighting:
        out.append(("weight", "index.weighting", framework.index_weighting))
    for d in framework.all_dimensions():
        if d.aggregation:
            out.append(("aggregate", f"{d.path}.aggregation", d.aggregation))
        if d.weighting:
            out.append(("weight", f"{d.path}.weighting", d.weighting))
    for ref in framework.leaves():
        out.append(("normalise", f"{ref.path}.normalise.method", ref.normalisation))
        if ref.impute:
            out.append(("impute", f"{ref.path}.impute", ref.impute))
        if ref.treat:
            out.append(("treat", f"{ref.path}.treat", ref.treat))
    u = framework.uncertainty
    if u:
        for key, registry, specs in (("normalisation", "normalise", u.normalisation),
                                     ("aggregation", "aggregate", u.aggregation),
                                     ("imputation", "impute", u.imputation), ("treatment", "treat", u.treatment)):
            where = f"uncertainty.{key}.choices" if key in u.exact else f"uncertainty.{key}"
            out += [(registry, f"{where}[{i}]", s) for i, s in enumerate(specs) if s is not NOMINAL]
    return out


def validate_methods(framework: Framework, registries: Mapping[str, set[str]]) -> None:
    """Check every method name against the engine's registries (``normalise``, ``aggregate`` …)."""
    for registry, path, spec in method_fields(framework):
        known = registries.get(registry)
        if known is not None and spec.method not in known:
            raise FrameworkError(unknown_name("unknown_method", spec.method, known, registry=registry),
                                 file=framework.source, line=framework.line_of(path), field=path)
