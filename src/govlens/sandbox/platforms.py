"""Synthetic platforms beyond the shipped registry: plausible government websites with made-up hosts.

``generate_platforms(shipped, n, seed)`` keeps the first ``n`` shipped platforms and, when ``n`` is
larger, adds generated websites (ids ``gen-00001`` …) drawn from the real provinces, cities and
counties of :mod:`govlens.sandbox.names`, in a mix of award groups close to a national campaign's.
Names, ids and hosts never repeat those of the shipped list. The result depends only on the
arguments.
"""
from __future__ import annotations

import random

from govlens.registry.model import Platform, region_of
from govlens.sandbox.names import (
    CENTRAL_ORGANS, LOCAL_DEPARTMENTS, PROVINCIAL_DEPARTMENTS, SYLLABLES, City, County, Province, city_full,
    provinces,
)

# award group → share of generated platforms (a national campaign has many counties and departments)
GROUP_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("county", 0.26), ("local_department", 0.22), ("prefecture", 0.10), ("municipal_district", 0.06),
    ("sub_provincial_district", 0.06), ("local_court", 0.06), ("local_procuratorate", 0.06),
    ("hightech_zone", 0.04), ("economic_zone", 0.05), ("central", 0.03), ("provincial", 0.02),
    ("sub_provincial_capital", 0.04),
)

_MAX_TRIES = 40


def generate_platforms(shipped: list[Platform], n: int, seed: int) -> list[Platform]:
    """The first ``n`` of ``shipped``, then generated websites until there are ``n``."""
    if n <= len(shipped):
        return list(shipped[:n])
    out = list(shipped)
    gen = _Generator(shipped, seed)
    serial = 0
    while len(out) < n:
        serial += 1
        out.append(gen.next_platform(serial))
    return out


class _Generator:
    def __init__(self, shipped: list[Platform], seed: int) -> None:
        self.rng = random.Random(f"{seed}:platforms")
        self.names = {p.name for p in shipped}
        self.hosts = {p.host for p in shipped}
        self.ids = {p.id for p in shipped}
        self.provs = provinces()
        self.groups = [g for g, _ in GROUP_WEIGHTS]
        self.weights = [w for _, w in GROUP_WEIGHTS]
        self.synth = 0

    # --- entry point
    def next_platform(self, serial: int) -> Platform:
        pid = f"gen-{serial:05d}"
        while pid in self.ids:
            serial += 100000
            pid = f"gen-{serial:05d}"
        self.ids.add(pid)
        for _ in range(_MAX_TRIES):
            group = self.rng.choices(self.groups, self.weights)[0]
            made = getattr(self, f"_make_{group}")()
            if made is None:
                continue
            name, org_type, level, province, label = made
            if name in self.names:
                continue
            return self._finish(pid, name, org_type, level, province, label, group)
        # the real pools are used up: a made-up county
        name, province, label = self._synthetic_county()
        return self._finish(pid, name, "government", "county", province, label, "county")

    def _finish(self, pid: str, name: str, org_type: str, level: str, province: str, label: str,
                group: str) -> Platform:
        self.names.add(name)
        host = self._host(label)
        scheme = "https" if self.rng.random() < 0.45 else "http"
        return Platform(id=pid, name=name, kind="website", org_type=org_type, level=level, province=province,
                        region=region_of(province, level), url=f"{scheme}://{host}/", group=group)

    def _host(self, label: str) -> str:
        host = f"www.{label}.gov.cn"
        k = 1
        while host in self.hosts:
            k += 1
            host = f"www.{label}{k}.gov.cn"
        self.hosts.add(host)
        return host

    # --- pickers
    def _province(self, municipality: bool | None = None) -> Province:
        pool = [p for p in self.provs if municipality is None or p.municipality == municipality]
        return self.rng.choice(pool)

    def _city(self) -> tuple[Province, City]:
        prov = self._province(False)
        return prov, self.rng.choice(prov.cities)

    def _county(self) -> tuple[Province, City, County]:
        prov, city = self._city()
        return prov, city, self.rng.choice(city.counties)

    # --- one maker per award group: (name, org_type, level, province, host label) or None
    def _make_central(self):
        free = [(n, h) for n, h in CENTRAL_ORGANS if n not in self.names]
        if not free:
            return None
        name, label = self.rng.choice(free)
        return name, "department", "central", "", label

    def _make_provincial(self):
        prov = self._province()
        return f"{prov.full}人民政府", "government", "provincial", prov.name, prov.pinyin

    def _make_sub_provincial_capital(self):
        prov = self._province(False)
        cands = [c for c in prov.cities if c.capital or c.sub_provincial]
        city = self.rng.choice(cands)
        level = "sub_provincial" if city.sub_provincial else "prefecture"
        return f"{city_full(city)}人民政府", "government", level, prov.name, city.pinyin

    def _make_prefecture(self):
        prov, city = self._city()
        if city.capital or city.sub_provincial:
            return None
        return f"{city_full(city)}人民政府", "government", "prefecture", prov.name, city.pinyin

    def _make_municipal_district(self):
        prov = self._province(True)
        d = self.rng.choice(prov.districts)
        return f"{prov.full}{d.name}人民政府", "government", "county", prov.name, f"{prov.pinyin[:2]}{d.pinyin}"

    def _make_sub_provincial_district(self):
        prov = self._province(False)
        cities = [c for c in prov.cities if c.sub_provincial]
        if not cities:
            return None
        city = self.rng.choice(cities)
        d = self.rng.choice([c for c in city.counties if c.name.endswith("区")] or city.counties)
        return f"{city_full(city)}{d.name}人民政府", "government", "county", prov.name, d.pinyin

    def _make_county(self):
        prov, city, c = self._county()
        if not c.name.endswith(("县", "市", "区", "旗")) or (city.sub_provincial and c.name.endswith("区")):
            return None
        return f"{c.name}人民政府", "government", "county", prov.name, c.pinyin

    def _make_local_department(self):
        r = self.rng.random()
        if r < 0.25:
            prov = self._province()
            if prov.municipality:
                dept, abbr = self.rng.choice(LOCAL_DEPARTMENTS)
            else:
                dept, abbr = self.rng.choice(PROVINCIAL_DEPARTMENTS)
            return f"{prov.full}{dept}", "department", "provincial", prov.name, f"{prov.pinyin}{abbr}"
        if r < 0.8:
            prov, city = self._city()
            dept, abbr = self.rng.choice(LOCAL_DEPARTMENTS)
            return f"{city_full(city)}{dept}", "department", "prefecture", prov.name, f"{city.pinyin}{abbr}"
        prov, city, c = self._county()
        if not c.name.endswith(("县", "市", "区")):
            return None
        dept, abbr = self.rng.choice(LOCAL_DEPARTMENTS)
        return f"{c.name}{dept}", "department", "county", prov.name, f"{c.pinyin}{abbr}"

    def _make_local_court(self):
        return self._judicial("court", "court", ("高级人民法院", "中级人民法院", "人民法院"))

    def _make_local_procuratorate(self):
        return self._judicial("procuratorate", "jcy", ("人民检察院", "人民检察院", "人民检察院"))

    def _judicial(self, org_type: str, tag: str, suffixes: tuple[str, str, str]):
        r = self.rng.random()
        if r < 0.15:
            prov = self._province()
            return f"{prov.full}{suffixes[0]}", org_type, "provincial", prov.name, f"{prov.pinyin}{tag}"
        if r < 0.55:
            prov, city = self._city()
            return f"{city_full(city)}{suffixes[1]}", org_type, "prefecture", prov.name, f"{city.pinyin}{tag}"
        prov, city, c = self._county()
        if not c.name.endswith(("县", "市", "区")):
            return None
        return f"{c.name}{suffixes[2]}", org_type, "county", prov.name, f"{c.pinyin}{tag}"

    def _make_hightech_zone(self):
        prov, city = self._city()
        return (f"{city.name}高新技术产业开发区管理委员会", "development_zone", "prefecture", prov.name,
                f"{city.pinyin}hitech")

    def _make_economic_zone(self):
        prov, city = self._city()
        return (f"{city.name}经济技术开发区管理委员会", "development_zone", "prefecture", prov.name,
                f"{city.pinyin}etdz")

    def _synthetic_county(self) -> tuple[str, str, str]:
        while True:
            self.synth += 1
            picked = self.rng.sample(SYLLABLES, 2 if self.synth < 2000 else 3)
            name = "".join(c for c, _ in picked) + "县人民政府"
            if name not in self.names:
                prov = self._province(False)
                return name, prov.name, "".join(p for _, p in picked)
