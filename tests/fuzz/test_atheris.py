"""Every atheris target of ``fuzz/atheris_targets.py`` runs a few thousand coverage-guided inputs cleanly.

A crash (an exception the parser's contract does not allow) makes libFuzzer exit non-zero and
print the input; this test shows that output. Skipped where atheris does not install.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("atheris")

SCRIPT = Path(__file__).resolve().parents[2] / "fuzz" / "atheris_targets.py"
TARGETS = ("html", "charset", "dates", "robots", "sitemap", "registry", "signals", "campaign", "framework", "awards")


@pytest.mark.parametrize("target", TARGETS)
def test_target_survives_fuzzing(target: str, tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, str(SCRIPT), target, "-atheris_runs=3000", "-max_len=4096",
                           f"-artifact_prefix={tmp_path}/"], capture_output=True, text=True, timeout=600,
                          cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert "Done 3000" in proc.stderr
