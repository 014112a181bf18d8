"""Output safety end to end: a defaced site and a malicious registry, through `govlens run`.

The hostile web's ``script_injection`` site puts ``<script>``, ``javascript:`` links, an
``onerror`` handler, a spreadsheet formula and RTL overrides in its title, description and
links; the registry adds a platform named like a formula and one whose id climbs out of the
output folder. Every output must carry that text only as inert text: escaped in HTML and
Markdown, quoted in CSV and XLSX, without bidirectional controls, and no file may be written
outside the output folder.
"""
from __future__ import annotations

import csv
import datetime as dt
import os
import re
from pathlib import Path

import openpyxl
import pytest

from govlens.pipeline.campaign import write_campaign
from govlens.registry.model import Platform
from govlens.registry.write import write_registry_csv
from govlens.sandbox import hostile as H
from govlens.sandbox.platforms import generate_platforms
from govlens.sandbox.server import run_in_thread
from govlens.sandbox.web import build_sandbox

AS_OF = dt.date(2013, 12, 15)
FORMULA_NAME = '=HYPERLINK("http://evil.example/","点我")'
SCRIPT_NAME = '<script>alert("name")</script>\u202e某县人民政府'
ESCAPING_ID = "../../../outside/evil"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory, scan_tools) -> Path:
    work = tmp_path_factory.mktemp("safety")
    normal = generate_platforms([], 6, 2013)
    web = build_sandbox(normal, 2013, AS_OF)
    injected = next(s for s in H.HOSTILE_SITES if s.kind == "script_injection")
    evil = [
        Platform(**{**normal[0].as_dict(), "name": FORMULA_NAME}),
        Platform(**{**normal[1].as_dict(), "id": ESCAPING_ID}),
        Platform(id=injected.platform_id, name=SCRIPT_NAME, kind="website", org_type="government", level="county",
                 province="北京", region="east", url=injected.url, group="county"),
    ]
    write_registry_csv(evil + normal[2:], work / "registry.csv")
    with run_in_thread(web, work / "sandbox", hostile=True):
        write_campaign(work / "campaign.toml", {
            "name": "输出安全", "check_date": AS_OF.isoformat(), "registry": "registry.csv", "out": "out/deep",
            "sandbox": "sandbox/sandbox.json"}, {"AVAILABILITY_VISITS": 1, "AVAILABILITY_SPACING": 0.0})
        done = scan_tools.run(["run", str(work / "campaign.toml")], work / "run.log")
    assert done.returncode == 0, done.stderr[-3000:]
    return work


def _files(root: Path) -> list[Path]:
    return [Path(d) / f for d, _, files in os.walk(root) for f in files]


def test_no_file_outside_the_output_folder(outputs: Path) -> None:
    out = (outputs / "out" / "deep").resolve()
    assert not (outputs / "outside").exists() and not (outputs / "out" / "outside").exists()
    for path in _files(outputs / "out"):
        assert path.resolve().is_relative_to(out), path
    cards = [p.relative_to(out / "scorecards").as_posix() for p in _files(out / "scorecards")]
    # scorecards, and the browser's thumbnails beside them (thumbs/<stem>-desktop.jpg), all named from safe stems
    assert all(re.fullmatch(r"[A-Za-z0-9._-]+\.(html|css)|thumbs/[A-Za-z0-9._-]+-(desktop|phone)\.jpg", name)
               for name in cards), cards
    assert not any(".." in name for name in cards), cards


def test_html_and_markdown_hold_only_inert_text(outputs: Path) -> None:
    out = outputs / "out" / "deep"
    pages = [p for p in _files(out) if p.suffix in (".html", ".md")]
    text = {p: p.read_text(encoding="utf-8") for p in pages}
    # the dashboard's page loads its own two scripts (its data and its code), and nothing else
    own = '<script src="data.js"></script>\n<script src="app.js"></script>'
    dash = out / "dashboard" / "index.html"
    assert text[dash].count(own) == 1
    text[dash] = text[dash].replace(own, "")
    for path, body in text.items():
        low = body.lower()
        assert "<script" not in low, path
        assert "onerror=" not in low or "&lt;img" in low, path
        assert not re.search(r"href\s*=\s*[\"']?\s*(javascript|data|vbscript):", low), path
        assert "\u202e" not in body and "\u202c" not in body, path
    assert any("&lt;script&gt;alert(" in body for body in text.values())     # the name is shown, escaped
    data = (out / "dashboard" / "data.js").read_text(encoding="utf-8")    # one JSON object, scanned text in it
    assert "<" not in data and "\u202e" not in data and "\\u003cscript\\u003ealert(" in data


def test_spreadsheets_hold_no_formula(outputs: Path) -> None:
    out = outputs / "out" / "deep"
    for name in ("results.csv", "findings.csv"):
        with open(out / name, encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    assert not cell.startswith(("=", "+", "@")), (name, cell)
                    assert not (cell.startswith("-") and not re.fullmatch(r"-[\d.]+", cell)), (name, cell)
                    assert "\u202e" not in cell
    with open(out / "results.csv", encoding="utf-8", newline="") as fh:
        assert any(cell == "'" + FORMULA_NAME for row in csv.reader(fh) for cell in row)
    book = openpyxl.load_workbook(out / "results.xlsx")
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (cell.coordinate, cell.value)
                assert not (isinstance(cell.value, str) and cell.value.startswith("=")), cell.value
