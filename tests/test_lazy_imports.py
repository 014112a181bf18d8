"""Commands import only what they use: `import govlens.cli`, `govlens index` and `govlens page` on a file
leave the heavy libraries out of sys.modules (a fresh interpreter each, so earlier tests cannot mask it)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

HEAVY = ("scipy", "pandas", "duckdb", "playwright", "dask", "SALib", "aiohttp", "matplotlib", "weasyprint", "docx")
ROOT = Path(__file__).resolve().parents[1]


def loaded_after(code: str, cwd: Path) -> set[str]:
    probe = code + f"\nimport sys, json\nprint(json.dumps([m for m in {list(HEAVY)!r} if m in sys.modules]))"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return set(json.loads(proc.stdout.strip().splitlines()[-1]))


def test_importing_the_command_line_imports_no_heavy_library(tmp_path: Path) -> None:
    assert loaded_after("import govlens.cli", tmp_path) == set()


def test_index_without_uncertainty_needs_pandas_only(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text("id,a,b\nu1,1,2\nu2,3,1\nu3,2,2\n", encoding="utf-8")
    fw = {"id": "t", "treat": {"method": "winsorise"}, "dimensions": [{"id": "d", "weight": 1, "indicators": [
        {"id": "a", "normalise": {"method": "minmax"}}, {"id": "b", "normalise": {"method": "percentile"}}]}]}
    (tmp_path / "fw.yaml").write_text(yaml.safe_dump(fw), encoding="utf-8")
    code = ("from govlens.cli import main\n"
            "assert main(['index', 't.csv', '--framework', 'fw.yaml', '--out', 'out']) == 0")
    assert loaded_after(code, tmp_path) == {"pandas"}
    assert (tmp_path / "out" / "results.csv").is_file()


def test_page_on_a_file_does_not_load_the_http_stack(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_text("<html><head><title>首页</title></head><body><a href='/a'>通知</a></body></html>",
                                     encoding="utf-8")
    code = ("import contextlib, io\nfrom govlens.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n    assert main(['page', 'p.html']) == 0")
    assert loaded_after(code, tmp_path) == set()
