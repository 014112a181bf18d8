"""The reports' layout in Chromium at a desktop (1280 px) and a phone (390 px) width: no table overflows
its container (a table scrolling inside a box of its own is contained) and no cell is narrower than
four characters of its own text (the inspection table's columns were crushed to one character a line)."""
from __future__ import annotations

import csv
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote

import pytest

from govlens.report.safety import file_names

WIDTHS = (1280, 390)


@pytest.fixture(scope="module")
def browser(chromium, layout_tools):
    return SimpleNamespace(chromium=chromium, measure=layout_tools.measure)


def _measure(browser, url: str, width: int) -> dict:
    page = browser.chromium.new_page(viewport={"width": width, "height": 900})
    try:
        page.goto(url)
        page.wait_for_load_state("load")
        page.wait_for_timeout(100)          # the dashboard builds its tables after load
        return browser.measure(page)
    finally:
        page.close()


def _check(browser, out: Path, pages: list[str]) -> list[str]:
    """Every page at every width measured; the problems found (each names its page and width)."""
    failures = []
    for width in WIDTHS:
        for name in pages:
            path, _, frag = name.partition("#")
            url = (out / path).resolve().as_uri() + (f"#{frag}" if frag else "")
            got = _measure(browser, url, width)
            assert got["tables"] > 0, f"{name} at {width} px shows no table"
            failures += [f"{name} @{width}px: {p}" for p in got["problems"][:5]]
    return failures


BAD = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body { margin: 0; font: 16px sans-serif; } .box { width: 300px; } %s
</style></head><body><div class="box">%s<table><thead><tr>%s</tr></thead><tbody><tr>%s</tr></tbody></table>%s</div>
</body></html>"""


def _bad_page(tmp_path: Path, css: str = "", wrap: bool = False) -> str:
    heads = "".join(f"<th>问题类型{i}</th>" for i in range(8))
    cells = "".join(f"<td>https://www.example-{i}.gov.cn/some/long/path/index.html 站点无法访问</td>" for i in range(8))
    path = tmp_path / f"bad-{len(css)}-{wrap}.html"
    path.write_text(BAD % (css, '<div style="overflow-x:auto">' if wrap else "", heads, cells,
                           "</div>" if wrap else ""), encoding="utf-8")
    return path.as_uri()


def test_the_measure_sees_an_overflowing_table_and_crushed_cells(browser, tmp_path):
    # a table of long URLs forced into 300 px: the page overflows, or the cells are crushed
    crushed = _measure(browser, _bad_page(tmp_path, "td, th { word-break: break-all; }"), 1280)
    assert any(p["what"] == "cell" for p in crushed["problems"])
    wide = _measure(browser, _bad_page(tmp_path, "td, th { white-space: nowrap; }"), 390)
    kinds = {p["what"] for p in wide["problems"]}
    assert "table" in kinds and "page" in kinds
    # the same table in a scroll box of its own, cells at least four characters wide: nothing to report
    fine = _measure(browser, _bad_page(tmp_path, "td, th { min-width: 6em; overflow-wrap: anywhere; }", wrap=True), 390)
    assert fine["problems"] == [] and fine["cells"] >= 16


def test_a_small_campaigns_reports_fit_at_both_widths(campaign, browser):
    out = campaign["out"]
    biggest = max((out / "scorecards").glob("*.html"), key=lambda p: p.stat().st_size if p.name != "index.html" else 0)
    failures = _check(browser, out, ["notice.html", "scorecards/index.html", f"scorecards/{biggest.name}",
                          "dashboard/index.html#/rankings", "dashboard/index.html#/findings",
                          "dashboard/index.html#/map"])
    assert not failures, "\n".join(failures)


def _most_findings(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r.get("findings", "").isdigit()]
    return max(rows, key=lambda r: int(r["findings"]))["id"]


def test_the_demos_reports_fit_at_both_widths(demo, browser):
    with open(demo / "registry.csv", encoding="utf-8", newline="") as fh:
        ids = [r["id"] for r in csv.DictReader(fh)]
    files = file_names(ids)
    site = _most_findings(demo / "results.csv")               # the longest findings table of a website
    account = _most_findings(demo / "results-newmedia-2013.csv")   # an account: the weekly chart too
    assert (demo / "inspection.html").is_file(), "the demo runs the national check: inspection.html"
    pages = ["notice.html", "inspection.html", "scorecards/index.html", f"scorecards/{files[site]}", f"scorecards/{files[account]}",
             "dashboard/index.html#/rankings", "dashboard/index.html#/map", "dashboard/index.html#/findings",
             f"dashboard/index.html#/platform/{quote(site, safe='')}"]
    failures = _check(browser, demo, pages)
    assert not failures, "\n".join(failures)
