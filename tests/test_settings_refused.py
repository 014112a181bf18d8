"""A wrong setting stops `govlens scan` with one zh-CN line naming it (and its line), the store untouched.

The store holds an earlier scan: 18 observations of 3 platforms with their ledger rows. Before the
fix a bad ``HTTP_ALLOW_NETWORKS`` or ``HTTP_DNS_SERVERS`` was refused only when the fetcher was
built, after the new scan had emptied the store (18 → 0, ledger emptied); nonsense values
(``HTTP_TIMEOUT = 0``, ``CONCURRENCY_SITES = -1``, an allow-list written as a plain string, an
unknown framework) were accepted.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from govlens.cli import main
from govlens.contract.observation import Observation
from govlens.errors import SettingsError
from govlens.registry.model import Platform
from govlens.registry.write import write_registry_csv
from govlens.settings import Settings
from govlens.store import CampaignStore, ledger

PLATFORMS = [Platform(id=f"p{i}", name=f"测试{i}县人民政府", kind="website", org_type="government", level="county",
                      province="浙江", region="east", url=f"https://www.test{i}.gov.cn/", group="county")
             for i in range(3)]
PROBES = ["http_site"]


@pytest.fixture
def campaign(tmp_path: Path) -> Path:
    write_registry_csv(PLATFORMS, tmp_path / "registry.csv")
    with CampaignStore(tmp_path / "out" / "campaign.duckdb") as store:      # an earlier scan's store
        store.write_platforms(PLATFORMS)
        run = ledger.begin_scan(store, PROBES, [p.id for p in PLATFORMS])
        ledger.commit_sites(store, run, [
            (p.id, "completed", [Observation(platform_id=p.id, probe="http_site", kind="page", url=f"{p.url}{j}")
                                 .as_row() for j in range(6)]) for p in PLATFORMS])
    return tmp_path


def write_campaign(folder: Path, settings: str, framework: str = "website-2013") -> Path:
    path = folder / "campaign.toml"
    path.write_text('[campaign]\nname = "设置校验"\ncheck_date = "2013-12-15"\nregistry = "registry.csv"\n'
                    f'framework = "{framework}"\nout = "out"\n\n[settings]\nBROWSER_ENABLED = false\n{settings}\n',
                    encoding="utf-8")
    return path


def counts(folder: Path) -> tuple[int, int]:
    with CampaignStore(folder / "out" / "campaign.duckdb") as store:
        return store.count("observations"), store.count("scan_ledger")


CASES = {
    "allow-networks-cidr": ('HTTP_ALLOW_NETWORKS = ["999.1.1.1/99"]', "HTTP_ALLOW_NETWORKS", "999.1.1.1/99"),
    "allow-networks-numeric": ('HTTP_ALLOW_NETWORKS = ["999.1.1.1"]', "HTTP_ALLOW_NETWORKS", "不是主机名"),
    "allow-networks-string": ('HTTP_ALLOW_NETWORKS = "10.0.0.0/8"', "HTTP_ALLOW_NETWORKS", "TOML 列表"),
    "dns-servers": ('HTTP_DNS_SERVERS = ["not an ip"]', "HTTP_DNS_SERVERS", "不是 DNS 服务器地址"),
    "dns-servers-port": ('HTTP_DNS_SERVERS = ["10.0.0.53:99999"]', "HTTP_DNS_SERVERS", "不是 DNS 服务器地址"),
    "timeout-zero": ("HTTP_TIMEOUT = 0", "HTTP_TIMEOUT", "必须大于 0"),
    "sites-negative": ("CONCURRENCY_SITES = -1", "CONCURRENCY_SITES", "必须不小于 1"),
    "timeout-nan": ("HTTP_TIMEOUT = nan", "HTTP_TIMEOUT", "有限"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_bad_setting_is_refused_before_the_store_is_touched(case: str, campaign: Path, capsys) -> None:
    line_text, setting, words = CASES[case]
    path = write_campaign(campaign, line_text)
    assert counts(campaign) == (18, 3)
    code = main(["scan", str(path)])
    err = capsys.readouterr().err.strip()
    assert code == 2, err
    assert "Traceback" not in err and "AresError" not in err and len(err.splitlines()) == 1, err
    line = next(i for i, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if t == line_text)
    assert re.search(rf"campaign\.toml:{line}\b", err), err
    assert f"settings.{setting}" in err and words in err, err
    assert counts(campaign) == (18, 3), "the store changed"


def test_an_unknown_framework_is_refused_by_every_stage(campaign: Path, capsys) -> None:
    path = write_campaign(campaign, "", framework="website-2031")
    for stage in ("scan", "monitor", "score", "report"):
        code = main([stage, str(path)])
        err = capsys.readouterr().err.strip()
        assert code == 2 and "website-2031" in err and "campaign.toml:5" in err and "website-2013" in err, err
    assert counts(campaign) == (18, 3)


def test_a_bad_command_line_setting_is_refused_before_the_store_is_touched(campaign: Path, capsys) -> None:
    path = write_campaign(campaign, "")
    for pair in ("HTTP_ALLOW_NETWORKS=999.1.1.1/99", "HTTP_DNS_SERVERS=not an ip", "HTTP_TIMEOUT=0",
                 "CONCURRENCY_SITES=-1"):
        code = main(["scan", str(path), "--set", pair])
        err = capsys.readouterr().err.strip()
        assert code == 2 and pair.split("=")[0] in err and "--set" in err and "Traceback" not in err, err
    assert counts(campaign) == (18, 3)


@pytest.mark.parametrize("key, value", [
    ("HTTP_TIMEOUT", 0), ("HTTP_TIMEOUT", -1.5), ("LINKS_TIMEOUT", 0), ("CONCURRENCY_SITES", 0),
    ("CONCURRENCY_TOTAL", -4), ("HTTP_MAX_REDIRECTS", -1), ("MONITOR_FAIL_RATIO", 1.5),
    ("HTTP_ALLOW_NETWORKS", ["10.0.0.0/33"]), ("HTTP_ALLOW_NETWORKS", ["*.bad name"]),
    ("HTTP_DNS_SERVERS", ["10.0.0.53", "dns.example"]), ("DNS_NAMESERVERS", "10.0.0.53, nope"),
    ("BROWSER_SAMPLE", -1), ("BROWSER_SAMPLE", "some"), ("BROWSER_SAMPLE", 2.5)])
def test_values_out_of_bounds(key: str, value: object) -> None:
    with pytest.raises(SettingsError) as info:
        Settings({key: value})
    assert info.value.field == key and key in str(info.value)


@pytest.mark.parametrize("key, value", [
    ("HTTP_TIMEOUT", 0.5), ("CONCURRENCY_HOST_DELAY", 0), ("HTTP_RETRY_TIMES", 0), ("BROWSER_SAMPLE", "0"),
    ("BROWSER_SAMPLE", "auto"), ("BROWSER_SAMPLE", "40"),
    ("HTTP_ALLOW_NETWORKS", ["10.20.0.0/16", "oa.example.gov.cn", "*.例子.中国", "192.168.1.7", "fd00::/8"]),
    ("HTTP_DNS_SERVERS", ["10.0.0.53", "127.0.0.1:5353", "[fd00::53]:53", "::1"]),
    ("DNS_NAMESERVERS", "10.0.0.53:5353, 10.0.0.54")])
def test_sensible_values_pass(key: str, value: object) -> None:
    settings = Settings({key: value})         # no SettingsError, and the value is the one set (lists kept as tuples)
    got = settings[key]
    assert (list(got) if isinstance(got, tuple) else got) == value
