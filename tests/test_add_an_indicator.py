"""docs/add-an-indicator.md, followed literally: its blocks are written into a copy of the package (the module,
the framework entry, the test), and its commands run there. The new indicator must be found by the catalogue
with its title, loaded by the framework, pass its own test, and give its value and finding on a real page."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "add-an-indicator.md"
BLOCK = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```$", re.M | re.S)


def _blocks() -> list[tuple[str, dict[str, str], str]]:
    """(language, attributes, text) of every fenced block of the page: ``file=…``, ``dimension=…``, ``run``."""
    out = []
    for lang, info, text in BLOCK.findall(DOC.read_text(encoding="utf-8")):
        attrs = dict(a.partition("=")[::2] for a in info.split())
        out.append((lang, attrs, text))
    return out


def _insert_entry(yaml_file: Path, dimension: str, entry: str) -> None:
    """The entry as the first of the ``indicators:`` of dimension ``dimension`` (where the page says)."""
    lines = yaml_file.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {dimension}")
    at = next(i for i in range(at, len(lines)) if lines[i].strip() == "indicators:")
    lines.insert(at + 1, entry)
    yaml_file.write_text("".join(lines), encoding="utf-8")


def test_the_walkthrough_adds_a_working_indicator(tmp_path: Path) -> None:
    copy = tmp_path / "repo"
    shutil.copytree(ROOT / "src", copy / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    (copy / "tests" / "indicators").mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "indicators" / "conftest.py", copy / "tests" / "indicators" / "conftest.py")
    blocks = _blocks()
    written = []
    for lang, attrs, text in blocks:
        if "file" not in attrs:
            continue
        target = copy / attrs["file"]
        if "dimension" in attrs:
            assert target.is_file(), attrs["file"]
            _insert_entry(target, attrs["dimension"], text)
        else:
            assert not target.exists(), f"{attrs['file']} is not new"
            target.write_text(text, encoding="utf-8")
        written.append(attrs["file"])
    assert len(written) == 3, written             # the module, the framework entry, the test: nothing else
    env = {**os.environ, "PYTHONPATH": str(copy / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
    module, test = written[0], written[2]

    ident = Path(module).stem.replace("_", "-")
    check = ("from govlens.indicators import catalogue\n"
             "from govlens.frameworks import load_framework, validate_references\n"
             "from govlens.scoring import NORMALISATION_METHODS\n"
             f"fw = load_framework('website-2013')\n"
             "validate_references(fw, set(catalogue.all_ids()), set(NORMALISATION_METHODS))\n"
             f"assert {ident!r} in fw.indicator_ids()\n"
             f"m = catalogue.get({ident!r})\n"
             f"print(catalogue.title({ident!r}, 'zh-CN'), catalogue.unit_label({ident!r}, 'en'), m.__name__)\n")
    proc = subprocess.run([sys.executable, "-c", check], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.split() == ["首页标题字数", "characters", "govlens.indicators.site.title_length"]

    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test], cwd=copy, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and "3 passed" in proc.stdout, proc.stdout[-3000:] + proc.stderr[-2000:]

    runs = [text for lang, attrs, text in blocks if lang == "sh" and "run" in attrs]
    assert len(runs) == 2
    bindir = Path(sys.executable).parent
    shell_env = {**env, "PATH": f"{bindir}{os.pathsep}{env.get('PATH', '')}"}
    page = subprocess.run(["sh", "-e", "-c", runs[0]], cwd=tmp_path, env=shell_env, capture_output=True, text=True,
                          timeout=120)
    assert page.returncode == 0, page.stderr[-3000:]
    report = json.loads(page.stdout)
    assert report["indicators"][ident]["value"] == 2.0 and report["indicators"][ident]["status"] == "ok"
    assert "首页标题“首页”共2字" in report["indicators"][ident]["detail"]
    assert [f["kind"] for f in report["findings"] if "首页标题过短" in f["detail"]] == ["missing_title"]
    title = subprocess.run(["sh", "-e", "-c", runs[1]], cwd=tmp_path, env=shell_env, capture_output=True, text=True,
                           timeout=120)
    assert title.returncode == 0 and title.stdout.strip() == "Characters in the homepage title", title.stderr
