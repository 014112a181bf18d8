"""Which websites the browser renders (``BROWSER_SAMPLE``): a render costs ≈ 1.6 CPU-s a homepage, 5–7× the
CPU of the whole HTTP scan of the site, so a national campaign renders a sample, sized to the campaign.

- ``auto`` (the default): every website when the campaign has at most :data:`AUTO_ALL` (2,000) of them;
  beyond, :data:`AUTO_ALL` or :data:`AUTO_SHARE` (2 %) of them, whichever is more (2,000 of 100,000),
  in a deterministic sample stratified by award group × province (:func:`stratified`);
- ``0``: every website;
- ``N``: every website when there are at most N, else N of them chosen by a hash of their ids (a
  simple random sample: the demo's 40, as before ``auto`` existed).

A website outside the sample has no ``render`` observation: its browser indicators are *missing*
("未经浏览器渲染（不在浏览器抽样范围内，或无浏览器）" in its scorecard), never zero or failed, and the
framework's aggregation re-weights its other indicators. The same ids are chosen on every run of the same
registry (the hash of ``seed:id``), so a resumed pass renders the same sites.

Allocation by hand, not pandas' ``groupby().sample`` or scikit-learn's stratified split: both draw with a
random state over the row order (a registry edited elsewhere would move every choice) and neither keeps
a floor of one site per stratum; this is a few lines of largest-remainder arithmetic on a hash order.
"""
from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govlens.registry.model import Platform

AUTO = "auto"
AUTO_ALL = 2000           # websites rendered, all of them, before the campaign is sampled
AUTO_SHARE = 0.02         # the sample's share of a campaign larger than that (when it is more than AUTO_ALL)


def parse(value: object) -> int | str | None:
    """``BROWSER_SAMPLE`` as ``"auto"`` or a count ≥ 0; None when it is neither (the setting's check)."""
    text = str(value).strip().lower()
    if text == AUTO:
        return AUTO
    return int(text) if text.isascii() and text.isdigit() else None


def auto_size(websites: int) -> int:
    """How many of ``websites`` the ``auto`` rule renders."""
    return websites if websites <= AUTO_ALL else max(AUTO_ALL, math.ceil(AUTO_SHARE * websites))


def _hash(seed: str) -> Callable[[str], str]:
    return lambda text: hashlib.sha256(f"{seed}:{text}".encode()).hexdigest()


def stratified(web: list[Platform], n: int, seed: str = "govlens") -> list[Platform]:
    """``n`` of ``web``, stratified by (group, province): every stratum gets one site when ``n`` allows it,
    the rest is shared in proportion to the strata's sizes (largest remainders, ties by a hash of the
    stratum); within a stratum the sites come in the order of a hash of their ids. Registry order kept."""
    if n >= len(web):
        return list(web)
    h = _hash(seed)
    strata: dict[tuple[str, str], list[Platform]] = {}
    for p in web:
        strata.setdefault((p.group or "", p.province or ""), []).append(p)
    for members in strata.values():
        members.sort(key=lambda p: h(p.id))
    base = {key: 1 if n >= len(strata) else 0 for key in strata}
    rest = {key: len(members) - base[key] for key, members in strata.items()}
    budget, pool = n - sum(base.values()), sum(rest.values())
    quota = {key: budget * rest[key] / pool if pool else 0.0 for key in strata}
    alloc = {key: base[key] + math.floor(quota[key]) for key in strata}
    left = n - sum(alloc.values())
    by_remainder = sorted(strata, key=lambda key: (-(quota[key] - math.floor(quota[key])), h("|".join(key))))
    for key in by_remainder[:left]:
        alloc[key] += 1
    chosen = {p.id for key, members in strata.items() for p in members[:alloc[key]]}
    return [p for p in web if p.id in chosen]


def hashed(web: list[Platform], n: int, seed: str = "govlens") -> list[Platform]:
    """``n`` of ``web`` chosen by a hash of their ids (all of them when ``n`` <= 0), in registry order."""
    if n <= 0 or n >= len(web):
        return list(web)
    h = _hash(seed)
    chosen = {p.id for p in sorted(web, key=lambda p: h(p.id))[:n]}
    return [p for p in web if p.id in chosen]


def choose(web: Iterable[Platform], setting: object, seed: str = "govlens") -> list[Platform]:
    """The websites ``BROWSER_SAMPLE`` = ``setting`` renders, of the renderable ``web``."""
    web = list(web)
    rule = parse(setting)
    if rule == AUTO:
        return stratified(web, auto_size(len(web)), seed)
    if rule is None:
        raise ValueError(f"BROWSER_SAMPLE: {setting!r}")     # refused when the setting is set; never here
    return hashed(web, int(rule), seed)
