"""Commands import only what they use: `import govlens.cli`, `govlens --help`, `govlens index` and `govlens page`
on a file leave the heavy libraries out of sys.modules (a fresh interpreter each, so earlier tests cannot mask
it): issue 16's start-up target (≤ 1.5 s each, benchmarks/startup.py) holds only while they stay out."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

HEAVY = ("scipy", "pandas", "duckdb", "playwright", "dask", "SALib", "aiohttp", "matplotlib", "weasyprint", "docx",
         "jinja2", "openpyxl", "httpx")
HELP_ONLY = ("numpy", "selectolax", "ahocorasick")   # the help needs no indicator, extractor or array either
ROOT = Path(__file__).resolve().parents[1]


def loaded_after(code: str, cwd: Path) -> set[str]:
    probe = code + f"\nimport sys, json\nprint(json.dumps([m for m in {list(HEAVY)!r} if m in sys.modules]))"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return set(json.loads(proc.stdout.strip().splitlines()[-1]))


def test_importing_the_command_line_imports_no_heavy_library(tmp_path: Path) -> None:
    assert loaded_after("import govlens.cli", tmp_path) == set()


def test_help_imports_no_library_beyond_the_parser(tmp_path: Path) -> None:
    for argv in (["--help"], ["page", "--help"], ["index", "--help"], ["--locale", "en", "run", "--help"]):
        code = ("import contextlib, io\nfrom govlens.cli import main\n"
                "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
                "    try:\n"
                f"        main({argv!r})\n"
                "    except SystemExit as exc:\n"
                "        assert exc.code == 0, exc.code\n"
                "assert 'govlens' in out.getvalue()\n"
                f"import sys\nassert not [m for m in {list(HELP_ONLY)!r} if m in sys.modules], {argv!r}")
        assert loaded_after(code, tmp_path) == set(), argv


def test_index_without_uncertainty_needs_pandas_only(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text("id,a,b\nu1,1,2\nu2,3,1\nu3,2,2\n", encoding="utf-8")
    fw = {"id": "t", "treat": {"method": "winsorise"}, "dimensions": [{"id": "d", "weight": 1, "indicators": [
        {"id": "a", "normalise": {"method": "minmax"}}, {"id": "b", "normalise": {"method": "percentile"}}]}]}
    (tmp_path / "fw.yaml").write_text(yaml.safe_dump(fw), encoding="utf-8")
    code = ("from govlens.cli import main\n"
            "assert main(['index', 't.csv', '--framework', 'fw.yaml', '--out', 'out']) == 0")
    assert loaded_after(code, tmp_path) == {"pandas"}
    assert (tmp_path / "out" / "results.csv").is_file()


def test_index_with_monte_carlo_and_sobol_adds_only_salib_and_scipy(tmp_path: Path) -> None:
    rows = "".join(f"u{i},{i % 5},{(i * 7) % 3}\n" for i in range(12))
    (tmp_path / "t.csv").write_text("id,a,b\n" + rows, encoding="utf-8")
    fw = {"id": "t", "uncertainty": {"replications": 64, "sensitivity": True, "weights": {"noise": 0.25}},
          "dimensions": [{"id": "d", "weight": 1, "indicators": [
              {"id": "a", "normalise": {"method": "minmax"}}, {"id": "b", "normalise": {"method": "minmax"}}]}]}
    (tmp_path / "fw.yaml").write_text(yaml.safe_dump(fw), encoding="utf-8")
    code = ("import contextlib, io\nfrom govlens.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
            "    assert main(['index', 't.csv', '--framework', 'fw.yaml', '--out', 'out']) == 0")
    assert loaded_after(code, tmp_path) == {"pandas", "scipy", "SALib"}
    header, weights = (tmp_path / "out" / "sensitivity.csv").read_text(encoding="utf-8").splitlines()[:2]
    assert header.startswith("factor,S1") and weights.split(",")[1] != ""      # SALib's Sobol index was computed


def test_page_on_a_file_does_not_load_the_http_stack(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_text("<html><head><title>首页</title></head><body><a href='/a'>通知</a></body></html>",
                                     encoding="utf-8")
    code = ("import contextlib, io\nfrom govlens.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n    assert main(['page', 'p.html']) == 0")
    assert loaded_after(code, tmp_path) == set()
