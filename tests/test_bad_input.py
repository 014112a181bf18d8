"""Bad input everywhere: one clear line naming file, line and field, exit code 2, the store untouched.

Each case breaks one input file of an otherwise good campaign (registry, external signals,
framework YAML, awards YAML, campaign TOML, the national-check scheme, an importer's data file)
and runs the stage that reads it through the real
command line (``govlens.cli.main``). The campaign store exists beforehand (platforms and
observations of an earlier scan); its bytes must not change, because every stage reads its
input files before it opens the store.
"""
from __future__ import annotations

import hashlib
import re
from importlib import resources
from pathlib import Path

import pytest

from govlens.cli import main
from govlens.contract.observation import Observation
from govlens.registry.model import Platform
from govlens.registry.write import write_registry_csv
from govlens.store import CampaignStore

PLATFORMS = [Platform(id=f"p{i}", name=f"测试{i}县人民政府", kind="website", org_type="government", level="county",
                      province="浙江", region="east", url=f"https://www.test{i}.gov.cn/", group="county")
             for i in range(3)]


def shipped(package: str, name: str) -> str:
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


@pytest.fixture
def campaign(tmp_path: Path) -> Path:
    write_registry_csv(PLATFORMS, tmp_path / "registry.csv")
    (tmp_path / "signals.csv").write_text("platform_id,indexed_pages,inbound_links,media_mentions\n"
                                          "p0,100,10,1\np1,200,20,2\n", encoding="utf-8")
    (tmp_path / "framework.yaml").write_text(shipped("govlens.frameworks", "website-2013.yaml"), encoding="utf-8")
    (tmp_path / "awards.yaml").write_text(shipped("govlens.awards", "notice-2013.yaml"), encoding="utf-8")
    (tmp_path / "inspection.yaml").write_text(shipped("govlens.frameworks", "national-check-2019.yaml"),
                                              encoding="utf-8")
    from govlens.probes.importers.newmedia_stats import SPEC
    (tmp_path / "stats.csv").write_text(",".join(SPEC.names) + "\n", encoding="utf-8")   # no account: no rows
    (tmp_path / "campaign.toml").write_text(
        '[campaign]\nname = "坏输入"\ncheck_date = "2013-12-15"\nregistry = "registry.csv"\n'
        'signals = "signals.csv"\nframework = "framework.yaml"\nawards = "awards.yaml"\nout = "out"\n'
        'inspection = "inspection.yaml"\naccount_stats = "stats.csv"\n\n'
        '[settings]\nHTTP_TIMEOUT = 5\n', encoding="utf-8")
    with CampaignStore(tmp_path / "out" / "campaign.duckdb") as store:      # an earlier scan's store
        store.write_platforms(PLATFORMS)
        store.insert("observations", [Observation(platform_id="p0", probe="http_site", kind="visit",
                                                  url=PLATFORMS[0].url).as_row()])
        store.set_meta("settings", {"HTTP_TIMEOUT": 5})
    return tmp_path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# (stage, file, how to break it, what the message must name: line (a number, or the text whose line it is),
#  field, words)
CASES = {
    "registry-header": ("scan", "registry.csv", lambda p: p.write_text("id,name,url\np9,x,https://x.gov.cn/\n",
                                                                       encoding="utf-8"), 1, None, "kind"),
    "registry-no-usable-row": ("run", "registry.csv",
                               lambda p: p.write_text("id,name,kind,url\np9,x,satellite,https://x.gov.cn/\n",
                                                      encoding="utf-8"), None, None, "没有可用的平台"),
    "registry-binary": ("scan", "registry.csv", lambda p: p.write_bytes(b"\x00\x01PK\x03\x04" * 50), None, None,
                        "NUL"),
    "signals-header": ("scan", "signals.csv", lambda p: p.write_text("id,pages\np0,1\n", encoding="utf-8"), 1,
                       "platform_id", "表头缺少"),
    "framework-syntax": ("score", "framework.yaml", lambda p: edit(p, "aggregation: weighted_arithmetic",
                                                                   "aggregation: [weighted_arithmetic"),
                         None, None, "不是有效的 YAML"),
    "framework-weight": ("score", "framework.yaml", lambda p: edit(p, "weight: 2\n", 'weight: "heavy"\n'),
                         'weight: "heavy"',
                         "dimensions[0].indicators[0].weight", "应为 ≥ 0 的数字"),
    "framework-unknown-indicator": ("run", "framework.yaml", lambda p: edit(p, "id: page-metadata",
                                                                            "id: page-metadta"),
                                    "id: page-metadta", "dimensions[0].indicators[0].id", "未知的指标 “page-metadta”，是否想写 “page-metadata”"),
    "awards-quota": ("awards", "awards.yaml", lambda p: edit(p, "quota: 22", "quota: -3"), "quota: -3",
                     "series[0].awards[0].groups[0].quota", ""),
    "awards-member-filter": ("report", "awards.yaml", lambda p: edit(p, "members: {group: [central]}",
                                                                     "members: {colour: [red]}"), "members: {colour",
                             "series[0].awards[0].groups[0].members", "未知的成员筛选条件 “colour”"),
    "awards-syntax": ("run", "awards.yaml", lambda p: edit(p, "id: notice-2013", "id: [notice-2013"), None, None,
                      "不是有效的 YAML"),
    "campaign-syntax": ("scan", "campaign.toml", lambda p: edit(p, 'name = "坏输入"', 'name = "坏输入'), 2, None,
                        "不是有效的 TOML"),
    "campaign-date": ("score", "campaign.toml", lambda p: edit(p, '"2013-12-15"', '"2013-13-45"'), 3,
                      "campaign.check_date", "ISO 日期"),
    "campaign-setting": ("run", "campaign.toml", lambda p: edit(p, "HTTP_TIMEOUT = 5", 'HTTP_TIMEOUT = "fast"'), 13,
                         "settings.HTTP_TIMEOUT", "应为数值"),
    "campaign-unknown-setting": ("scan", "campaign.toml", lambda p: edit(p, "HTTP_TIMEOUT = 5", "HTTP_TIMEOUTS = 5"),
                                 13, "settings.HTTP_TIMEOUTS", "未知的设置，是否想写 “HTTP_TIMEOUT”"),
    # the data files of the importers (issue 7): the header is checked before the store is opened
    "data-header": ("scan", "stats.csv", lambda p: p.write_text("platform_id,date,followers\n", encoding="utf-8"),
                    1, "follower_growth", "表头缺少"),
    "data-not-utf8": ("run", "stats.csv", lambda p: p.write_bytes("平台,日期\n".encode("gbk")), 1, None,
                      "不是 UTF-8 编码"),
    # the national-check scheme of `govlens inspect` (issue 4)
    "inspection-value": ("inspect", "inspection.yaml", lambda p: edit(p, "value: {threshold: monitor-fail-ratio}", 'value: "five"'),
                         'value: "five"', "vetoes[0].value", "应为数字"),
    "inspection-unknown-indicator": ("run", "inspection.yaml",
                                     lambda p: edit(p, "indicator: monitor-availability",
                                                    "indicator: monitor-availabilty"),
                                     "indicator: monitor-availabilty", "vetoes[0].indicator", "是否想写 “monitor-availability”"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_one_clear_line_and_the_store_untouched(case: str, campaign: Path, capsys) -> None:
    stage, name, breaks, line, field, words = CASES[case]
    store = campaign / "out" / "campaign.duckdb"
    before = digest(store)
    breaks(campaign / name)
    code = main([stage, str(campaign / "campaign.toml")])
    err = capsys.readouterr().err.strip()
    assert code == 2, err
    assert "Traceback" not in err and len(err.splitlines()) == 1, err
    assert err.startswith("错误：") and name in err, err
    if isinstance(line, str):                   # the line of the key at fault, found in the broken file
        line = next(i for i, text in enumerate((campaign / name).read_text(encoding="utf-8").splitlines(), 1)
                    if line in text)
    if line is not None:
        assert re.search(rf"{re.escape(name)}:{line}\b", err), err
    else:
        assert re.search(rf"{re.escape(name)}(:\d+)?", err), err
    if field is not None:
        assert f"字段 “{field}”" in err, err
    assert words in err, err
    assert digest(store) == before, "the campaign store changed"


def test_a_bad_registry_row_is_reported_and_the_rest_kept(tmp_path: Path) -> None:
    from govlens.registry import load_registry
    write_registry_csv(PLATFORMS, tmp_path / "r.csv")
    with open(tmp_path / "r.csv", "a", encoding="utf-8") as fh:
        fh.write('bad1,坏,website,government,county,浙江,east,javascript:alert(1),county\n')
    loaded = load_registry(tmp_path / "r.csv")
    assert [p.id for p in loaded.platforms] == ["p0", "p1", "p2"]
    (err,) = loaded.errors
    assert (err.line, err.field) == (5, "url") and "r.csv:5" in str(err)


def test_the_good_campaign_passes_every_preflight(campaign: Path) -> None:
    """The fixture is good: what the cases above break is the only fault."""
    from govlens.pipeline.campaign import load_campaign
    from govlens.pipeline.preflight import STAGE_INPUTS, preflight
    loaded = load_campaign(campaign / "campaign.toml")
    before = {p: p.stat().st_mtime_ns for p in campaign.rglob("*")}
    checked = [stage for stage in STAGE_INPUTS if preflight(loaded, stage) is None]
    assert checked == list(STAGE_INPUTS) and len(checked) >= 3
    # preflight only reads: no file appears or changes (no store is opened)
    assert {p: p.stat().st_mtime_ns for p in campaign.rglob("*")} == before
