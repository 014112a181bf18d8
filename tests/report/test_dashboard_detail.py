"""The dashboard's platform page shows each finding's rendered detail: the sentence its scorecard shows (a stored
message written out in the report's locale), never the raw message nor HTML made from a scanned value.

A real store (tests/report/conftest.py) with one more finding whose detail is a message carrying hostile markup."""
from __future__ import annotations

import json

import pytest
from markupsafe import escape

from govlens import text
from govlens.report.dashboard import Collector
from govlens.report.data import iter_batches
from govlens.report.safety import file_names
from govlens.report.texts import shown

from .conftest import build_store

HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
DETAIL = text.message("freshness.src_page_evidence", year=HOSTILE + "2013")
FINDING = {"platform_id": "gd", "kind": "stale_homepage", "url": "https://gd.example.gov.cn/", "detail": DETAIL,
           "indicator_id": "homepage-freshness", "evidence_url": "https://gd.example.gov.cn/", "snippet": "",
           "observed_at": None}


@pytest.fixture(scope="module")
def detailed(tmp_path_factory):
    from govlens.report import write_reports

    base = tmp_path_factory.mktemp("detail")
    built = build_store(base / "campaign.duckdb")
    built["store"].insert("findings", [FINDING])
    built["out"] = base / "out"
    built["paths"] = write_reports(built["store"], built["out"], framework=built["framework"], awards=built["awards"])
    yield built
    built["store"].close()


def _model(out) -> dict:
    script = (out / "dashboard" / "data.js").read_text(encoding="utf-8")
    assert HOSTILE not in script and "<script" not in script and text.OPEN not in script
    return json.loads(script[len("window.GOVLENS = "):-2])


def test_the_platform_page_carries_the_scorecards_detail(detailed):
    zh = shown(DETAIL, "zh-CN")
    assert zh.startswith("页面中出现的年份") and HOSTILE in zh          # the message rendered, its value as given
    platforms = {p["id"]: p for p in _model(detailed["out"])["platforms"]}
    assert [f[3] for f in platforms["gd"]["findings"]] == [zh]
    # every finding of every platform: the detail its scorecard shows (HTML-escaped there, plain text here)
    files = file_names(platforms)
    for pid, p in platforms.items():
        card = (detailed["out"] / "scorecards" / files[pid]).read_text(encoding="utf-8")
        for f in p["findings"]:
            if f[3]:
                assert str(escape(f[3])) in card, (pid, f[3])            # as Jinja's autoescape writes it
    assert [f[3] for f in platforms["ln"]["findings"]] == ["HTTP 404", "@SUM(1+1)"]
    assert "detail" in detailed["out"].joinpath("dashboard", "app.js").read_text(encoding="utf-8")


def test_the_detail_is_rendered_in_the_reports_locale(detailed):
    store = detailed["store"]
    en = Collector("en")
    for batch in iter_batches(store, [r["id"] for r in store.rows("platforms")], detailed["framework"].id):
        en.add(batch)
    assert en.findings["gd"] == [["stale_homepage", "https://gd.example.gov.cn/", "https://gd.example.gov.cn/",
                                  shown(DETAIL, "en")]]
    assert shown(DETAIL, "en").startswith("page evidence ")
