"""Output files are replaced whole or not at all."""
from __future__ import annotations

from pathlib import Path

import pytest

from govlens.atomic import atomic_path, atomic_write_text
from govlens.report.tables import FindingsCsv


def test_interrupted_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "notice.html"
    atomic_write_text(target, "旧通报")
    with pytest.raises(KeyboardInterrupt):
        with atomic_path(target) as tmp:
            tmp.write_text("新通报的前一半", encoding="utf-8")
            raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "旧通报"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notice.html"]
    atomic_write_text(target, "新通报")
    assert target.read_text(encoding="utf-8") == "新通报"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notice.html"]


def test_abandoned_findings_csv_keeps_the_previous_one(tmp_path: Path) -> None:
    first = FindingsCsv(tmp_path / "findings.csv")
    first.write([{"platform_id": "p1", "kind": "site_down", "url": "https://a.gov.cn/", "detail": "x"}])
    first.close()
    before = (tmp_path / "findings.csv").read_text(encoding="utf-8")
    second = FindingsCsv(tmp_path / "findings.csv")
    second.write([{"platform_id": "p2", "kind": "slow_response", "url": "https://b.gov.cn/", "detail": "y"}])
    second.abort()
    assert (tmp_path / "findings.csv").read_text(encoding="utf-8") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["findings.csv"]
