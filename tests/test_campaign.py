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
