"""BROWSER_SAMPLE: which websites the browser renders (govlens.probes.gatherers.browser.sample).

No browser needed: the choice is made before any render (so this runs in the quick tier)."""
from __future__ import annotations

import hashlib
import random
from collections import Counter

import pytest

from govlens.errors import SettingsError
from govlens.messages import using
from govlens.probes.gatherers.browser import browser_sample
from govlens.probes.gatherers.browser.sample import AUTO_ALL, auto_size, choose, stratified
from govlens.registry.model import Platform
from govlens.settings import Settings

GROUPS = {"county": 60, "prefecture": 25, "local_department": 10, "provincial": 3, "hightech_zone": 2}
PROVINCES = ["北京", "广东", "河南", "四川", "甘肃", "西藏", "黑龙江"]


def websites(n: int, seed: int = 1) -> list[Platform]:
    """``n`` websites over GROUPS (weighted) × PROVINCES (the first ones more often), one rare stratum at least."""
    rng = random.Random(seed)
    groups = rng.choices(list(GROUPS), weights=list(GROUPS.values()), k=n)
    provinces = rng.choices(PROVINCES, weights=[7, 6, 5, 4, 3, 1, 1], k=n)
    return [Platform(f"w{i:06d}", f"网站{i}", "website", "government", "county", provinces[i], "", f"https://w{i}.gov.cn/",
                     groups[i]) for i in range(n)]


def test_the_default_renders_every_website_of_a_campaign_up_to_two_thousand() -> None:
    assert Settings()["BROWSER_SAMPLE"] == "auto"
    web = websites(AUTO_ALL)
    assert browser_sample(web, "auto") == web


def test_beyond_two_thousand_a_stratified_sample_of_two_thousand_or_two_percent() -> None:
    assert [auto_size(n) for n in (10, 2000, 2001, 100_000, 150_000)] == [10, 2000, 2000, 2000, 3000]
    web = websites(12_000)
    chosen = browser_sample(web, "auto")
    assert len(chosen) == 2000
    assert [p.id for p in chosen] == sorted(p.id for p in chosen)          # registry order
    strata = Counter((p.group, p.province) for p in web)
    got = Counter((p.group, p.province) for p in chosen)
    assert set(got) == set(strata)                          # every group × province has a rendered website
    rest = {key: (strata[key] - 1) * (2000 - len(strata)) / (len(web) - len(strata)) for key in strata}
    assert all(abs(got[key] - 1 - rest[key]) < 1 for key in strata)      # the rest in proportion (largest remainder)


def test_the_sample_is_the_same_whatever_the_registry_order() -> None:
    web = websites(5000, seed=7)
    shuffled = web[:]
    random.Random(3).shuffle(shuffled)
    assert {p.id for p in choose(web, "auto")} == {p.id for p in choose(shuffled, "auto")}
    assert {p.id for p in choose(web, "auto")} != {p.id for p in choose(web, "auto", seed="other")}


def test_a_sample_smaller_than_the_strata_is_proportional_without_floors() -> None:
    web = websites(3000)
    chosen = stratified(web, 10)
    assert len(chosen) == 10 and Counter(p.group for p in chosen)["county"] >= 4


def test_zero_renders_all_and_n_keeps_the_hash_sample_the_demo_renders() -> None:
    web = websites(410)
    assert browser_sample(web, 0) == web and browser_sample(web, "0") == web and browser_sample(web, 500) == web
    by_hash = sorted(web, key=lambda p: hashlib.sha256(f"govlens:{p.id}".encode()).hexdigest())[:40]
    assert {p.id for p in browser_sample(web, 40)} == {p.id for p in by_hash}
    assert browser_sample(web, "40") == browser_sample(web, 40)


def test_accounts_and_columns_are_not_rendered() -> None:
    web = websites(3)
    weibo = Platform("wb1", "微博", "weibo", "government", "county", "北京", "", "https://weibo.com/u/1", "weibo_local")
    assert browser_sample([*web, weibo], "auto") == web


@pytest.mark.parametrize("value", ["half", "-3", 1.5, "²", ""])
def test_a_bad_value_is_refused_naming_the_setting(value: object) -> None:
    with using("zh-CN"), pytest.raises(SettingsError) as info:
        Settings({"BROWSER_SAMPLE": value})
    assert info.value.field == "BROWSER_SAMPLE" and "auto" in str(info.value) and "整数" in str(info.value)
