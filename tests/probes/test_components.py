"""Probes and importers by name and by dotted path, switched the Scrapy way (govlens.probes.components)."""
import asyncio
from datetime import date

import pytest
from aiohttp import web

from govlens.errors import ConfigError, SettingsError
from govlens.pipeline.campaign import load_campaign
from govlens.probes.base import ProbeContext
from govlens.probes.components import PROBE_ALIASES, PROBE_NAMES, get_probe, importers_by_key, probe_classes
from govlens.probes.gatherers.http_site import HttpSiteProbe, _SiteRun
from govlens.probes.net.fetch import Fetcher
from govlens.probes.net.link_check import LinkChecker
from govlens.probes.scan import run_scan
from govlens.registry.model import Platform
from govlens.settings import Settings
from govlens.store.campaign_store import CampaignStore

EXTRA = "tests.probes.extra_probe.ExtraProbe"        # a probe class of a test module, by its dotted path


def names(settings) -> list[str]:
    return [cls.name for cls in probe_classes(settings)]


def platform(pid: str, url: str) -> Platform:
    return Platform(id=pid, name=pid, kind="website", org_type="government", level="county", province="浙江",
                    region="east", url=url, group="county")


def test_probe_names():
    assert {"http_site", "noop", "search_query", "interaction", "service_guides", "not_found", "page_weight", "tls",
            "dns", "mobile_portal", "column", "foreign_site", "browser"} <= set(PROBE_NAMES)
    assert all(get_probe(name).name == name for name in PROBE_NAMES)
    with pytest.raises(ConfigError):
        get_probe("nope")


def test_the_old_probe_names_still_select_the_renamed_probes():
    assert {old: get_probe(old).name for old in PROBE_ALIASES} == {
        "featured_column": "column", "foreign_edition": "foreign_site", "mobile_site": "mobile_portal"}
    assert names(Settings({"PROBES": "http_site, featured_column"})) == ["http_site", "column"]


def test_the_default_probes_are_the_base_in_its_order():
    assert names(Settings()) == ["http_site", "search_query", "interaction", "service_guides", "not_found",
                                 "page_weight", "tls", "dns", "mobile_portal", "civilization", "foreign_site",
                                 "cn_domain", "column", "mailbox"]


def test_a_list_of_names_runs_exactly_those_in_its_order():
    assert names(Settings({"PROBES": "tls, http_site"})) == ["tls", "http_site"]          # --set PROBES=tls,http_site
    assert names(Settings({"PROBES": ["dns", "noop"]})) == ["dns", "noop"]              # PROBES = ["dns", "noop"]


def test_a_table_is_merged_over_the_base_none_disabling_and_orders_moving():
    chosen = names(Settings({"PROBES": {"tls": None, "govlens.probes.gatherers.dns_records.DnsProbe": False,
                                        "mailbox": 50, EXTRA: 650}}))
    assert "tls" not in chosen and "dns" not in chosen
    assert chosen[:2] == ["mailbox", "http_site"]                 # 50 < 100
    assert chosen.index("extra") == chosen.index("page_weight") + 1     # 600 < 650 < 800 (tls is off)
    assert len(chosen) == 14 - 2 + 1


def test_a_campaign_disables_one_probe_adds_its_own_and_orders_them(tmp_path):
    (tmp_path / "registry.csv").write_text("id,name,kind,org_type,level,province,region,url,group\n", encoding="utf-8")
    (tmp_path / "c.toml").write_text(f"""[campaign]
name = "t"
check_date = "2013-12-15"
registry = "registry.csv"

[settings]
PROBES = {{tls = false, "{EXTRA}" = 150, mailbox = 10}}
""", encoding="utf-8")
    chosen = names(load_campaign(tmp_path / "c.toml").settings)
    assert chosen[:3] == ["mailbox", "http_site", "extra"] and "tls" not in chosen


def test_a_probe_added_by_dotted_path_writes_its_observations(tmp_path, settings):
    store = CampaignStore(tmp_path / "c.duckdb")
    off = {name: None for name in PROBE_NAMES}          # every probe of the base off, then two on
    summary = run_scan([platform("a", "http://a.gov.cn/")], store, settings(PROBES={**off, "noop": 10, EXTRA: 20}))
    assert summary.sites == 1
    assert [(r["probe"], r["kind"]) for r in store.rows("observations")] == [("noop", "noop"), ("extra", "extra")]


@pytest.mark.parametrize(("value", "words"), [
    ({"tests.probes.no_such_module.Probe": 100}, "设置 PROBES 中的 “tests.probes.no_such_module.Probe” 无法导入"),
    ({"govlens.probes.base.reference_date": 100}, "不是探测类"),
    ({"tls": "first"}, "的顺序应为整数"),
    ({"htp_site": 100}, "未知的探测 “htp_site”，是否想写 “http_site”？"),
    (3, "应为名称列表"),
])
def test_a_probe_setting_that_names_nothing_is_refused_naming_the_setting(value, words):
    with pytest.raises(SettingsError) as info:
        probe_classes(Settings({"PROBES": value}))
    assert info.value.field == "PROBES" and words in str(info.value), str(info.value)


def test_importers_are_switched_the_same_way():
    assert list(importers_by_key(Settings())) == ["account_stats", "account_posts", "account_comments", "submissions",
                                                  "expert_recommendations", "app_store", "hotline_calls", "materials"]
    keys = list(importers_by_key(Settings({"IMPORTERS": {"materials": None, "app_store": 50}})))
    assert keys[0] == "app_store" and "materials" not in keys and len(keys) == 7
    with pytest.raises(SettingsError) as info:
        importers_by_key(Settings({"IMPORTERS": {"govlens.probes.gatherers.tls": 900}}))
    assert info.value.field == "IMPORTERS" and "不是导入模块" in str(info.value)


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
