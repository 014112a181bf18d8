"""The machine fails, not the input: one clear line, nothing collected lost, every output whole or absent.

Real file systems: a tiny tmpfs filled to a few kilobytes of free space (a full disk while
`scan` commits and while `report` writes), a tmpfs remounted read-only (root ignores permission
bits, so chmod would prove nothing), and an ``out`` that names an existing file. Every command
runs through the real CLI (``govlens.cli.main``) on a real campaign store.
"""
from __future__ import annotations

import csv
import hashlib
import io
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from govlens.cli import main
from govlens.store import CampaignStore

SITES = 40      # blocked targets (no network needed): each site is quick, the store still grows site by site


def _campaign(folder: Path, out: str) -> Path:
    rows = ["id,name,kind,org_type,level,province,region,url,group"]
    rows += [f"p{i},测试{i}县人民政府,website,government,county,浙江,east,http://10.0.{i // 250}.{i % 250 + 1}:9/,county"
             for i in range(SITES)]
    (folder / "registry.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    path = folder / f"campaign-{abs(hash(out)) % 10_000}.toml"
    path.write_text(f'[campaign]\nname = "磁盘与权限"\ncheck_date = "2013-12-15"\nregistry = "registry.csv"\n'
                    f'out = "{out}"\n\n[settings]\nBROWSER_ENABLED = false\nAVAILABILITY_VISITS = 1\n', encoding="utf-8")
    return path


@contextmanager
def tmpfs(where: Path, size: str) -> Iterator[Path]:
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {done.stderr.decode()[:100]}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(folder: Path, leave: int) -> Path:
    """Fill the file system of ``folder`` until ``leave`` bytes are free (a filler file)."""
    filler = folder / "filler"
    free = shutil.disk_usage(folder).free
    with open(filler, "wb") as fh:
        fh.write(b"\0" * max(0, free - leave))
    while shutil.disk_usage(folder).free > leave:        # tmpfs counts pages: top up by pages
        with open(filler, "ab") as fh:
            fh.write(b"\0" * 4096)
    return filler


@pytest.fixture(scope="module")
def scored(tmp_path_factory) -> Path:
    """A campaign run to the end once (scan, score, awards, report): its ``out`` is copied by each test."""
    folder = tmp_path_factory.mktemp("scored")
    assert main(["run", str(_campaign(folder, "out"))]) == 0
    return folder


def one_line(capsys) -> str:
    """The error (错误：…): one line, the last one (a stage that finished before may have said so above it)."""
    err = capsys.readouterr().err.strip()
    lines = err.splitlines()
    assert "Traceback" not in err and [x for x in lines if x.startswith("错误：")] == lines[-1:], err
    return lines[-1]


def digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def consistent(store_path: Path) -> tuple[int, int]:
    """The store opens; every ledger row has its observations and no observation lacks a ledger row."""
    with CampaignStore(store_path) as store:
        rows = store.con.execute(
            "SELECT l.platform_id, l.observations, count(o.platform_id) FROM scan_ledger l "
            "LEFT JOIN observations o ON o.platform_id = l.platform_id "
            "AND list_contains(string_split(l.probes, ','), o.probe) "
            "GROUP BY l.platform_id, l.observations").fetchall()
        orphans = store.con.execute(
            "SELECT count(*) FROM observations o WHERE o.probe = 'http_site' AND o.platform_id NOT IN "
            "(SELECT platform_id FROM scan_ledger)").fetchone()[0]
        assert orphans == 0
        assert all(n == m for _, n, m in rows), rows
        return len(rows), store.count("observations")


def test_out_naming_an_existing_file(tmp_path: Path, capsys) -> None:
    (tmp_path / "not-a-folder").write_text("x", encoding="utf-8")
    path = _campaign(tmp_path, "not-a-folder")
    for stage in ("scan", "report", "run"):
        assert main([stage, str(path)]) == 1
        err = one_line(capsys)
        assert "not-a-folder" in err and "不是目录" in err, err
    assert (tmp_path / "not-a-folder").read_text(encoding="utf-8") == "x"


def test_a_read_only_output_folder(scored: Path, tmp_path: Path, capsys) -> None:
    with tmpfs(tmp_path / "ro", "64m") as ro:
        shutil.copytree(scored / "out", ro / "out")
        before = digests(ro / "out")
        subprocess.run(["mount", "-o", "remount,ro", str(ro)], check=True)
        path = _campaign(tmp_path, str(ro / "out"))
        for stage in ("scan", "score", "report"):
            assert main([stage, str(path)]) == 1, stage
            err = one_line(capsys)
            assert str(ro / "out") in err and "只读" in err, err
        assert digests(ro / "out") == before


@pytest.mark.parametrize("leave_kib", [0, 64, 256, 1024])
def test_a_full_disk_during_scan_loses_nothing(scored: Path, tmp_path: Path, capsys, leave_kib: int) -> None:
    with tmpfs(tmp_path / "full", "24m") as disk:
        shutil.copytree(scored / "out", disk / "out")
        path = _campaign(tmp_path, str(disk / "out"))
        sites_before, _ = consistent(disk / "out" / "campaign.duckdb")
        assert sites_before == SITES
        filler = fill(disk, leave_kib * 1024)
        code = main(["scan", str(path)])
        if code != 0:
            assert code == 1
            err = one_line(capsys)
            assert "磁盘空间已满" in err and str(disk / "out") in err, err
        filler.unlink()
        consistent(disk / "out" / "campaign.duckdb")           # each site whole or absent
        assert main(["scan", str(path), "--resume"]) == 0        # with space again, the scan finishes
        sites, _ = consistent(disk / "out" / "campaign.duckdb")
        assert sites == SITES
    capsys.readouterr()


def _whole(path: Path) -> bool:
    data = path.read_bytes()
    if path.suffix == ".html":
        return data.rstrip().endswith(b"</html>")
    if path.suffix == ".csv":
        list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        return data.endswith(b"\n")
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook
        load_workbook(io.BytesIO(data), read_only=True).close()
        return True
    if path.suffix == ".md":
        return data.endswith(b"\n")
    return True


@pytest.mark.parametrize("leave_kib", [32, 128, 512])
def test_a_full_disk_during_report_leaves_every_file_whole(scored: Path, tmp_path: Path, capsys,
                                                           leave_kib: int) -> None:
    with tmpfs(tmp_path / "full", "24m") as disk:
        shutil.copytree(scored / "out", disk / "out")
        # an earlier, smaller report: the new one needs more room than there is, so writing it fails midway
        for old in [*(disk / "out" / "scorecards").glob("*.html"), disk / "out" / "notice.html"]:
            old.write_text("<!DOCTYPE html><html><body>旧报告</body></html>\n", encoding="utf-8")
        before = digests(disk / "out")
        path = _campaign(tmp_path, str(disk / "out"))
        filler = fill(disk, leave_kib * 1024)
        assert main(["report", str(path)]) == 1
        err = one_line(capsys)
        assert "磁盘空间已满" in err, err
        filler.unlink()
        after = digests(disk / "out")
        leftovers = [name for name in after if Path(name).name.startswith(".") and name.endswith(".tmp")]
        assert leftovers == []
        for name in after:
            if name == "campaign.duckdb" or name.endswith(".wal"):
                continue
            assert _whole(disk / "out" / name), name
        assert set(before) - {"campaign.duckdb.wal"} <= set(after)    # no output lost
    capsys.readouterr()


def test_index_csv_on_a_full_disk_keeps_the_old_file_whole(tmp_path: Path) -> None:
    """``govlens index`` tables (scoring/export.write_csv) replace a file whole or not at all."""
    import numpy as np
    import pandas as pd

    from govlens.scoring.export import write_csv

    big = pd.DataFrame({"a": np.arange(40_000, dtype=float), "b": ["单位名称较长的文本"] * 40_000})
    with tmpfs(tmp_path / "fs", "1m") as fs:
        target = fs / "scores.csv"
        write_csv(big.head(10), target)
        before = target.read_bytes()
        fill(fs, 64 * 1024)
        for engine in ("pandas", "duckdb"):
            with pytest.raises(Exception):
                write_csv(big, target, engine=engine)
            assert target.read_bytes() == before          # the old table, whole
            assert not [p.name for p in fs.iterdir() if p.name.endswith(".tmp")]   # no partial file left behind
