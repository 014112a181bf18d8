"""govlens sandbox …'s refusals and the hostile check's verdicts in the user's language (real files, a real
store, real ports and a real server process)."""
from __future__ import annotations

import asyncio
import datetime as dt
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from govlens import messages
from govlens.errors import ConfigError, GovlensError, InputError
from govlens.sandbox import hostile as H
from govlens.sandbox.check import load_finding_keys, rendered_platforms
from govlens.sandbox.platforms import generate_platforms
from govlens.sandbox.process import _wait_for_state
from govlens.sandbox.server import start_server
from govlens.sandbox.web import build_sandbox
from govlens.store.campaign_store import CampaignStore


def test_a_findings_file_without_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "findings.csv"
    path.write_text("platform,what\np1,x\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_finding_keys(path)
    assert info.value.line == 1
    assert str(info.value) == f"{path}:1：应有 platform_id、kind、url、detail 列"
    with pytest.raises(InputError) as info:
        load_finding_keys(tmp_path / "none.csv")
    assert str(info.value) == f"{tmp_path / 'none.csv'}：无法读取该文件（文件不存在）"
    path.write_bytes(b"platform_id,kind,url\n\xff\xfe,x,y\n")
    with pytest.raises(InputError) as info:
        load_finding_keys(path)
    assert "不是 UTF-8 编码" in str(info.value)


def test_a_store_that_is_none(tmp_path: Path) -> None:
    bad = tmp_path / "bad.duckdb"
    bad.write_text("不是数据库", encoding="utf-8")
    with pytest.raises(InputError) as info:
        rendered_platforms(bad)
    assert str(info.value).startswith(f"{bad}：无法打开评估库（")
    import duckdb
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    with pytest.raises(InputError) as info:
        rendered_platforms(empty)
    assert str(info.value) == f"{empty}：不是评估库，或其中没有观测数据"


def test_the_hostile_check_says_what_differs(tmp_path: Path) -> None:
    truth = H.write_truth(tmp_path / "hostile-truth.json")
    not_truth = tmp_path / "other.json"
    not_truth.write_text('{"domain": "x"}', encoding="utf-8")
    with pytest.raises(InputError) as info:
        H.check_store(not_truth, tmp_path / "campaign.duckdb")
    assert str(info.value) == f"{not_truth}：不是恶意网络真值文件"
    store = CampaignStore(tmp_path / "campaign.duckdb")
    site = next(s for s in H.HOSTILE_SITES if s.kind == "script_injection")
    store.insert("observations", [{"platform_id": site.platform_id, "probe": "http_site", "kind": "page",
                                   "url": site.url, "status": "completed",
                                   "data": {"role": "home", "title": "\u202e伪造标题" + "长" * 200}}])
    store.close()
    results = {r.kind: r for r in H.check_store(truth, tmp_path / "campaign.duckdb")}
    slow = results["slowloris"]
    assert slow.problems == ("首页观测 0 条（应为 1 条）", "首页状态为 “—”（应为 “timeout”）")
    (problem,) = results["script_injection"].problems
    assert problem.startswith("标题为 “\\u202e伪造标题长") and "长" * 101 not in problem
    assert "\u202e" not in problem                          # the override is written out, never sent to a terminal
    table = H.format_results([slow])
    assert "slowloris" in table and "否：首页观测 0 条（应为 1 条）；首页状态为 “—”（应为 “timeout”）" in table
    assert "None" not in table


def test_the_hostile_check_in_english(tmp_path: Path) -> None:
    truth = H.write_truth(tmp_path / "hostile-truth.json")
    CampaignStore(tmp_path / "campaign.duckdb").close()
    with messages.using("en"):
        results = {r.kind: r for r in H.check_store(truth, tmp_path / "campaign.duckdb")}
    assert results["slowloris"].problems == ("0 homepage observations (expected 1)",
                                             "homepage status `-` (expected `timeout`)")


def test_a_sandbox_port_in_use(tmp_path: Path) -> None:
    web = build_sandbox(generate_platforms([], 2, 7), 7, dt.date(2013, 12, 10))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ConfigError) as info:
            asyncio.run(start_server(web, http_port=port, state_dir=tmp_path / "state"))
    assert info.value.field == "sandbox port"
    assert str(info.value).endswith("沙箱服务器无法在 127.0.0.1 上监听（系统错误 98）")


def test_a_sandbox_server_that_dies_at_once(tmp_path: Path) -> None:
    log = tmp_path / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-c", "import sys; print('端口已被占用'); sys.exit(3)"],
                                stdout=out, stderr=subprocess.STDOUT)
        proc.wait(timeout=60)
    with pytest.raises(GovlensError) as info:
        _wait_for_state(proc, tmp_path / "sandbox.json", log)
    assert str(info.value) == "沙箱服务器已退出（退出码 3），日志末尾：端口已被占用\n"

