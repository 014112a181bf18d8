"""The hostile web, served for real on loopback, against the real fetcher and site probe.

One fetch per hostile site checks the fetcher's status (the page-level status of the whole
probe is checked by ``tests/test_hostile_scan.py``); the bounds that matter for a national
scan are checked by what they cost: a bomb's body stays at its cap, a slow drip ends at the
timeout, a long Retry-After is not waited for, a site's deadline ends its probe.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import json
import time

import pytest

from govlens.contract import statuses as S
from govlens.probes.base import ProbeContext
from govlens.probes.net.fetch import Fetcher, load_sandbox_state
from govlens.probes.gatherers.http_site import HttpSiteProbe
from govlens.probes.net.link_check import LinkChecker
from govlens.registry.model import Platform
from govlens.sandbox import hostile as H
from govlens.sandbox.server import run_in_thread
from govlens.sandbox.web import build_sandbox
from govlens.settings import Settings

# What one fetch records where it differs from the homepage page observation's status.
FETCH_STATUS = {"binary_as_html": S.COMPLETED,      # not_html is the probe's judgement of the body
                "flapping_503": S.HTTP_ERROR}       # the first request of the alternation


@pytest.fixture(scope="module")
def hostile_state(tmp_path_factory):
    web = build_sandbox([], 2013, dt.date(2013, 12, 10))
    folder = tmp_path_factory.mktemp("hostile")
    with run_in_thread(web, folder, hostile=True) as running:
        yield load_sandbox_state(running.state_file), folder


def fetch_all(state, settings, path="", kinds=None):
    async def main():
        async with Fetcher(Settings(settings), sandbox_state=state) as f:
            async def one(site):
                t0 = time.monotonic()
                r = await f.fetch(site.url + path)
                return site.kind, r, time.monotonic() - t0
            sites = [s for s in H.HOSTILE_SITES if kinds is None or s.kind in kinds]
            return {k: (r, t) for k, r, t in await asyncio.gather(*(one(s) for s in sites))}
    return asyncio.run(main())


def test_catalogue_and_truth(hostile_state) -> None:
    state, folder = hostile_state
    assert len(H.HOSTILE_SITES) >= 20 and len({s.kind for s in H.HOSTILE_SITES}) == len(H.HOSTILE_SITES)
    truth = json.loads((folder / "hostile-truth.json").read_text(encoding="utf-8"))
    assert [t["platform_id"] for t in truth["sites"]] == [s.platform_id for s in H.HOSTILE_SITES]
    for t in truth["sites"]:
        assert t["home"] in S.VISIT_STATUSES
        assert t.get("expect", {}).get("cause") in (None, *S.TLS_CAUSES)
    registry = (folder / "hostile-registry.csv").read_text(encoding="utf-8").splitlines()
    assert len(registry) == len(H.HOSTILE_SITES) + 1
    assert "dns-failure.hostile.test" not in state["hosts"]          # that one must not resolve
    assert state["host_addresses"]["dns-rebinding.hostile.test"] == H.REBINDING_ADDRESS


def test_each_hostile_site_gets_its_status(hostile_state) -> None:
    state, _ = hostile_state
    results = fetch_all(state, {"HTTP_TIMEOUT": 8.0})      # generous: a bomb is compressed on first request
    wrong = {}
    for site in H.HOSTILE_SITES:
        r, _ = results[site.kind]
        expected = FETCH_STATUS.get(site.kind, site.home)
        cause = site.expect.get("cause")
        if r.status != expected or (cause and r.cause != cause):
            wrong[site.kind] = (expected, cause, r.status, r.cause, r.error)
    assert not wrong, wrong


def test_bounds_cost_what_they_should(hostile_state) -> None:
    state, _ = hostile_state
    settings = {"HTTP_TIMEOUT": 8.0, "HTTP_MAX_BODY_BYTES": 1_000_000, "HTTP_MAX_DECOMPRESSED_BYTES": 2_000_000,
                "HTTP_RETRY_AFTER_MAX": 5.0}
    results = fetch_all(state, settings, "index.html")     # not "/": the 429 site answers once per URL
    for kind in ("gzip_bomb", "brotli_bomb", "deflate_bomb"):
        r, _ = results[kind]
        assert r.status == S.TOO_LARGE and len(r.body) <= 2_000_000, kind
    for kind in ("endless_body", "huge_page", "huge_page_undeclared"):
        r, _ = results[kind]
        assert r.status == S.TOO_LARGE and len(r.body) <= 1_000_000, kind
    for kind in ("never_answers", "slowloris"):
        r, took = results[kind]
        assert r.status == S.TIMEOUT and 7.5 < took < 15, (kind, took)
    short, took = results["rate_limited"]
    assert short.status == S.COMPLETED and short.retries == 1 and took >= H.RETRY_AFTER_SHORT
    long_, took = results["rate_limited_long"]
    assert long_.status == S.HTTP_ERROR and long_.http_status == 429 and long_.retries == 0 and took < 5
    loop, _ = fetch_all(state, {"HTTP_MAX_REDIRECTS": 10}, kinds={"redirect_chain"})["redirect_chain"]
    assert loop.status == S.TOO_MANY_REDIRECTS and len(loop.redirects) == 11   # 10 followed, the 11th refused


def probe_site(state, kind: str, **settings):
    site = next(s for s in H.HOSTILE_SITES if s.kind == kind)
    platform = Platform(id=site.platform_id, name=site.kind, kind="website", org_type="government",
                        level="county", province="北京", region="east", url=site.url, group="county")

    async def main():
        s = Settings({"CHECK_DATE": "2013-12-10", "AVAILABILITY_SPACING": 0.0, **settings})
        async with Fetcher(s, sandbox_state=state) as f:
            probe = HttpSiteProbe()
            await probe.setup(ProbeContext(settings=s, fetcher=f, link_checker=LinkChecker(f, s),
                                           check_date=dt.date(2013, 12, 10), sandbox_state=state))
            t0 = time.monotonic()
            out = await probe.probe(platform)
            return out, time.monotonic() - t0
    return asyncio.run(main())


def test_site_deadline_ends_the_probe(hostile_state) -> None:
    state, _ = hostile_state
    out, took = probe_site(state, "never_answers", HTTP_TIMEOUT=30.0, SITE_DEADLINE=2.0)
    assert took < 5
    homes = [o for o in out if o.kind == "page" and o.data["role"] == "home"]
    assert len(homes) == 1 and homes[0].status == S.TIMEOUT and "deadline" in homes[0].data["error"]
    (deadline,) = [o for o in out if o.kind == "deadline"]
    assert deadline.data == {"seconds": 2.0, "stage": "availability"}


def test_crawler_trap_is_bounded(hostile_state) -> None:
    state, _ = hostile_state
    out, _ = probe_site(state, "calendar_trap", CRAWL_MAX_PAGES=8, LINKS_MAX_PER_SITE=50,
                        CRAWL_MAX_LINKS_PER_PAGE=100)
    pages = [o for o in out if o.kind == "page"]
    links = [o for o in out if o.kind == "link"]
    assert 1 < len(pages) <= 8
    assert len(links) <= 50
    assert all(len(p.data["links"]) <= 100 for p in pages)


def test_deep_html_is_parsed_quickly_and_cut(hostile_state) -> None:
    state, _ = hostile_state
    out, took = probe_site(state, "deep_html", AVAILABILITY_VISITS=1)
    (home,) = [o for o in out if o.kind == "page" and o.data["role"] == "home"]
    assert home.status == S.COMPLETED and home.data["title"] == H.TITLE_DEEP
    assert home.data["depth_cut"] == 512
    assert took < 20


def test_injected_markup_is_stored_as_found(hostile_state) -> None:
    state, _ = hostile_state
    out, _ = probe_site(state, "script_injection", AVAILABILITY_VISITS=1)
    (home,) = [o for o in out if o.kind == "page" and o.data["role"] == "home"]
    assert home.data["title"] == H.TITLE_INJECTION                  # escaping is the reports' job
    urls = [link["url"] for link in home.data["links"]]
    assert not [u for u in urls if not u.startswith(("http://", "https://"))]   # javascript:, data: dropped
