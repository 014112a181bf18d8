"""友情链接: which campaign sites and national hosts each site's footer links to.

Drawn after every site is built (a site links only to healthy ones), from each site's own stream
``f"{seed}:{id}:links"``, so adding a site changes no other site's earlier draws.
"""
from __future__ import annotations

import random

from govlens.sandbox.site import Site


def link_sites(sites: list[Site], national: dict[str, str], seed: int) -> None:
    """友情链接: 3–6 healthy campaign sites (same province first) and 2–4 national hosts, by homepage URL."""
    healthy = [s for s in sites if s.healthy]
    by_prov: dict[str, list[Site]] = {}
    for s in healthy:
        by_prov.setdefault(s.platform.province, []).append(s)
    nat = list(national.items())
    for s in sites:
        rng = random.Random(f"{seed}:{s.platform.id}:links")
        k = rng.randint(3, 6)
        picked: list[Site] = []
        same = [x for x in by_prov.get(s.platform.province, []) if x is not s]
        if same:
            picked += rng.sample(same, min(2, len(same)))
        for i in rng.sample(range(len(healthy)), min(k + 4, len(healthy))):
            x = healthy[i]
            if len(picked) >= k:
                break
            if x is not s and all(x is not y for y in picked):
                picked.append(x)
        s.friends = [(x.name, x.platform.url.strip()) for x in picked]
        s.nationals = [(n, f"http://{h}/") for h, n in rng.sample(nat, min(rng.randint(2, 4), len(nat)))]

