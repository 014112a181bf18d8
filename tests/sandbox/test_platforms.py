"""generate_platforms: shipped first, then plausible generated websites, deterministic."""
from __future__ import annotations

import re
from collections import Counter

from govlens.registry.model import LEVELS, ORG_TYPES, REGIONS, Platform, region_of
from govlens.sandbox.platforms import GROUP_WEIGHTS, generate_platforms

SHIPPED = [
    Platform("p1", "国务院办公厅", "website", "government", "central", "", "national", "https://www.gov.cn/", "central"),
    Platform("p2", "浙江省人民政府", "website", "government", "provincial", "浙江", "east",
             "http://www.zhejiang.gov.cn/", "provincial"),
    Platform("p3", "杭州市人民政府", "website", "government", "sub_provincial", "浙江", "east",
             "http://www.hangzhou.gov.cn/", "sub_provincial_capital"),
]


def test_first_n_of_shipped_when_n_is_small():
    assert generate_platforms(SHIPPED, 2, 1) == SHIPPED[:2]
    assert generate_platforms(SHIPPED, 3, 1) == SHIPPED


def test_generated_beyond_shipped_are_unique_and_plausible():
    out = generate_platforms(SHIPPED, 600, 7)
    assert len(out) == 600
    assert out[:3] == SHIPPED
    gen = out[3:]
    assert [p.id for p in gen[:3]] == ["gen-00001", "gen-00002", "gen-00003"]
    assert len({p.id for p in out}) == 600
    assert len({p.host for p in out}) == 600
    assert len({p.name for p in out}) == 600
    groups = {g for g, _ in GROUP_WEIGHTS}
    for p in gen:
        assert p.kind == "website"
        assert p.org_type in ORG_TYPES and p.level in LEVELS and p.region in REGIONS
        assert p.region == region_of(p.province, p.level)
        assert p.group in groups
        assert p.url.startswith(("http://", "https://")) and p.url.endswith(".gov.cn/")
        assert re.fullmatch(r"www\.[a-z0-9-]+\.gov\.cn", p.host), p.host
        p.name.encode("gbk")
    counts = Counter(p.group for p in gen)
    assert set(counts) == groups                      # every group appears
    assert counts["county"] > counts["central"]
    assert any(p.name.endswith("县人民政府") for p in gen)
    assert any("市" in p.name and p.name.endswith("局") for p in gen)
    # generated names never repeat shipped ones
    assert "浙江省人民政府" not in {p.name for p in gen}
    assert "www.hangzhou.gov.cn" not in {p.host for p in gen}


def test_deterministic_and_seed_dependent():
    a = generate_platforms(SHIPPED, 100, 5)
    assert a == generate_platforms(SHIPPED, 100, 5)
    assert a != generate_platforms(SHIPPED, 100, 6)
    # a longer list extends a shorter one
    assert generate_platforms(SHIPPED, 150, 5)[:100] == a


def test_large_n_falls_back_to_made_up_counties():
    out = generate_platforms([], 3000, 1)
    assert len({p.name for p in out}) == 3000
    assert len({p.host for p in out}) == 3000
