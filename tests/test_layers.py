"""The layers of the house hold: import-linter checks the contracts written in pyproject.toml.

A broken contract fails with import-linter's report (which module imports which, and on what line).
The stage order and the nevers are the design's (DESIGN.md): probes ↛ indicators/scoring/awards/report,
indicators ↛ probes/sandbox, scoring ↛ probes/indicators, registry ↛ later stages, report ↛ probes and
indicator internals, sandbox ↛ probes/indicators.
"""
from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_import_contract_is_kept() -> None:
    proc = subprocess.run([sys.executable, "-c", "from importlinter.cli import lint_imports_command; "
                           "lint_imports_command()", "--no-cache", str(ROOT / "pyproject.toml")],
                          cwd=ROOT / "src", capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    assert f"Contracts: {len(contracts)} kept, 0 broken." in proc.stdout


def test_the_contracts_catch_a_stage_importing_a_later_one(tmp_path: Path) -> None:
    """The same check on a copy of the package with one forbidden import added must fail, naming it."""
    import shutil

    copy = tmp_path / "src"
    shutil.copytree(ROOT / "src" / "govlens", copy / "govlens", ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / "govlens" / "probes" / "net" / "robots.py"
    target.write_text(target.read_text(encoding="utf-8") + "\nfrom govlens.scoring import methods  # noqa\n",
                      encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, '.'); "
                           "from importlinter.cli import lint_imports_command; lint_imports_command()",
                           "--no-cache", str(ROOT / "pyproject.toml")],
                          cwd=copy, capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0
    assert "govlens.probes.net.robots -> govlens.scoring.methods" in proc.stdout
