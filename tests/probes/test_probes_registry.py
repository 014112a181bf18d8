import asyncio
from datetime import date

import pytest
from aiohttp import web

from govlens.errors import ConfigError
from govlens.probes.base import ProbeContext
from govlens.probes.net.fetch import Fetcher
from govlens.probes.gatherers.http_site import HttpSiteProbe, _SiteRun
from govlens.probes.net.link_check import LinkChecker
from govlens.probes.components import PROBES, get_probe
from govlens.probes.scan import run_scan
from govlens.registry.model import Platform
from govlens.store.campaign_store import CampaignStore


def platform(pid: str, url: str) -> Platform:
    return Platform(id=pid, name=pid, kind="website", org_type="government", level="county", province="浙江",
                    region="east", url=url, group="county")


def test_registry_names():
    assert {"http_site", "noop", "search_query", "interaction", "service_guides", "not_found", "page_weight", "tls",
            "dns", "mobile_site", "browser"} <= set(PROBES)
    assert all(get_probe(name).name == name for name in PROBES)
    with pytest.raises(ConfigError):
        get_probe("nope")


def test_default_probes_setting_names_known_probes(settings):
    names = settings().getlist("PROBES")
    assert names[0] == "http_site" and set(names) <= set(PROBES)


def test_noop_probe_through_run_scan(tmp_path, settings):
    store = CampaignStore(tmp_path / "c.duckdb")
    seen = []
    summary = run_scan([platform("a", "http://a.gov.cn/"), platform("b", "http://b.gov.cn/")], store, settings(),
                       probes=("noop",), progress=lambda done, total: seen.append((done, total)))
    assert summary.sites == 2 and summary.requests == 0
    assert [r["kind"] for r in store.rows("observations")] == ["noop", "noop"]
    assert seen[-1] == (2, 2)


def test_https_redirect_observation(serve, settings):
    async def http_root(request):
        if request.path == "/":
            raise web.HTTPMovedPermanently("https://www.test.gov.cn/")
        return web.Response(status=404)

    a = web.Application()
    a.router.add_route("*", "/{tail:.*}", http_root)

    async def main():
        async with serve(a) as port:
            state = {"http_port": port, "hosts": ["www.test.gov.cn"]}
            s = settings()
            async with Fetcher(s, sandbox_state=state) as f:
                probe = HttpSiteProbe()
                await probe.setup(ProbeContext(settings=s, fetcher=f, link_checker=LinkChecker(f, s),
                                               check_date=date(2013, 12, 25)))
                run = _SiteRun(probe, platform("a", "https://www.test.gov.cn/"))
                await run.https_check()
                return run.out

    (obs,) = asyncio.run(main())
    assert obs.kind == "https" and obs.http_status == 301 and obs.status == "completed"
    assert obs.data == {"http_url": "http://www.test.gov.cn/", "location": "https://www.test.gov.cn/",
                        "redirects_to_https": True}
