"""The campaign store's refusals in the user's language: a file that is no store, a store in use, a bad memory size."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from govlens.errors import SettingsError, StoreError
from govlens.store.campaign_store import CampaignStore


def test_a_file_that_is_no_store(tmp_path: Path) -> None:
    path = tmp_path / "campaign.duckdb"
    path.write_text("这不是评估库", encoding="utf-8")
    with pytest.raises(StoreError) as info:
        CampaignStore(path)
    assert str(info.value) == f"{path}：不是评估库（不是 DuckDB 数据库文件）"


def test_a_store_another_process_holds(tmp_path: Path) -> None:
    path = tmp_path / "campaign.duckdb"
    CampaignStore(path).close()
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
                               "print('open', flush=True); sys.stdin.read()", str(path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError) as info:
            CampaignStore(path)
        assert str(info.value) == f"{path}：评估库正被另一个进程占用，请待其结束后再运行"
    finally:
        holder.communicate("", timeout=30)


def test_a_memory_size_duckdb_does_not_understand(tmp_path: Path) -> None:
    store = CampaignStore(tmp_path / "campaign.duckdb")
    try:
        with pytest.raises(SettingsError) as info:
            store.set_memory_limit("lots")
    finally:
        store.close()
    assert info.value.field == "STORE_MEMORY_LIMIT"
    assert str(info.value) == "字段 “STORE_MEMORY_LIMIT”：不是 DuckDB 能识别的内存大小：“lots”（应写作 256MB、1GB 等）"
