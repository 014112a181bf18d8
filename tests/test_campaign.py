from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from govlens.campaign import load_campaign
from govlens.errors import CampaignFileError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_paths_relative_to_file_and_overrides(tmp_path: Path) -> None:
    path = write(tmp_path, '[campaign]\nname = "x"\ncheck_date = "2013-12-15"\nregistry = "r.csv"\n'
                           'signals = "s.csv"\n[settings]\nHTTP_TIMEOUT = 5\n')
    c = load_campaign(path, {"HTTP_TIMEOUT": "2"})
    assert c.registry == tmp_path / "r.csv" and c.signals == tmp_path / "s.csv"
    assert c.check_date == date(2013, 12, 15) and c.year == 2013
    assert c.settings["HTTP_TIMEOUT"] == 2.0 and c.settings["CHECK_DATE"] == "2013-12-15"
    assert c.store_path == tmp_path / "out" / "campaign.duckdb"


@pytest.mark.parametrize("text, field, words", [
    ('[campaign]\nname = "x"\nregistry = "r.csv"\nregistri = "y"\n', "campaign", "unknown key"),
    ('[campaign]\nname = "x"\nregistry = "r.csv"\ncheck_date = "15/12/2013"\n', "campaign.check_date", "ISO"),
    ('[campaign]\nname = "x"\n', "campaign.registry", "non-empty"),
    ('[campaign]\nname = "x"\nregistry = "r.csv"\n[settings]\nHTTP_TIMEOUT = "soon"\n', "settings.HTTP_TIMEOUT", "float"),
    ('[campaign]\nname = "x"\nregistry = "r.csv"\n[settings]\nNO_SUCH = 1\n', "settings.NO_SUCH", "unknown"),
])
def test_bad_campaign_files(tmp_path: Path, text: str, field: str, words: str) -> None:
    with pytest.raises(CampaignFileError) as info:
        load_campaign(write(tmp_path, text))
    assert info.value.field == field and words in str(info.value) and str(tmp_path) in str(info.value)


def test_not_toml_and_missing(tmp_path: Path) -> None:
    with pytest.raises(CampaignFileError, match="TOML"):
        load_campaign(write(tmp_path, "[campaign\nname="))
    with pytest.raises(CampaignFileError, match="not found"):
        load_campaign(tmp_path / "nope.toml")
    with pytest.raises(CampaignFileError, match=r"\[campaign\]"):
        load_campaign(write(tmp_path, "x = 1\n"))


def test_several_frameworks_and_data_files(tmp_path: Path) -> None:
    path = write(tmp_path, '[campaign]\nname = "x"\nregistry = "r.csv"\nframework = "website-2013"\n'
                           'frameworks = ["newmedia-2013", "my.yaml", "website-2013"]\n'
                           'account_stats = "data/s.csv"\napp_store = "apps.jsonl"\n')
    c = load_campaign(path)
    assert c.framework == "website-2013"
    assert c.frameworks == ["website-2013", "newmedia-2013", str(tmp_path / "my.yaml")]
    assert c.data == {"account_stats": tmp_path / "data" / "s.csv", "app_store": tmp_path / "apps.jsonl"}
    path = write(tmp_path, '[campaign]\nname = "x"\nregistry = "r.csv"\n'
                           'frameworks = {weibo = "newmedia-2013", wechat = "newmedia-2013", website = "website-2013"}\n')
    c = load_campaign(path)
    assert c.frameworks == ["newmedia-2013", "website-2013"] and c.framework == "newmedia-2013"
    assert c.framework_kinds == {"newmedia-2013": ("weibo", "wechat"), "website-2013": ("website",)}
    from govlens.runner import campaign_frameworks
    assert [f.platform_kinds for f in campaign_frameworks(c)] == [("weibo", "wechat"), ("website",)]


@pytest.mark.parametrize("value, words", [
    ('frameworks = {blog = "newmedia-2013"}', "unknown platform kind 'blog'"),
    ("frameworks = []", "expected a list of frameworks"),
    ("frameworks = 3", "expected a list of frameworks"),
])
def test_bad_frameworks_key(tmp_path: Path, value: str, words: str) -> None:
    path = write(tmp_path, f'[campaign]\nname = "x"\nregistry = "r.csv"\n{value}\n')
    with pytest.raises(CampaignFileError, match=words) as info:
        load_campaign(path)
    assert info.value.field.startswith("campaign.frameworks")
