"""The dashboard end to end in headless Chromium, opened from disk and through ``govlens serve``.

Expected counts come from the published CSVs (results.csv, registry.csv, findings.csv) and the awards
file, never from the page's own data; every request the page makes is watched (nothing but the
file system or the loopback server), the console must stay clean, and axe-core must find no serious or
critical violation in any view.
"""
from __future__ import annotations

import csv
import json
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path
from statistics import mean
from urllib.parse import quote

import duckdb
import pytest

from govlens.awards import load_awards
from govlens.probes.gatherers.browser.axe import TAGS, axe_script
from govlens.report.dashboard import data_script
from govlens.report.safety import file_names


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


class Watch:
    """A browser context whose every request, console message and page error is recorded."""

    def __init__(self, chromium, allowed: tuple[str, ...], width: int = 1280) -> None:
        self.context = chromium.new_context(viewport={"width": width, "height": 900})
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.allowed = allowed

        def route(r):
            url = r.request.url
            if url.startswith(self.allowed):
                r.continue_()
            else:
                self.outside.append(url)
                r.abort()
        self.context.route("**/*", route)
        self.page = self.context.new_page()
        self.page.on("request", lambda req: self.requests.append(req.url))
        self.page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}")
                     if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def close(self) -> None:
        self.context.close()

    def check_clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.outside == []
        assert self.dialogs == []
        assert all(u.startswith((*self.allowed, "data:")) for u in self.requests), self.requests


def _axe(page) -> list[dict]:
    page.evaluate(axe_script())
    # preload off: axe would fetch the stylesheet again with XHR, which the page's CSP (rightly) refuses
    options = {"runOnly": {"type": "tag", "values": list(TAGS)}, "resultTypes": ["violations"], "preload": False}
    raw = page.evaluate(f"axe.run(document, {json.dumps(options)})")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n.get("target") for n in v["nodes"][:3]]}
            for v in raw["violations"] if v.get("impact") in ("serious", "critical")]


def _shown(page) -> list[str]:
    return page.eval_on_selector_all("#rank-body tr td:nth-child(2)", "tds => tds.map(td => td.textContent)")


def _select(page, sel: str, value: str) -> None:
    page.select_option(sel, value)


# ------------------------------------------------------------------ what the CSVs say

class Truth:
    def __init__(self, out: Path) -> None:
        self.registry = {r["id"]: r for r in _rows(out / "registry.csv")}
        self.results = {r["id"]: r for r in _rows(out / "results.csv") if r["index"] != ""}
        self.awards = load_awards("notice-2013")
        self.findings = [r for r in _rows(out / "findings.csv") if r["platform_id"] in self.registry]

    def members(self, award: str, group: str, **where: str) -> list[str]:
        g = next(g for g in self.awards.award(award).groups if g.id == group)
        out = []
        for pid in self.results:
            p = self.registry[pid]
            if all(p[k] in v for k, v in g.members.items()) and all(p[k] == v for k, v in where.items()):
                out.append(pid)
        return out

    def province_mean(self, province: str) -> float:
        return mean(float(self.results[p]["index"]) for p in self.results if self.registry[p]["province"] == province)

    def kinds(self, province: str | None = None) -> Counter[str]:
        """kind → platforms with it (in one province, or everywhere)."""
        seen = {(f["kind"], f["platform_id"]) for f in self.findings
                if province is None or self.registry[f["platform_id"]]["province"] == province}
        return Counter(k for k, _ in seen)


def _exercise(w: Watch, base: str, out: Path) -> dict[str, list]:
    t, page = Truth(out), w.page
    page.goto(base + "#/rankings")
    page.wait_for_selector("#rank-body tr")
    violations = {"rankings": _axe(page)}

    # the first ranking shown: 第一系列, its first award, its first group
    assert len(_shown(page)) == len(t.members("s1.most-influential", "central"))
    _select(page, "#f-group", "local")
    local = t.members("s1.most-influential", "local")
    assert len(_shown(page)) == len(local) > 10
    best = max(local, key=lambda p: (t.results[p]["vetoed"] != "true", float(t.results[p]["index"])))
    first = page.eval_on_selector("#rank-body tr td:nth-child(3)", "td => td.textContent")
    assert float(first) == pytest.approx(float(t.results[best]["index"]), abs=0.051)

    # filters: each one narrows to what the CSVs count
    province = Counter(t.registry[p]["province"] for p in local).most_common(1)[0][0]
    _select(page, "#f-province", province)
    in_province = t.members("s1.most-influential", "local", province=province)
    assert len(_shown(page)) == len(in_province) < len(local)
    level = Counter(t.registry[p]["level"] for p in in_province).most_common(1)[0][0]
    _select(page, "#f-level", level)
    assert len(_shown(page)) == len(t.members("s1.most-influential", "local", province=province, level=level))
    _select(page, "#f-province", "*")
    _select(page, "#f-level", "*")
    region = Counter(t.registry[p]["region"] for p in local).most_common(2)[1][0]
    _select(page, "#f-region", region)
    assert len(_shown(page)) == len(t.members("s1.most-influential", "local", region=region))
    _select(page, "#f-region", "*")
    assert len(_shown(page)) == len(local)
    word = next(w_ for w_ in ("人民", "政府", "市", "省", "网") if 0 < sum(w_ in t.registry[p]["name"] for p in local)
                < len(local))
    page.fill("#f-q", word)
    assert sorted(_shown(page)) == sorted(t.registry[p]["name"] for p in local if word in t.registry[p]["name"])
    page.fill("#f-q", "")

    # sorting by a column, both ways
    page.click("#rank-table th[data-sort=index] button")
    first_way = [float(x) for x in page.eval_on_selector_all("#rank-body tr td:nth-child(3)",
                                                              "tds => tds.map(td => td.textContent)")]
    page.click("#rank-table th[data-sort=index] button")
    other_way = [float(x) for x in page.eval_on_selector_all("#rank-body tr td:nth-child(3)",
                                                              "tds => tds.map(td => td.textContent)")]
    assert first_way != other_way and sorted(first_way) in (first_way, first_way[::-1])
    assert other_way == sorted(first_way, reverse=first_way == sorted(first_way))

    # to a platform's page and back: the list is as it was filtered
    _select(page, "#f-province", province)
    name = page.eval_on_selector("#rank-body tr a", "a => a.textContent")
    page.click("#rank-body tr a")
    page.wait_for_selector("#view-platform:not([hidden])")
    assert page.text_content("#platform-name") == name
    assert page.is_hidden("#view-rankings")
    href = page.get_attribute("#scorecard-link", "href")
    assert href.startswith("../scorecards/") and (out / "dashboard" / href).resolve().is_file()
    violations["platform"] = _axe(page)
    page.click("#back")
    page.wait_for_selector("#view-rankings:not([hidden])")
    assert len(_shown(page)) == len(in_province)

    # change against the previous campaign, as the store holds it
    con = duckdb.connect(str(out / "campaign.duckdb"), read_only=True)
    try:
        pid, data = con.execute("SELECT platform_id, data FROM observations WHERE probe = 'previous_campaign' "
                                "ORDER BY platform_id LIMIT 1").fetchone()
    finally:
        con.close()
    old = json.loads(data)["index_old"]
    page.goto(base + "#/platform/" + quote(pid, safe=""))
    page.wait_for_selector("#previous-text")
    assert f"{old:.1f}" in page.text_content("#previous-text")

    # screenshots the browser probe took, on the page of a platform that has them
    files = file_names(list(t.registry))
    with_thumbs = [p for p in t.registry if (out / "scorecards" / "thumbs" /
                                             f"{files[p].rsplit('.', 1)[0]}-desktop.jpg").is_file()]
    assert with_thumbs, "the demo renders some sites in the browser"
    page.goto(base + "#/platform/" + quote(with_thumbs[0], safe=""))
    page.wait_for_selector(".thumbs img")
    for _ in range(200):      # polled from here: the page's CSP forbids the string predicate wait_for_function evals
        if page.evaluate("() => [...document.querySelectorAll('.thumbs img')].every(i => i.complete)"):
            break
        page.wait_for_timeout(50)
    assert page.eval_on_selector(".thumbs img", "i => i.naturalWidth") > 0

    # the province tile map: 34 tiles, the mean index of a province as results.csv gives it
    page.goto(base + "#/map")
    page.wait_for_selector("#tiles .tile")
    assert page.eval_on_selector_all("#tiles .tile", "t => t.length") == 34
    tile = page.text_content(f'#tiles .tile[data-province="{province}"] .tv')
    assert tile == f"{t.province_mean(province):.1f}"
    violations["map"] = _axe(page)

    # findings: every kind, then one province's
    page.goto(base + "#/findings")
    page.wait_for_selector("#findings-body tr")
    kinds = t.kinds()
    assert page.eval_on_selector_all("#findings-body tr", "r => r.length") == len(kinds)
    top = page.eval_on_selector("#findings-body tr td:nth-child(2)", "td => td.textContent")
    assert int(top) == kinds.most_common(1)[0][1]
    _select(page, "#fd-province", province)
    assert page.eval_on_selector_all("#findings-body tr", "r => r.length") == len(t.kinds(province)) < len(kinds)
    violations["findings"] = _axe(page)

    w.check_clean()
    return {k: v for k, v in violations.items() if v}      # the views' serious or critical axe violations


def test_the_dashboard_from_disk(demo, chromium):
    w = Watch(chromium, allowed=("file://",))
    try:
        assert _exercise(w, (demo / "dashboard" / "index.html").as_uri(), demo) == {}
    finally:
        w.close()


def test_the_dashboard_through_govlens_serve(demo, chromium):
    proc = subprocess.Popen([sys.executable, "-m", "govlens", "serve", str(demo), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line: list[str] = []
        reader = threading.Thread(target=lambda: line.append(proc.stdout.readline()), daemon=True)
        reader.start()
        reader.join(30)
        assert line and line[0].startswith("http://127.0.0.1:"), (line, proc.poll())
        url = line[0].strip()
        assert url.endswith("/dashboard/index.html")
        origin = url.split("/dashboard/")[0] + "/"
        w = Watch(chromium, allowed=(origin,))
        try:
            assert _exercise(w, url, demo) == {}
        finally:
            w.close()
    finally:
        proc.terminate()
        proc.wait(10)


# ------------------------------------------------------------------ the small campaign: hostile names

def test_scanned_names_stay_text(campaign, chromium):
    out = campaign["out"]
    hostile = campaign["store"].frame("SELECT name FROM platforms WHERE id = 'ln'")["name"][0]
    assert "<script>" in hostile                      # the registry's name of 'ln' is a script tag
    script = (out / "dashboard" / "data.js").read_text(encoding="utf-8")
    assert "<" not in script and "</script" not in script.lower()
    w = Watch(chromium, allowed=("file://",))
    try:
        page = w.page
        page.goto((out / "dashboard" / "index.html").as_uri() + "#/rankings")
        _select(page, "#f-group", "local")
        page.fill("#f-q", "中国测试")
        assert _shown(page) == [hostile]
        assert page.eval_on_selector_all("img[src=x], #rank-body script", "e => e.length") == 0
        page.click("#rank-body tr a")
        assert page.text_content("#platform-name") == hostile
        # an id that is a path: the platform's page still opens, its scorecard link stays in scorecards/
        page.goto((out / "dashboard" / "index.html").as_uri() + "#/platform/" + quote("../../etc/passwd", safe=""))
        assert page.text_content("#platform-name") == "山东潍坊"
        href = page.get_attribute("#scorecard-link", "href")
        assert (out / "dashboard" / href).resolve().parent == (out / "scorecards").resolve()
        w.check_clean()
    finally:
        w.close()


def test_the_data_script_cannot_close_its_element():
    text = data_script({"name": "</script><script>alert(1)</script>", "sep": "\u2028", "amp": "&"})
    assert "<" not in text and ">" not in text and "\u2028" not in text
    assert json.loads(text[len("window.GOVLENS = "):-2]) == {"name": "</script><script>alert(1)</script>",
                                                            "sep": "\u2028", "amp": "&"}


def test_the_axe_check_sees_serious_violations(chromium, tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html><head><title>x</title></head><body><img src="x.png">'
                   '<p style="color:#ccc;background:#fff">浅色文字</p><select></select></body></html>', encoding="utf-8")
    w = Watch(chromium, allowed=("file://",))
    try:
        w.page.goto(bad.as_uri())
        found = {v["id"] for v in _axe(w.page)}
    finally:
        w.close()
    assert {"image-alt", "color-contrast", "html-has-lang"} <= found
