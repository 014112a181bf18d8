"""Every text an indicator writes for people is a message in zh-CN and en (govlens.text), or plain data.

Two checks: the catalogues the indicator modules declare (both locales written, Chinese in zh-CN, the
same placeholders in both), and the details of a real run — a small sandbox web scanned with the real
probes and evaluated by every indicator — where no detail, evidence detail or finding detail may be a
plain string of words (raw exception text, English sentences), and no rendered text may show a
``None``, ``nan`` or an unknown message id.
"""
from __future__ import annotations

import datetime as dt
import importlib
import json
import pkgutil
import re
import string

import pytest

import govlens.indicators as package
from govlens import text
from govlens.indicators.catalogue import all_ids
from govlens.indicators.run import run_indicators
from govlens.probes.scan import run_scan
from govlens.sandbox.civilization import generate_civilization_sites
from govlens.sandbox.cn_domain import generate_cn_domains
from govlens.sandbox.foreign_site import generate_foreign_sites
from govlens.sandbox.platforms import generate_platforms
from govlens.sandbox.server import run_in_thread
from govlens.sandbox.web import build_sandbox
from govlens.settings import Settings
from govlens.store.campaign_store import CampaignStore

AS_OF = dt.date(2013, 12, 15)
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
#: Latin words a zh-CN text may hold without Chinese around them (protocols, units, standards, products).
ALLOWED = {"HTTP", "HTTPS", "KiB", "KB", "URL", "WCAG", "WCI", "SnowNLP", "lastmod", "canonical", "lang",
           "javascript", "Rmax", "Zmax", "px", "ms"}
#: Data inside a plain detail: URLs and host names (shown as they are).
ADDRESS = re.compile(r"https?://\S+|\b[\w-]+(\.[\w-]+)+(:\d+)?(/\S*)?")


def _words(plain: str) -> list[str]:
    """The Latin words of a plain (non-message) detail, its URLs and hosts aside."""
    return [w for w in LATIN_WORD.findall(ADDRESS.sub(" ", plain)) if w not in ALLOWED]


def _modules() -> list[str]:
    names = [m.name for m in pkgutil.walk_packages(package.__path__, prefix="govlens.indicators.")]
    for name in names:
        importlib.import_module(name)
    return names


def _placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def _indicator_messages() -> dict[str, dict[str, str]]:
    _modules()
    return {k: v for k, v in text.CATALOGUE.items() if not k.startswith(("test-", "visit."))}


def test_every_declared_message_has_both_locales_with_the_same_placeholders() -> None:
    messages = _indicator_messages()
    assert len(messages) > 500          # every indicator module declares its own
    key = re.compile(r"[a-z0-9_.\-]+")
    for name, texts in messages.items():
        zh, en = texts["zh-CN"], texts["en"]
        assert key.fullmatch(name), name                    # a marked string's id must parse back
        assert zh.strip() and en.strip(), name
        assert _placeholders(zh) == _placeholders(en), (name, zh, en)
        bare = re.sub(r"\{\w+\}", "", zh)
        foreign = [w for w in LATIN_WORD.findall(bare) if w not in ALLOWED]
        assert CJK.search(bare) or not foreign, (name, zh)


def test_a_message_renders_in_both_locales_without_leftover_placeholders() -> None:
    for name, texts in _indicator_messages().items():
        values = {f: "x" for f in _placeholders(texts["zh-CN"])}
        for locale in text.LOCALES:
            shown = text.render(text.message(name, **values), locale)
            assert "{" not in shown.replace("{x}", "") and text.OPEN not in shown, (name, locale, shown)


# ---------------------------------------------------------------- a real run
@pytest.fixture(scope="module")
def store(tmp_path_factory):
    platforms = (generate_platforms([], 8, 2013) + generate_cn_domains(3, 2013) + generate_foreign_sites(3, 2013)
                 + generate_civilization_sites(3, 2013))
    web = build_sandbox(platforms, 2013, AS_OF)
    tmp = tmp_path_factory.mktemp("messages")
    store = CampaignStore(tmp / "campaign.duckdb")
    store.write_platforms(platforms)
    settings = Settings({"CHECK_DATE": AS_OF.isoformat(), "AVAILABILITY_SPACING": 0, "BROWSER_ENABLED": False})
    with run_in_thread(web, tmp / "sandbox") as running:
        run_scan(platforms, store, settings, sandbox_state=running.state())
    run_indicators(store, platforms, indicator_ids=all_ids(), check_date=AS_OF, settings=settings)
    return store


def _details(store) -> list[tuple[str, str]]:
    out = []
    for ind, detail, evidence in store.con.execute(
            "SELECT indicator_id, detail, evidence FROM indicator_values").fetchall():
        out.append((ind, detail))
        for e in json.loads(evidence or "[]"):
            out.append((f"{ind} evidence", e.get("detail")))
    for kind, detail in store.con.execute("SELECT kind, detail FROM findings").fetchall():
        out.append((f"finding {kind}", detail))
    return out


def test_no_detail_of_a_real_run_is_a_plain_string_of_latin_words(store) -> None:
    details = _details(store)
    findings = store.con.execute("SELECT count(*) FROM findings").fetchone()[0]
    assert len(details) > 2000 and findings > 20          # the run judged something
    plain = [(where, d) for where, d in details if d and not text.is_message(d) and _words(d)]
    assert not plain, plain[:20]


def test_rendered_details_show_no_reprs_ids_or_raw_errors(store) -> None:
    bad = re.compile(r"\bNone\b|\bnan\b|NaT|Traceback|Error:|Exception|\{\w+\}")
    ids = re.compile(text.OPEN + r"([a-z0-9_.\-]+)\|")
    for where, detail in _details(store):
        unknown = [k for k in ids.findall(detail or "") if k not in text.CATALOGUE]
        assert not unknown, (where, unknown)
        for locale in text.LOCALES:
            shown = text.render(detail, locale)
            assert text.OPEN not in shown, (where, shown)           # every id known, every message closed
            assert not bad.search(shown), (where, locale, shown)
        if text.is_message(detail):
            assert CJK.search(text.render(detail, "zh-CN")), (where, text.render(detail, "zh-CN"))


def test_batch_details_are_messages_whose_values_survive_quotes_and_missing_numbers() -> None:
    import numpy as np

    from govlens.indicators.newmedia import update_recency
    from govlens.indicators.newmedia._newmedia import texts

    last = np.array(['2013-12-01 "引号" \\ 反斜杠', "—"], dtype=object)
    details = texts(update_recency.T, "last", last=last, v=np.array([3.0, np.nan]))
    assert [text.is_message(d) for d in details] == [True, True]
    assert text.render(details[0], "en") == 'last post 2013-12-01 "引号" \\ 反斜杠, 3 days before the check'
    assert text.render(details[1]) == "最近一次发文—，距检查日—天"          # NaN is a dash, never "nan"
