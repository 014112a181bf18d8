from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from govlens.errors import CampaignFileError
from govlens.pipeline.campaign import load_campaign


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


@pytest.mark.parametrize("text, field, line, words", [
    ('[campaign]\nname = "x"\nregistry = "r.csv"\nregistri = "y"\n', "campaign.registri", 4, "未知的键"),
    ('[campaign]\nname = "x"\nregistry = "r.csv"\ncheck_date = "15/12/2013"\n', "campaign.check_date", 4, "ISO"),
    ('[campaign]\nname = "x"\n', "campaign.registry", 1, "非空字符串"),
    ('[campaign]\nname = "x"\nregistry = "r.csv"\n[settings]\nHTTP_TIMEOUT = "soon"\n', "settings.HTTP_TIMEOUT", 5,
     "应为数值"),
    ('[campaign]\nname = "x"\nregistry = "r.csv"\n[settings]\nNO_SUCH = 1\n', "settings.NO_SUCH", 5, "未知的设置"),
])
def test_bad_campaign_files(tmp_path: Path, text: str, field: str, line: int, words: str) -> None:
    with pytest.raises(CampaignFileError) as info:
        load_campaign(write(tmp_path, text))
    assert info.value.field == field and words in str(info.value) and str(tmp_path) in str(info.value)
    assert info.value.line == line and f"c.toml:{line}" in str(info.value)


def test_not_toml_and_missing(tmp_path: Path) -> None:
    with pytest.raises(CampaignFileError, match="TOML") as info:
        load_campaign(write(tmp_path, "[campaign\nname="))
    assert info.value.line == 1
    with pytest.raises(CampaignFileError, match="找不到") as info:
        load_campaign(tmp_path / "nope.toml")
    assert str((tmp_path / "nope.toml").resolve()) in str(info.value)
    with pytest.raises(CampaignFileError, match=r"\[campaign\]"):
        load_campaign(write(tmp_path, "[settings]\nHTTP_TIMEOUT = 5\n"))


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
    from govlens.pipeline.stage import campaign_frameworks
    assert [f.platform_kinds for f in campaign_frameworks(c)] == [("weibo", "wechat"), ("website",)]


@pytest.mark.parametrize("value, words", [
    ('frameworks = {blog = "newmedia-2013"}', "未知的平台类型 “blog”"),
    ("frameworks = []", "应为评估框架列表"),
    ("frameworks = 3", "应为评估框架列表"),
])
def test_bad_frameworks_key(tmp_path: Path, value: str, words: str) -> None:
    path = write(tmp_path, f'[campaign]\nname = "x"\nregistry = "r.csv"\n{value}\n')
    with pytest.raises(CampaignFileError, match=words) as info:
        load_campaign(path)
    assert info.value.field.startswith("campaign.frameworks")


# ------------------------------------------------------------------ typos: their own line, the nearest names
GOOD = '[campaign]\nname = "x"\nregistry = "r.csv"\n'


@pytest.mark.parametrize("text, line, wrong, meant", [
    ('# a comment\n[campain]\nname = "x"\nregistry = "r.csv"\n', 2, "[campain]", "“campaign”"),
    (GOOD + '\n[setings]  # typo\nHTTP_TIMEOUT = 5\n', 5, "[setings]", "“settings”"),
    (GOOD + 'framwork = "website-2013"\nout = "o"\n', 4, "“framwork”", "“framework”"),
    ('[campaign]\nname = "x"\n\n\nregistry = "r.csv"\nchek_date = "2013-12-15"\n', 6, "“chek_date”", "“check_date”"),
    (GOOD + '[settings]\nCONCURRENCY_SITES = 4\nHTTP_TIMEOTU = 5\n', 6, "HTTP_TIMEOTU", "“HTTP_TIMEOUT”"),
])
def test_a_typo_is_reported_at_its_own_line_with_the_nearest_known_name(
        tmp_path: Path, text: str, line: int, wrong: str, meant: str) -> None:
    """The line is the typo's, not its table's; the suggestion comes from the known names (difflib)."""
    path = write(tmp_path, text)
    with pytest.raises(CampaignFileError) as info:
        load_campaign(path)
    message = str(info.value)
    assert info.value.line == line and message.startswith(f"{path}:{line}"), message
    assert wrong in message and f"是否想写 {meant}" in message, message
    assert "缺少 [campaign]" not in message


def test_a_typo_in_english(tmp_path: Path) -> None:
    from govlens import messages
    with messages.using("en"):
        with pytest.raises(CampaignFileError) as info:
            load_campaign(write(tmp_path, '[campain]\nname = "x"\n'))
    assert "unknown table [campain]" in str(info.value) and "did you mean `campaign`?" in str(info.value)
    assert str(info.value).startswith(f"{tmp_path / 'c.toml'}:1")


def test_a_missing_file_is_named_with_its_key_line_and_full_path(tmp_path: Path, monkeypatch) -> None:
    """The key that named the file, its line in the campaign file, the full resolved path."""
    from govlens.pipeline.runner import preflight
    (tmp_path / "sub").mkdir()
    path = tmp_path / "sub" / "c.toml"
    path.write_text('[campaign]\nname = "x"\n\nregistry = "../lists/registry.csv"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    campaign = load_campaign(Path("sub") / "c.toml")          # a relative campaign path, a relative key
    with pytest.raises(CampaignFileError) as info:
        preflight(campaign, "scan")
    message = str(info.value)
    full = (tmp_path / "lists" / "registry.csv").resolve()
    assert info.value.line == 4 and ":4" in message, message
    assert 'registry = "../lists/registry.csv"' in message and f"找不到文件 {full}" in message, message
    write_registry = tmp_path / "lists"
    write_registry.mkdir()
    (write_registry / "registry.csv").write_text("id,name,kind,url\np1,x,website,https://www.x.gov.cn/\n",
                                                  encoding="utf-8")
    path.write_text('[campaign]\nname = "x"\nregistry = "../lists/registry.csv"\naccount_stats = "stats.csv"\n',
                    encoding="utf-8")
    with pytest.raises(CampaignFileError) as info:
        preflight(load_campaign(path), "scan")
    assert info.value.line == 4 and f"account_stats = \"stats.csv\"：找不到文件 {tmp_path / 'sub' / 'stats.csv'}" \
        in str(info.value), str(info.value)


def test_a_missing_warc_archive_is_named_with_its_key_line_and_full_path(tmp_path: Path) -> None:
    from govlens.pipeline.runner import preflight
    (tmp_path / "r.csv").write_text("id,name,kind,url\np1,x,website,https://www.x.gov.cn/\n", encoding="utf-8")
    (tmp_path / "a.warc.gz").write_bytes(b"")
    path = write(tmp_path, GOOD + 'warc = ["a.warc.gz",\n  "crawls/b.warc.gz"]\n')
    with pytest.raises(CampaignFileError) as info:
        preflight(load_campaign(path), "scan")
    assert info.value.line == 4 and f'warc = "crawls/b.warc.gz"：找不到文件 {tmp_path / "crawls" / "b.warc.gz"}' \
        in str(info.value), str(info.value)
