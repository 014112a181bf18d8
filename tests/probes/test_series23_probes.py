"""Featured columns, leader mailboxes and hotlines against the sandbox's ground truth, over real HTTP.

The shipped registry's 30 featured columns and 20 leader mailboxes, plus 120 generated columns and
60 generated mailboxes (more of every defect), are served by the sandbox on loopback; the
``column`` and ``mailbox`` probes visit them, the indicators judge them, and the findings
are compared with the truth per kind (printed; at least 0.95). Hotlines are judged from the
sandbox's test-call logs through the real importer.
"""
from __future__ import annotations

import datetime as dt

import pytest

from govlens.contract import defects as D
from govlens.contract.defects import match_key
from govlens.indicators.run import run_indicators
from govlens.probes.importers import hotline_calls
from govlens.probes.gatherers.mailbox import RECEIPT, letter_form
from govlens.probes.scan import run_scan
from govlens.registry import Platform, load_registry
from govlens.sandbox.check import compare, format_scores
from govlens.sandbox.server import run_in_thread
from govlens.sandbox.web import build_sandbox
from govlens.settings import Settings
from govlens.store import CampaignStore

AS_OF = dt.date(2013, 12, 15)
COLUMN_IDS = ["column-update-age", "column-update-rhythm", "column-volume", "column-depth", "column-query",
              "column-functions"]
MAILBOX_IDS = ["mailbox-form", "mailbox-reply-rate", "mailbox-letters", "reply-delay", "unanswered-letters"]
HOTLINE_IDS = ["hotline-answer-rate", "hotline-wait", "hotline-resolution", "hotline-courtesy"]
KINDS = (D.COLUMN_NOT_UPDATED, D.COLUMN_THIN_CONTENT, D.COLUMN_QUERY_BROKEN, D.MAILBOX_FORM_BROKEN,
         D.MAILBOX_NO_REPLIES, D.UNANSWERED_LETTER, D.HOTLINE_UNANSWERED, D.HOTLINE_SLOW)
_COL_NAMES = ("数据查询", "政策解读", "在线互动", "统计数据查询", "专题报道", "公众留言", "标讯信息", "工作动态")


def generated() -> list[Platform]:
    out = []
    for i in range(120):
        out.append(Platform(f"gcol-{i:03d}", f"测试网{i}·{_COL_NAMES[i % len(_COL_NAMES)]}", "column", "department",
                            "central", "", "national", f"http://www.ceshi{i // 3}.gov.cn/tslm/c{i}/index.html",
                            "featured_column"))
    for i in range(60):
        out.append(Platform(f"gmb-{i:03d}", f"测试市{i}市长信箱", "mailbox", "government", "prefecture", "江苏",
                            "east", f"http://szxx.ceshi{i}.gov.cn/", "mailbox"))
    for i in range(60):
        out.append(Platform(f"ghl-{i:03d}", f"测试市{i}市民热线", "hotline", "government", "prefecture", "江苏",
                            "east", f"http://12345.ceshi{i}.gov.cn/", "hotline"))
    return out


@pytest.fixture(scope="module")
def judged(tmp_path_factory):
    from govlens.registry.shipped import shipped_registry
    platforms = [p for p in load_registry(shipped_registry()).platforms
                 if p.kind in ("column", "mailbox", "hotline")] + generated()
    web = build_sandbox(platforms, 2013, AS_OF)
    tmp = tmp_path_factory.mktemp("series23")
    data = web.write_newmedia(tmp / "data")
    with run_in_thread(web, tmp / "sandbox") as running:
        store = CampaignStore(tmp / "c.duckdb")
        store.write_platforms(platforms)
        settings = Settings({"CHECK_DATE": AS_OF.isoformat()})
        run_scan(platforms, store, settings, sandbox_state=running.state(), probes=("column", "mailbox"))
    report = hotline_calls.import_file(store, data["hotline_calls"], platforms, check_date=AS_OF)
    assert not report.errors
    for kind, ids in (("column", COLUMN_IDS), ("mailbox", MAILBOX_IDS), ("hotline", HOTLINE_IDS)):
        run_indicators(store, [p for p in platforms if p.kind == kind], indicator_ids=ids, check_date=AS_OF,
                       settings=settings)
    yield store, web, platforms
    store.close()


def test_detection_against_truth(judged):
    store, web, platforms = judged
    mine = {p.id for p in platforms}
    truth = {match_key(s["platform_id"], d["kind"], d["url"]) for s in web.truth()["sites"]
             if s["platform_id"] in mine for d in s["defects"]}
    found = {match_key(r["platform_id"], r["kind"], r["url"]) for r in store.rows("findings")}
    scores = compare(truth, found, KINDS)
    print("\n" + format_scores(scores))
    assert all(s.truth >= 5 for s in scores), format_scores(scores)
    low = [s for s in scores if s.precision < 0.95 or s.recall < 0.95]
    assert not low, format_scores(low)


def test_columns_are_measured(judged):
    store, web, _ = judged
    col = next(c for cols in web.columns.values() for c in cols if c.platform.id == "col-spc-shixin")
    obs = store.rows("observations", platform_id="col-spc-shixin", kind="column")[0]["data"]
    assert obs["items_listed"] == len(col.items) and obs["list_pages"] == col.pages()
    assert obs["query_forms"] == 1 and len(obs["sample"]) == 8
    values = {r["indicator_id"]: r for r in store.rows("indicator_values", platform_id="col-spc-shixin")}
    assert values["column-volume"]["value"] == sum(1 for it in col.items if (AS_OF - it.date).days < 365)
    assert values["column-query"]["value"] == (0.0 if D.COLUMN_QUERY_BROKEN in col.flags else 1.0)
    # a column without a query form: not applicable, never zero
    plain = next(c for cols in web.columns.values() for c in cols if not c.query)
    v = {r["indicator_id"]: r for r in store.rows("indicator_values", platform_id=plain.platform.id)}
    assert v["column-query"]["status"] == "not_applicable" and v["column-query"]["value"] is None


def test_mailboxes_take_a_test_letter_in_sandbox_mode(judged):
    store, web, _ = judged
    for m in list(web.mailboxes.values())[:20]:
        sub = store.rows("observations", platform_id=m.platform.id, kind="mailbox_submit")[0]["data"]
        assert sub["submitted"] is True
        assert bool(sub["receipt"]) == (D.MAILBOX_FORM_BROKEN not in m.flags), m.platform.id
        letters = store.rows("observations", platform_id=m.platform.id, kind="letter")
        assert len(letters) == len(m.letters)


def test_hotline_figures(judged):
    store, web, platforms = judged
    rows = [r for r in web.hotline_rows() if r["platform_id"] == "hl-nanjing"]
    v = {r["indicator_id"]: r["value"] for r in store.rows("indicator_values", platform_id="hl-nanjing")}
    answered = [r for r in rows if r["answered"] == "true"]
    assert v["hotline-answer-rate"] == pytest.approx(len(answered) / len(rows), abs=1e-4)
    waits = sorted(r["wait_seconds"] for r in answered)
    mid = len(waits) // 2
    assert v["hotline-wait"] == pytest.approx(waits[mid] if len(waits) % 2 else (waits[mid - 1] + waits[mid]) / 2)


def test_letter_form_and_receipt_parsing():
    html = ('<form action="/x/submit.do" method="POST"><input name="xm"><input name="lxdh">'
            '<input type="hidden" name="t" value="7"><select name="dept"><option value="3">办公室</option></select>'
            '<textarea name="nr"></textarea><input type="submit" value="提交"></form>')
    form = letter_form(html, "http://a.gov.cn/write.html")
    assert form["action"] == "http://a.gov.cn/x/submit.do" and form["method"] == "post"
    assert form["fields"]["t"] == "7" and form["fields"]["dept"] == "3" and form["fields"]["lxdh"] == "13800000000"
    assert "测试来信" in form["fields"]["nr"]
    assert letter_form("<form><input name='q'></form>", "http://a.gov.cn/") is None
    assert RECEIPT.search("提交成功！您的信件编号为：XX20131215ABC，请牢记").group(1) == "XX20131215ABC"
    assert RECEIPT.search("系统维护中，暂停受理来信") is None


def test_no_letter_is_sent_outside_sandbox_mode(tmp_path):
    """Outside sandbox mode the probe reads the form but never submits it."""
    import asyncio

    from govlens.probes.base import ProbeContext
    from govlens.probes.net.fetch import Fetcher
    from govlens.probes.net.link_check import LinkChecker
    from govlens.probes.gatherers.mailbox import MailboxProbe

    p = Platform("mb-x", "测试市长信箱", "mailbox", "government", "prefecture", "江苏", "east",
                 "http://szxx.ceshi-x.gov.cn/", "mailbox")
    web = build_sandbox([p], 2013, AS_OF)
    posts: list[str] = []
    original = web.post
    web.post = lambda *a, **k: posts.append(a[1]) or original(*a, **k)   # count what reaches the server

    async def run(state):
        settings = Settings({"CHECK_DATE": AS_OF.isoformat()})
        async with Fetcher(settings, sandbox_state=state) as fetcher:
            probe = MailboxProbe()
            # the fetcher reaches the sandbox, but the probe is told it is not in sandbox mode
            await probe.setup(ProbeContext(settings=settings, fetcher=fetcher, link_checker=LinkChecker(fetcher, settings),
                                           check_date=AS_OF, sandbox_state=None))
            return await probe.probe(p)

    with run_in_thread(web, tmp_path / "sb") as running:
        out = asyncio.run(run(running.state()))
    sub = next(o for o in out if o.kind == "mailbox_submit").data
    assert sub["submitted"] is False and "sandbox mode only" in sub["reason"] and posts == []
    assert any(o.kind == "letter" for o in out)
