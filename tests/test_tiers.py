"""The quick tier (``make test-quick``) still tests every stage, and leaves out what it says it leaves out."""
from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("registry", "probes", "indicators", "frameworks", "scoring", "awards", "report", "review", "store",
          "sandbox", "selfcheck")


def collected(marks: str) -> list[str]:
    proc = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
                           "-m", marks, "tests"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    return [line for line in proc.stdout.splitlines() if "::" in line]


def test_the_quick_tier_covers_every_stage_and_leaves_out_the_demo_and_chromium() -> None:
    quick = collected("not slow and not browser and not e2e")
    per_stage = Counter(line.split("/")[1] for line in quick if line.startswith("tests/") and line.count("/") >= 2)
    missing = [s for s in STAGES if per_stage[s] == 0]
    assert not missing, f"stages without a quick test: {missing}"
    assert len(quick) > 1000
    heavy = set(collected("e2e or browser"))
    assert heavy and not heavy & set(quick)
    assert any("test_dashboard.py" in t for t in heavy) and any("test_end_to_end.py" in t for t in heavy)
    assert not any("test_hostile_scan.py" in t or "probes/browser/" in t for t in quick)
