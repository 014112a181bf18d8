"""The sandbox web as it was a year before: the previous campaign that 快速发展 (fast development) needs.

:func:`previous_year` takes a sandbox web and returns the same web with a share of its sites
(``RATE_FAST``, drawn from ``f"{seed}:{id}:previous"``) in a worse state than today: no viewport,
no title or description, no site search, and two more columns left stale. These are the sites
that *developed fast*: served as the previous campaign's web (``govlens sandbox serve
--previous-year``, dated a year earlier), scanned and scored, and compared with this year's
campaign, they are the ones whose index rose most. :func:`fast_developers` names them (the
ground truth). Every other site is served as it is this year.
"""
from __future__ import annotations

import dataclasses
import random
from collections import OrderedDict

from govlens.contract import defects as D
from govlens.sandbox.site import NEWEST_DAYS, Site
from govlens.sandbox.web import SandboxWeb

RATE_FAST = 0.3
WORSE = (D.NO_VIEWPORT, D.MISSING_TITLE, D.MISSING_DESCRIPTION, D.NO_SITE_SEARCH)
STALE_MORE = 2


def fast_developers(web: SandboxWeb) -> list[str]:
    return [s.platform.id for s in web.sites if _fast(web.seed, s)]


def _fast(seed: int, s: Site) -> bool:
    return D.SITE_DOWN not in s.flags and random.Random(f"{seed}:{s.platform.id}:previous").random() < RATE_FAST


def previous_year(web: SandboxWeb) -> SandboxWeb:
    sites = []
    for s in web.sites:
        if not _fast(web.seed, s):
            sites.append(s)
            continue
        rng = random.Random(f"{web.seed}:{s.platform.id}:previous:columns")
        columns = [dataclasses.replace(c) for c in s.columns]
        fresh = [c for c in columns[1:] if c.state == "ok"]
        for c in rng.sample(fresh, min(STALE_MORE, len(fresh))):
            lo, hi = NEWEST_DAYS[c.kind.ctype][1]
            c.state, c.newest = "stale", rng.randint(lo, hi)
        sites.append(dataclasses.replace(s, flags=s.flags | set(WORSE), columns=columns))
    return dataclasses.replace(web, sites=sites, _by_host={}, _cache=OrderedDict(), _search_cache=OrderedDict())
