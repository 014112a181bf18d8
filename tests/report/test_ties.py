"""Tied ranks said as ties: two units of one group share rank 2 (ties = "min"); every report that shows a rank
says 并列第2 / 3 (en: tied 2 / 3) for them and a plain 1 / 3 for the untied unit of the group.

A real store (tests/report/conftest.py) in which 财政部 is given 商务部's index and rank, reports written in full."""
from __future__ import annotations

import json
import re

import pytest
from docx import Document
from pypdf import PdfReader

from govlens.report.data import load_campaign
from govlens.report.locale import Locale
from govlens.report.safety import file_names
from govlens.report.values import fmt_rank, result_rank

from .conftest import build_store

TIED = ("mofcom", "mof")              # central group of three: gov-cn 1, mofcom 2, mof 3 → mofcom, mof both 2


def _tie(built: dict) -> None:
    con = built["store"].con
    index = built["index"]["mofcom"]
    con.execute("UPDATE results SET \"index\" = ?, \"rank\" = 2 WHERE platform_id = 'mof'", [index])
    con.execute("UPDATE awards SET score = ? WHERE platform_id = 'mof'", [index])
    built["index"]["mof"] = index


@pytest.fixture(scope="module")
def tied(tmp_path_factory):
    from govlens.report import write_reports

    base = tmp_path_factory.mktemp("tied")
    built = build_store(base / "campaign.duckdb")
    _tie(built)
    built["out"] = base / "out"
    built["paths"] = write_reports(built["store"], built["out"], framework=built["framework"], awards=built["awards"])
    yield built
    built["store"].close()


def test_the_helper_says_a_shared_rank_as_a_tie():
    zh, en = Locale("zh-CN"), Locale("en")
    assert fmt_rank(3, zh, 9, 2) == "并列第3 / 9" and fmt_rank(3, zh, 9, 1) == "3 / 9"
    assert fmt_rank(3, en, 9, 3) == "tied 3 / 9" and fmt_rank(3, en, 9) == "3 / 9"
    assert fmt_rank(3, zh, tied=2) == "并列第3" and fmt_rank(3, en, tied=2) == "tied 3" and fmt_rank(3, zh) == "3"
    assert fmt_rank(None, zh, 9, 2) == "" and fmt_rank(2.5, en, 4, 2) == "tied 2.5 / 4"
    assert fmt_rank(2, zh, tied=2, sentence=True) == "并列第2名" and fmt_rank(1, zh, sentence=True) == "第1名"
    assert fmt_rank(2, en, tied=2, sentence=True) == "tied No. 2" and fmt_rank(1, en, sentence=True) == "No. 1"


def test_the_loaded_results_count_who_shares_a_rank(tied):
    data = load_campaign(tied["store"], tied["framework"].id)
    assert {pid: data.results[pid]["rank_ties"] for pid in ("gov-cn", *TIED)} == {"gov-cn": 1, "mofcom": 2, "mof": 2}
    # rank 2 is held once in the provincial group too (gd … ): a tie is counted within its group only
    assert all(r["rank_ties"] == 1 for pid, r in data.results.items() if pid not in TIED and r["rank"] is not None)
    en = Locale("en")
    assert [result_rank(data.results[p], en) for p in ("gov-cn", *TIED)] == ["1 / 3", "tied 2 / 3", "tied 2 / 3"]


def test_scorecards_say_the_tie(tied):
    files = file_names(tied["store"].frame("SELECT id FROM platforms")["id"])
    cards = tied["out"] / "scorecards"
    for pid in TIED:
        assert "并列第2 / 3" in (cards / files[pid]).read_text(encoding="utf-8"), pid
    untied = (cards / files["gov-cn"]).read_text(encoding="utf-8")
    assert "1 / 3" in untied and "并列" not in untied
    index = (cards / "index.html").read_text(encoding="utf-8")
    assert index.count("并列第2 / 3") == 2 and "并列第1" not in index


def test_the_notices_award_tables_say_the_tie(tied):
    doc = Document(str(tied["paths"]["notice.docx"]))
    rows = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    by_name = {r[1]: r[3] for r in rows if len(r) == 5}
    assert by_name["商务部"] == "并列第2 / 3" and by_name["中国政府网"] == "1 / 3"
    assert not any("并列" in rank for name, rank in by_name.items() if name not in ("商务部", "财政部"))
    text = re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in PdfReader(str(tied["paths"]["notice.pdf"])).pages))
    assert "并列第2/3" in text
    # the award reasons say the tie in their sentence: 商务部 (a winner) 位列…并列第2名, 中国政府网 第1名
    notice = re.sub(r"<[^>]+>", "", (tied["out"] / "notice.html").read_text(encoding="utf-8"))
    assert re.search(r"商务部[^。]*位列[^。]*并列第2名", notice)
    assert re.search(r"中国政府网[^。]*位列[^。]*第1名", notice) and "并列第1" not in notice


def test_the_dashboard_says_the_tie(tied):
    script = (tied["out"] / "dashboard" / "data.js").read_text(encoding="utf-8")
    model = json.loads(script[len("window.GOVLENS = "):-2])
    fw = tied["framework"].id
    by_id = {p["id"]: p for p in model["platforms"]}
    assert [by_id[p]["scores"][fw]["rank_text"] for p in ("gov-cn", *TIED)] == ["1 / 3", "并列第2 / 3", "并列第2 / 3"]
    # the award group of the central organs ranks the same three: its rows carry the shown rank
    ids = [p["id"] for p in model["platforms"]]
    central = next(g for s in model["series"] for a in s["awards"] for g in a["groups"]
                   if a["key"] == "s1.most-influential" and g["id"] == "central")
    shown = {ids[row[0]]: row[3] for row in central["rows"]}
    assert shown == {"gov-cn": "1", "mofcom": "并列第2", "mof": "并列第2"}
    app = (tied["out"] / "dashboard" / "app.js").read_text(encoding="utf-8")
    assert "s.rank_text" in app and "r.text" in app
