"""A framework as it can score one site alone: absolute thresholds only, no group, no rank.

A campaign normalises each indicator against the framework's rule; most rules of the shipped
frameworks are already absolute (``bounded_linear`` / ``log_linear`` between published or stated
goalposts, Lighthouse's ``lognormal`` curve, categorical maps), so one site gets the score it would
get in any campaign. What cannot be judged alone is left out of the index and said so:

- indicators normalised *against the other units* (min-max, z-score, ranks, distances to the mean,
  maximum or worst, percentiles): with one unit they are degenerate (every min-max is 0 or 100).
  The framework's ``bounded_linear`` goalposts are the reference bounds the campaign would use; an
  indicator with only a data-driven rule has no such bounds, so inventing them would be a score the
  campaign never gives. It is listed as *needs a campaign*;
- indicators that measure the site *against the campaign* (links from the other sites of the
  registry, the change against the previous campaign): one site has no campaign;
- outlier treatment and imputation (they read the distribution of the group) and the Monte Carlo
  of the rank intervals (a rank of one is not a rank).

A dimension left with no indicator is left out and the remaining dimensions keep their weights;
the index is the weighted mean of what was scored, as in a campaign with missing values.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from govlens.frameworks.model import NONE, Dimension, Framework, IndicatorRef
from govlens.indicators.catalogue import campaign_wide

ABSOLUTE_METHODS = frozenset({"bounded_linear", "goalposts", "log_linear", "lognormal", "distance_to_target",
                              "categorical", "none"})


@dataclass(frozen=True)
class SingleSite:
    framework: Framework                 # the framework as scored here
    left_out: tuple[tuple[str, str], ...]   # (indicator id, reason key: "relative" | "campaign")


def absolute(ref: IndicatorRef) -> bool:
    """Does ``ref``'s normalisation score a unit without looking at the others?"""
    spec = ref.normalisation
    if spec.method in ABSOLUTE_METHODS:
        return True
    if spec.method == "categorical_scale":
        return spec.params.get("on", "value") != "percentile"
    if spec.method == "distance_to_reference":
        return spec.params.get("value") is not None
    return False


def single_site(framework: Framework) -> SingleSite:
    """``framework`` without what needs other units, and without treatment, imputation and uncertainty."""
    left: list[tuple[str, str]] = []

    def keep(ref: IndicatorRef) -> bool:
        if ref.id in campaign_wide():
            left.append((ref.id, "campaign"))
            return False
        if not absolute(ref):
            left.append((ref.id, "relative"))
            return False
        return True

    def prune(d: Dimension) -> Dimension | None:
        refs = tuple(dataclasses.replace(r, impute=None, treat=None) for r in d.indicators if keep(r))
        subs = tuple(s for s in (prune(s) for s in d.dimensions) if s is not None)
        if not refs and not subs:
            return None
        return dataclasses.replace(d, indicators=refs, dimensions=subs)

    dims = tuple(d for d in (prune(d) for d in framework.dimensions) if d is not None)
    scored = dataclasses.replace(framework, dimensions=dims, uncertainty=None, impute=NONE, treat=NONE,
                                 min_availability=0.0)
    return SingleSite(scored, tuple(left))
