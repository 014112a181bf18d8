"""The probes' own refusals in the user's language: a bad CHECK_DATE, an unknown probe, the monitor's window."""
from __future__ import annotations

from pathlib import Path

import pytest

from govlens import messages
from govlens.errors import ConfigError, SettingsError
from govlens.probes.base import reference_date
from govlens.probes.gatherers.monitor import Monitor
from govlens.probes.components import get_probe
from govlens.registry.model import Platform
from govlens.settings import Settings
from govlens.store.campaign_store import CampaignStore


def test_a_check_date_that_is_no_date() -> None:
    with pytest.raises(SettingsError) as info:
        reference_date(Settings({"CHECK_DATE": "2013-13-45"}))
    assert info.value.field == "CHECK_DATE"
    assert str(info.value) == "字段 “CHECK_DATE”：不是 ISO 格式的日期（如 2025-06-30）：“2013-13-45”"


def test_an_unknown_probe_is_named_with_the_nearest() -> None:
    with pytest.raises(ConfigError) as info:
        get_probe("http-site")
    assert info.value.field == "probes"
    assert str(info.value) == "字段 “probes”：未知的探测 “http-site”，是否想写 “http_site”？"
    with messages.using("en"):
        with pytest.raises(ConfigError) as info:
            get_probe("http-site")
    assert str(info.value) == "field 'probes': unknown probe 'http-site'; did you mean `http_site`?"


def test_the_monitor_window_refusals(tmp_path: Path) -> None:
    store = CampaignStore(tmp_path / "campaign.duckdb")
    try:
        site = Platform(id="a", name="甲", kind="website", org_type="government", level="county", province="浙江",
                        region="east", url="http://www.a.gov.cn/", group="county")
        monitor = Monitor([site], store, Settings({"MONITOR_DURATION": 60}))
        with pytest.raises(ConfigError) as info:
            monitor.open_window(resume=True)
        assert str(info.value) == "字段 “--resume”：没有可继续的监测窗口：请先运行 `govlens monitor`"
        monitor.open_window(resume=False)               # a window opened, never finished
        with pytest.raises(ConfigError) as info:
            monitor.open_window(resume=False)
        assert info.value.field == "monitor"
        assert "评估库中有未完成的监测窗口：用 `govlens monitor --resume` 继续该窗口" in str(info.value)
    finally:
        store.close()
