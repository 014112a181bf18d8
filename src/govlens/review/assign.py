"""Balanced assignment of platforms to experts, never of their own region when so configured.

Each platform gets ``k`` experts; platforms with the fewest eligible experts are placed first,
and each takes the eligible experts with the lightest load so far (ties broken by a hash of
expert and platform, so no expert always comes first). Loads then differ by at most one or two
whenever the eligibility rule allows it. Why by hand: the rule is a dozen lines; a
min-cost-flow library would give the same loads with a dependency more.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence

from govlens import messages
from govlens.errors import ConfigError
from govlens.registry.model import Platform
from govlens.review.experts import Expert


def eligible(expert: Expert, platform: Platform, exclude_own: str) -> bool:
    """May ``expert`` review ``platform``? ``exclude_own``: "region", "province" or "none"."""
    if exclude_own == "region":
        return not expert.region or expert.region != platform.region
    if exclude_own == "province":
        return not expert.province or expert.province != platform.province
    return True


def assign(platforms: Sequence[Platform], experts: Sequence[Expert], k: int, exclude_own: str = "region",
           load: dict[str, int] | None = None) -> dict[str, list[str]]:
    """Platform id → the ids of its ``k`` experts. ``load`` (expert → platforms already given) is updated."""
    if exclude_own not in ("region", "province", "none"):
        raise ConfigError(messages.t("review.exclude_own", value=exclude_own),
                          field="REVIEW_EXCLUDE_OWN")
    load = load if load is not None else {}
    for e in experts:
        load.setdefault(e.id, 0)
    pools = {p.id: [e for e in experts if eligible(e, p, exclude_own)] for p in platforms}
    out: dict[str, list[str]] = {}
    for p in sorted(platforms, key=lambda p: (len(pools[p.id]), p.id)):
        pool = pools[p.id]
        if len(pool) < k:
            raise ConfigError(messages.t("review.too_few_experts", id=p.id, name=p.name, n=len(pool), k=k,
                                          own=messages.word("review_own", exclude_own)), field="reviewers")
        ranked = sorted(pool, key=lambda e: (load[e.id], hashlib.sha1(f"{e.id}:{p.id}".encode()).hexdigest()))
        chosen = [e.id for e in ranked[:k]]
        for eid in chosen:
            load[eid] += 1
        out[p.id] = chosen
    return out
