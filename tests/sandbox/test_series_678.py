"""The sandbox's 文明网, foreign-language editions and .政务 names: deterministic, served as the truth says."""
from __future__ import annotations

import datetime as dt
import json

from govlens.contract import defects as D
from govlens.sandbox.civilization import CORE, generate_civilization_sites
from govlens.sandbox.cn_domain import PARKING_HOST, generate_cn_domains, to_ascii
from govlens.sandbox.foreign_site import generate_foreign_sites
from govlens.sandbox.platforms import generate_platforms
from govlens.sandbox.web import build_sandbox

AS_OF = dt.date(2013, 12, 15)


def platforms():
    return generate_cn_domains(40, 5) + generate_foreign_sites(40, 5) + generate_civilization_sites(30, 5)


def test_builds_are_deterministic_and_do_not_change_websites():
    ps = platforms()
    a, b = build_sandbox(ps, 5, AS_OF), build_sandbox(list(reversed(ps)), 5, AS_OF)
    key = lambda t: sorted(json.dumps(s, sort_keys=True, ensure_ascii=False) for s in t["sites"])  # noqa: E731
    assert key(a.truth()) == key(b.truth())
    webs = generate_platforms([], 30, 5)
    alone = build_sandbox(webs, 5, AS_OF).truth()["sites"]
    together = build_sandbox(webs + ps, 5, AS_OF).truth()["sites"][:30]
    assert alone == together


def test_cn_domain_dns_and_http_follow_the_state():
    web = build_sandbox(generate_cn_domains(60, 5), 5, AS_OF)
    records, hosts = web.dns_records(), set(web.hosts())
    kinds = {c.kind for c in web.cn_domains.values()}
    assert {D.CN_DOMAIN_UNREGISTERED, D.CN_DOMAIN_UNREACHABLE, D.CN_DOMAIN_NO_SITE, D.CN_DOMAIN_NOT_SHOWN,
            None} <= kinds
    for name, c in web.cn_domains.items():
        assert name == to_ascii(c.idn) and name.startswith("xn--") and name.endswith(".xn--zfr164b")
        if c.kind == D.CN_DOMAIN_UNREGISTERED:
            assert name not in records and name not in hosts
            continue
        assert name in records
        if c.variant == "no_address":
            assert records[name] == (False, False) and name not in hosts
            continue
        reply = web.respond(name, "/")
        if c.variant == "no_server":
            assert reply.status == 404 and reply.body == b"unknown host\n"
        elif c.kind == D.CN_DOMAIN_NO_SITE:
            if c.variant == "parking_redirect":
                assert reply.status == 302 and PARKING_HOST in dict(reply.headers)["Location"]
                reply = web.respond(PARKING_HOST, "/", f"d={name}")
            assert reply.status == 200 and "网站正在建设中" in reply.body.decode()
        else:
            if reply.status in (301, 302):
                location = dict(reply.headers)["Location"]
                assert location == f"http://{c.site_host}/"
                reply = web.respond(c.site_host, "/")
            html = reply.body.decode()
            assert reply.status == 200 and html.count('<a href="') >= 10
            assert (c.kind is None) == (c.written_name() in html and c.shown != "body")


def test_foreign_sites_serve_their_editions_and_defect_pages():
    web = build_sandbox(generate_foreign_sites(60, 5), 5, AS_OF)
    sites = {id(f): f for f in web.foreign_sites.values()}.values()
    assert {k for f in sites for k in f.kinds} == {D.NO_FOREIGN_EDITION, D.STALE_FOREIGN_EDITION}
    for f in sites:
        home = web.respond(f.host, "/").body.decode()
        edition = web.respond(f.edition_host, f.edition_url.split(f.edition_host, 1)[1])
        if not f.edition:
            assert edition.status == 404 and not f.untranslated and not f.wrong and f.second is None
            continue
        assert edition.status == 200 and "Welcome to the official English website" in edition.body.decode()
        assert (f.edition_url in home) == (f.discovery != "path")
        for key in f.untranslated + f.wrong:
            url = f.page_url(key)
            host, path = url.split("://", 1)[1].split("/", 1)
            page = web.respond(host, "/" + path)
            assert page.status == 200, url
        newest = max(it.date for it in f.items)
        assert ((max(it.date for it in f.cn_items) - newest).days > 60) == (D.STALE_FOREIGN_EDITION in f.kinds)
    assert len(web.overseas_rows()) == len(list(sites)) and all(r["overseas_visits"] >= 0 for r in web.overseas_rows())


def test_civilization_sites_carry_their_topics_as_columns():
    ps = generate_civilization_sites(40, 5)
    web = build_sandbox(ps, 5, AS_OF)
    missing = [s for s in web.sites if s.civ_missing]
    assert missing and len(missing) < len(web.sites)
    for s in web.sites:
        present = set(s.civ_columns.values())
        assert set(CORE) - present == set(s.civ_missing)
        own = " ".join([c.name for c in s.columns] + [it.title for c in s.columns for it in s.items(c)])
        for topic in s.civ_missing:       # the site's own columns and items never speak of a missing topic
            assert {"core_values": "中国梦", "volunteer": "志愿", "moral_models": "道德模范"}[topic] not in own
        kinds = {d["kind"] for d in s.defects()}
        assert (D.CIVILIZATION_TOPIC_MISSING in kinds) == (bool(s.civ_missing) and D.SITE_DOWN not in s.flags)
