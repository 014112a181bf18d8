"""The sandbox's featured columns, mailboxes, hotlines, experts and previous year: own streams, stable truth."""
from __future__ import annotations

import datetime as dt

from govlens.contract import defects as D
from govlens.registry import load_registry
from govlens.sandbox.previous import fast_developers, previous_year
from govlens.sandbox.web import build_sandbox

AS_OF = dt.date(2013, 12, 15)


def shipped():
    from govlens.registry.shipped import shipped_registry
    return load_registry(shipped_registry()).platforms


def test_new_platforms_change_no_website_decision():
    ps = shipped()
    webs = [p for p in ps if p.kind == "website"][:60]
    others = [p for p in ps if p.kind in ("column", "mailbox", "hotline")]
    alone = {s["platform_id"]: s["defects"] for s in build_sandbox(webs, 2013, AS_OF).truth()["sites"]}
    mixed = {s["platform_id"]: s["defects"] for s in build_sandbox(webs + others, 2013, AS_OF).truth()["sites"]}
    assert all(mixed[pid] == d for pid, d in alone.items())
    kinds = {d["kind"] for pid, ds in mixed.items() if pid not in alone for d in ds}
    assert set(D.SERIES23_KINDS) <= kinds, set(D.SERIES23_KINDS) - kinds


def test_columns_share_their_site_host_without_hiding_it():
    ps = shipped()
    web = build_sandbox(ps, 2013, AS_OF)
    site = web.respond("www.tongzhanbu.gov.cn", "/", secure=False)        # the 中央统战部 website itself
    col = web.respond("www.tongzhanbu.gov.cn", "/tslm/dftzgz/index.html", secure=False)
    assert site.status in (200, 301, 302) and col.status == 200 and "地方统战工作".encode() in col.body
    assert web.respond("www.zhongguorenda.gov.cn", "/", secure=False).status == 200   # column-only host
    assert "www.zhongguorenda.gov.cn" in web.hosts() and web.dns_records()["www.zhongguorenda.gov.cn"] == (True, True)
    assert web.post("www.tongzhanbu.gov.cn", "/tslm/dftzgz/index.html", b"x=1", secure=False).status == 405


def test_previous_year_is_worse_only_for_fast_developers():
    webs = [p for p in shipped() if p.kind == "website"][:80]
    now = build_sandbox(webs, 2013, AS_OF)
    before = previous_year(build_sandbox(webs, 2013, AS_OF.replace(year=2012)))
    fast = set(fast_developers(before))
    assert 10 <= len(fast) <= 40
    for a, b in zip(now.sites, before.sites):
        if a.platform.id in fast:
            assert {D.NO_VIEWPORT, D.NO_SITE_SEARCH} <= b.flags
            fresh = sum(c.state == "ok" for c in a.columns[1:])
            stale = sum(c.state == "stale" for c in a.columns)
            assert sum(c.state == "stale" for c in b.columns) == stale + min(2, fresh)
        else:
            assert a.flags == b.flags
